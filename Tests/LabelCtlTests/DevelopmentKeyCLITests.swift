import Foundation
import LabelerTestSupport
import Testing

@Suite struct DevelopmentKeyCLITests {
    @Test(
        "stamp --sign without --cert/--key makes a per-user development key once (0600), says so once, and signs with it"
    )
    func firstUse() throws {
        let home = try TestFiles.temporaryDirectory()
        var environment = ProcessInfo.processInfo.environment
        environment["XDG_CONFIG_HOME"] = home.path
        let out = try TestFiles.temporaryDirectory()
        let input = TestFiles.sampleMedia.appendingPathComponent("photos/rocket.jpg").path
        let first = try CLI.labelctl(
            ["stamp"] + CLI.stampFlags + ["--sign", "-o", out.path + "/a", input], environment: environment)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stderr.contains("made a development signing key"))
        let key = home.appendingPathComponent("labelctl/dev/key.pem").path
        let mode = try #require(FileManager.default.attributesOfItem(atPath: key)[.posixPermissions] as? Int)
        #expect(mode == 0o600)
        let second = try CLI.labelctl(
            ["stamp"] + CLI.stampFlags + ["--sign", "-o", out.path + "/b", input], environment: environment)
        #expect(second.status == 0 && !second.stderr.contains("made a development signing key"))
        let verify = try CLI.labelctl(["verify", "--json", out.path + "/a/rocket.jpg", out.path + "/b/rocket.jpg"])
        #expect(verify.status == 0)
        #expect(verify.stdout.split(separator: "\n").allSatisfy { $0.contains(#""ValidationState":"valid""#) })
        // One of --cert/--key alone is a usage error.
        let half = try CLI.labelctl(
            ["stamp"] + CLI.stampFlags + ["--sign", "--key", key, "-o", out.path + "/c", input],
            environment: environment)
        #expect(half.status == 64)
    }
}
