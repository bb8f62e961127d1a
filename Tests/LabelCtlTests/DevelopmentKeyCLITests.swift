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

    @Test(
        "verify trusts the user's own development root by default (and nobody else's); check --trusted gates on it"
    )
    func ownRootByDefault() throws {
        let home = try TestFiles.temporaryDirectory()
        var mine = ProcessInfo.processInfo.environment
        mine["XDG_CONFIG_HOME"] = home.path
        let out = try TestFiles.temporaryDirectory()
        let input = TestFiles.sampleMedia.appendingPathComponent("photos/rocket.jpg").path
        let stamped = try CLI.labelctl(
            ["stamp"] + CLI.stampFlags + ["--sign", "-o", out.path, input], environment: mine)
        #expect(stamped.status == 0, "\(stamped.stderr)")
        let file = out.path + "/rocket.jpg"
        let own = try CLI.labelctl(["verify", "--json", file], environment: mine)
        #expect(own.status == 0 && own.stdout.contains(#""ValidationState":"trusted""#), "\(own.stdout)")
        #expect(own.stdout.contains(#""Signer":""#) && own.stdout.contains("labelctl content signer"))
        // Someone else's machine (an empty config): intact, but untrusted.
        let other = try CLI.labelctl(["verify", "--json", file])
        #expect(other.status == 0 && other.stdout.contains(#""ValidationState":"valid""#))
        #expect(other.stdout.contains("c2pa.signingCredential.untrusted"))
        // check --trusted: met with the own root, not met elsewhere (exit 1, the file named).
        let gateOwn = try CLI.labelctl(["check", "--trusted", file], environment: mine)
        #expect(gateOwn.status == 0, "\(gateOwn.stdout)\(gateOwn.stderr)")
        let gateOther = try CLI.labelctl(["check", "--trusted", file])
        #expect(gateOther.status == 1 && gateOther.stdout.contains("rocket.jpg"), "\(gateOther.stdout)")
        // An explicit --trust-anchors replaces the default.
        let stranger = try TestFiles.temporaryDirectory()
        #expect(try CLI.labelctl(["keygen", "--out", stranger.path + "/k"]).status == 0)
        let replaced = try CLI.labelctl(
            ["verify", "--json", "--trust-anchors", stranger.path + "/k/root.pem", file], environment: mine)
        #expect(replaced.stdout.contains(#""ValidationState":"valid""#))
    }
}
