import Crypto
import Foundation

/// A signer that is an external program (a KMS or HSM client, a PKCS#11 wrapper): it reads the bytes
/// to sign on standard input and writes the signature on standard output, as c2patool's
/// `--signer-path` does. Run with `/bin/sh -c COMMAND` once per signature.
///
/// The algorithm follows the leaf certificate's key (P-256 → ES256, P-384 → ES384, Ed25519).
/// ECDSA signatures may come raw (`r‖s`) or DER-encoded (what `openssl dgst -sign` writes); they are
/// stored raw, as COSE wants. Every signature is checked against the leaf's public key before it is
/// used, so a program holding another key is caught at the first file.
public struct CommandSigner: Signer {
    public let command: String
    public let certificateChain: [[UInt8]]
    public let algorithm: COSE.Algorithm
    private let spki: [UInt8]

    public var signatureSize: Int { algorithm == .es384 ? 96 : 64 }

    /// - Throws: ``CertificateError`` when the chain has no certificate or its leaf breaks the C2PA
    ///   certificate profile; ``COSE/Error/badKey(_:)`` when its key is not one this signer supports.
    public init(command: String, chainPEM: String) throws {
        let signingChain = try SigningChain(pem: chainPEM)
        let chain = signingChain.certificates
        let spki = signingChain.leaf.publicKey.der
        if (try? P256.Signing.PublicKey(derRepresentation: spki)) != nil {
            algorithm = .es256
        } else if (try? P384.Signing.PublicKey(derRepresentation: spki)) != nil {
            algorithm = .es384
        } else if spki.count == 44, (try? Curve25519.Signing.PublicKey(rawRepresentation: spki.suffix(32))) != nil {
            algorithm = .ed25519
        } else {
            throw COSE.Error.badKey("the leaf's key is not P-256, P-384 or Ed25519")
        }
        self.command = command
        self.spki = spki
        certificateChain = chain
    }

    public func sign(_ message: [UInt8]) throws -> [UInt8] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        // Write on another thread: a program that answers before reading all of stdin must not deadlock us.
        let writer = DispatchQueue.global()
        let handle = input.fileHandleForWriting
        let bytes = Data(message)
        writer.async {
            try? handle.write(contentsOf: bytes)
            try? handle.close()
        }
        let answer = Array(output.fileHandleForReading.readDataToEndOfFile())
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw SignerError("the signer command exited with status \(process.terminationStatus)")
        }
        let signature = try raw(answer)
        guard try SignatureVerifier.isValid(signature, over: message, spki: spki, algorithm: algorithm) else {
            throw SignerError(
                "the signer command's signature does not verify with the certificate's key (another key?)")
        }
        return signature
    }

    /// ECDSA signatures in DER become `r‖s`; raw ones and Ed25519's pass through.
    private func raw(_ answer: [UInt8]) throws -> [UInt8] {
        if answer.count == signatureSize { return answer }
        switch algorithm {
        case .es256:
            if let parsed = try? P256.Signing.ECDSASignature(derRepresentation: answer) {
                return Array(parsed.rawRepresentation)
            }
        case .es384:
            if let parsed = try? P384.Signing.ECDSASignature(derRepresentation: answer) {
                return Array(parsed.rawRepresentation)
            }
        default:
            break
        }
        throw SignerError("the signer command wrote \(answer.count) bytes, not a \(algorithm) signature")
    }
}

/// An external signer failed.
public struct SignerError: Error, Sendable, CustomStringConvertible {
    public var description: String
    init(_ description: String) { self.description = "signer: " + description }
}
