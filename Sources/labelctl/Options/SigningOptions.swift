import ArgumentParser
import Foundation
import Labeler
import LabelerC2PA

/// How to sign (`--sign`, credentials, `--tsa`), shared by `stamp` and `text stamp`.
struct SigningOptions: ParsableArguments {
    @Flag(
        name: .long,
        help: """
            Also sign: a C2PA manifest (claim v2, c2pa.actions.v2 with the digital source type, cawg.metadata, \
            c2pa.hash.data); a manifest already in the file is kept as the parent ingredient.
            """)
    var sign = false

    @Option(
        name: .long,
        help: "With --sign: the certificate chain, PEM, leaf first (default: the per-user development key).")
    var cert: String?

    @Option(name: .long, help: "With --sign: the private key, PEM (PKCS#8 or SEC1; P-256, P-384 or Ed25519).")
    var key: String?

    @Option(
        name: .long,
        help:
            "With --sign and --cert: a program that signs (reads the bytes on stdin, writes the signature on stdout), run with /bin/sh -c, instead of --key: a KMS, HSM or PKCS#11 client."
    )
    var signerCommand: String?

    @Option(
        name: .long,
        help:
            "With --sign: an RFC 3161 time-stamp authority (http or https URL) that time-stamps each signature (sigTst2). Without it, signing is offline."
    )
    var tsa: String?

    /// Usage errors, before any file is read.
    func check() throws {
        if let signerCommand {
            guard sign, cert != nil, key == nil, !signerCommand.isEmpty else {
                throw ValidationError("--signer-command goes with --sign and --cert CHAIN.pem, instead of --key")
            }
        } else if sign, (cert == nil) != (key == nil) {
            throw ValidationError("give both --cert CHAIN.pem and --key KEY.pem, or neither (the development key)")
        }
        if !sign, cert != nil || key != nil { throw ValidationError("--cert and --key are for --sign") }
        if tsa != nil, !sign { throw ValidationError("--tsa URL time-stamps signatures: it goes with --sign") }
    }

    /// The authority of `--tsa`; a malformed URL is a usage error, before any file is read.
    func timeStampAuthority() throws -> (any TimeStampAuthority)? {
        guard let tsa else { return nil }
        do {
            guard let url = URL(string: tsa) else { throw ValidationError("--tsa: '\(tsa)' is not a URL") }
            return try HTTPTimeStampAuthority(url: url)
        } catch {
            CommandSupport.printError("--tsa: \(error)")
            throw RunStatus.usage.exitCode
        }
    }

    /// The signer of `--sign`, from `--cert` and `--key`; a key that does not match the leaf
    /// certificate is refused here, before any file is read.
    func loadSigner() throws -> (any Signer)? {
        guard sign else { return nil }
        if let signerCommand, let cert {
            do {
                return try CommandSigner(
                    command: signerCommand, chainPEM: try ReportFile.readText(StandardStreams.argumentPath(cert)))
            } catch let error as LabelerError {
                throw CommandSupport.fail(error)
            } catch {
                CommandSupport.printError("--signer-command: \(error)")
                throw RunStatus.usage.exitCode
            }
        }
        guard let cert, let key else {
            do {
                let (signer, created) = try DevelopmentKeyStore.signer()
                if created {
                    CommandSupport.printError(
                        "note: made a development signing key and root in \(DevelopmentKeyStore.folder) (validators trust it once root.pem is among their anchors)"
                    )
                }
                return signer
            } catch let error as LabelerError {
                throw CommandSupport.fail(error)
            }
        }
        do {
            let chain = try ReportFile.readText(StandardStreams.argumentPath(cert))
            let pem = try ReportFile.readText(StandardStreams.argumentPath(key))
            return try LocalSigner(keyPEM: pem, chainPEM: chain)
        } catch let error as LabelerError {
            throw CommandSupport.fail(error)
        } catch {
            CommandSupport.printError("--sign: \(error)")
            throw RunStatus.usage.exitCode
        }
    }
}
