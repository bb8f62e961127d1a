import Foundation
import LabelerTestSupport
import Testing

@Suite struct SignerCommandCLITests {
    @Test("--signer-command: an external program signs (here openssl, DER ECDSA); one holding another key is refused")
    func externalSigner() throws {
        let folder = try TestFiles.temporaryDirectory()
        for name in ["mine", "other"] {
            let made = try CLI.labelctl(["keygen", "--out", folder.path + "/" + name])
            #expect(made.status == 0, "\(made.stderr)")
        }
        let input = TestFiles.sampleMedia.appendingPathComponent("photos/rocket.jpg").path
        let chain = folder.path + "/mine/chain.pem"
        let good = try CLI.labelctl(
            ["stamp"] + CLI.stampFlags + [
                "--sign", "--cert", chain, "--signer-command",
                "openssl dgst -sha256 -sign '\(folder.path)/mine/key.pem'",
                "-o", folder.path + "/out", input,
            ])
        #expect(good.status == 0, "\(good.stderr)")
        let verify = try CLI.labelctl([
            "verify", "--json", "--trust-anchors", folder.path + "/mine/root.pem", folder.path + "/out/rocket.jpg",
        ])
        #expect(verify.stdout.contains(#""ValidationState":"trusted""#), "\(verify.stdout)")
        let wrong = try CLI.labelctl(
            ["stamp"] + CLI.stampFlags + [
                "--sign", "--cert", chain, "--signer-command",
                "openssl dgst -sha256 -sign '\(folder.path)/other/key.pem'",
                "-o", folder.path + "/wrong", input,
            ])
        #expect(wrong.status == 65)
        #expect(wrong.stderr.contains("does not verify with the certificate's key"))
        #expect(!FileManager.default.fileExists(atPath: folder.path + "/wrong/rocket.jpg"))
        // --signer-command replaces --key: both together is a usage error.
        let both = try CLI.labelctl(
            ["stamp"] + CLI.stampFlags + [
                "--sign", "--cert", chain, "--key", folder.path + "/mine/key.pem", "--signer-command", "cat", "-o",
                folder.path + "/x", input,
            ])
        #expect(both.status == 64)
    }
}
