import ArgumentParser
import Labeler
import LabelerC2PA

struct KeygenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keygen",
        abstract: "Make a signing key and a certificate chain (own root + leaf) that C2PA validators accept.",
        discussion: """
            Writes DIR/key.pem (the leaf's private key, PKCS#8, mode 0600), DIR/chain.pem (the leaf certificate: \
            pass it to stamp --sign --cert) and DIR/root.pem (the root: give it to validators as a trust anchor). \
            The leaf is shaped as c2pa-rs requires (v3, not a CA, digitalSignature, emailProtection, SKI/AKI). \
            Existing files are never overwritten.

            \(RunStatus.table)
            """)

    enum Algorithm: String, ExpressibleByArgument, CaseIterable {
        case es256, ed25519, ps256

        var cose: COSE.Algorithm {
            switch self {
            case .es256: return .es256
            case .ed25519: return .ed25519
            case .ps256: return .ps256
            }
        }
    }

    @Option(name: .long, help: "Folder to write key.pem, chain.pem and root.pem into.")
    var out: String

    @Option(
        name: .long,
        help: "Signature algorithm: es256 (default), ed25519, or ps256 (RSA-2048 keys; RSASSA-PSS claim signatures).")
    var alg: Algorithm = .es256

    @Option(name: .long, help: "Organisation named in the certificates.")
    var subject: String = "Labeler development"

    func run() throws {
        let folder = StandardStreams.argumentPath(out)
        do {
            let credentials = try DevelopmentCredentials.generate(
                algorithm: alg.cose, subject: subject)
            try ReportFile.makeFolder(folder, mode: 0o700)
            try ReportFile.writeNew(folder.appending("key.pem"), credentials.keyPEM, mode: 0o600)
            try ReportFile.writeNew(folder.appending("chain.pem"), credentials.chainPEM, mode: 0o644)
            try ReportFile.writeNew(folder.appending("root.pem"), credentials.rootPEM, mode: 0o644)
            print(
                "wrote \(folder.appending("key.pem")) (0600), \(folder.appending("chain.pem")), \(folder.appending("root.pem"))"
            )
        } catch let error as LabelerError {
            throw CommandSupport.fail(error)
        } catch {
            CommandSupport.printError("keygen: \(error)")
            throw RunStatus.dataError.exitCode
        }
    }
}
