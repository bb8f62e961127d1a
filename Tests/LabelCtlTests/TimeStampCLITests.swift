import Foundation
import LabelerTestSupport
import Testing

@Suite struct TimeStampCLITests {
    @Test("stamp --sign --tsa: verify --json shows the time-stamp; an unreachable TSA writes nothing")
    func tsa() throws {
        let folder = try TestFiles.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let made = try CLI.labelctl(["keygen", "--out", folder.path + "/keys"])
        #expect(made.status == 0, "\(made.stderr)")
        let original = TestFiles.sampleMedia.appendingPathComponent("photos/rocket.jpg")
        let input = folder.appendingPathComponent("rocket.jpg")
        try FileManager.default.copyItem(at: original, to: input)
        let signing = [
            "--sign", "--cert", folder.path + "/keys/chain.pem", "--key", folder.path + "/keys/key.pem",
        ]
        let tsa = try LoopbackTSA()
        let url = tsa.url.absoluteString
        let good = try CLI.labelctl(
            ["stamp"] + CLI.stampFlags + signing + ["--tsa", url, "-o", folder.path + "/out", input.path])
        #expect(good.status == 0, "\(good.stderr)")
        let verify = try CLI.labelctl([
            "verify", "--json", "--trust-anchors", folder.path + "/keys/root.pem", folder.path + "/out/rocket.jpg",
        ])
        #expect(verify.stdout.contains(#""ValidationState":"trusted""#), "\(verify.stdout)")
        #expect(verify.stdout.contains(#""TimeStampValidated":"true""#))
        #expect(verify.stdout.contains(#""TimeStamp":"20"#))
        tsa.stop()
        let down = try CLI.labelctl(
            ["stamp"] + CLI.stampFlags + signing + ["--tsa", url, "--in-place", input.path])
        #expect(down.status != 0)
        #expect(down.stderr.contains(url), "\(down.stderr)")
        #expect(try TestFiles.read(input) == TestFiles.read(original))
        let offline = try CLI.labelctl(
            ["stamp"] + CLI.stampFlags + ["--tsa", url, "-o", folder.path + "/x", input.path])
        #expect(offline.status == 64 && offline.stderr.contains("--tsa"), "\(offline.stderr)")
    }
}
