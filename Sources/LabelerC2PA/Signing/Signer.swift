import Crypto
import Foundation
import _CryptoExtras

/// What signs a claim: an algorithm, a certificate chain (leaf first, DER), and a function from
/// bytes to a signature in COSE form (ECDSA `r‖s`, Ed25519's 64 bytes). A KMS, an HSM or an
/// external program plugs in by conforming; ``LocalSigner`` holds a key in memory.
public protocol Signer: Sendable {
    var algorithm: COSE.Algorithm { get }
    var certificateChain: [[UInt8]] { get }
    /// The signature's size in bytes, known before signing (the store's size is reserved first).
    var signatureSize: Int { get }
    func sign(_ message: [UInt8]) throws -> [UInt8]
}

/// A signer holding a private key in memory, loaded from PEM (PKCS#8, or SEC1 for EC keys, PKCS#1
/// for RSA keys). RSA keys sign PS256 (RSASSA-PSS, MGF1 with the same hash, salt = hash length,
/// RFC 8230 §2), or PS384/PS512 when the leaf is an `id-RSASSA-PSS` key restricted to that hash.
///
/// The chain is held to the C2PA certificate profile before anything is signed (``SigningChain``).
public struct LocalSigner: Signer {
    private enum Key: Sendable {
        case p256(P256.Signing.PrivateKey)
        case p384(P384.Signing.PrivateKey)
        case ed25519(Curve25519.Signing.PrivateKey)
        case rsa(_RSA.Signing.PrivateKey, COSE.Algorithm)
    }

    private let key: Key
    public let certificateChain: [[UInt8]]

    public var algorithm: COSE.Algorithm {
        switch key {
        case .p256: return .es256
        case .p384: return .es384
        case .ed25519: return .ed25519
        case .rsa(_, let algorithm): return algorithm
        }
    }

    public var signatureSize: Int {
        switch key {
        case .p256, .ed25519: return 64
        case .p384: return 96
        case .rsa(let key, _): return (key.keySizeInBits + 7) / 8
        }
    }

    /// Loads `keyPEM` and the PEM chain `chainPEM` (leaf first), and refuses a leaf that breaks the
    /// C2PA certificate profile, or a key that does not match the leaf's public key, before
    /// anything is signed.
    /// - Throws: ``COSE/Error/badKey(_:)``, ``CertificateError``.
    public init(keyPEM: String, chainPEM: String) throws {
        let chain = try SigningChain(pem: chainPEM)
        let spki = chain.leaf.publicKey.der
        if let key = try? P256.Signing.PrivateKey(pemRepresentation: keyPEM) {
            guard key.publicKey.derRepresentation == Data(spki) else {
                throw COSE.Error.badKey("the key does not match the certificate")
            }
            self.key = .p256(key)
        } else if let key = try? P384.Signing.PrivateKey(pemRepresentation: keyPEM) {
            guard key.publicKey.derRepresentation == Data(spki) else {
                throw COSE.Error.badKey("the key does not match the certificate")
            }
            self.key = .p384(key)
        } else if let der = PEM.blocks(in: keyPEM, type: "PRIVATE KEY").first, der.count == 48,
            let key = try? Curve25519.Signing.PrivateKey(rawRepresentation: der.suffix(32))
        {
            // PKCS#8 Ed25519: a fixed 16-byte prefix, then the 32-byte seed (RFC 8410 §7).
            guard Array(key.publicKey.rawRepresentation) == Array(spki.suffix(32)) else {
                throw COSE.Error.badKey("the key does not match the certificate")
            }
            self.key = .ed25519(key)
        } else if let key = RSAKeyLoader.privateKey(pem: keyPEM) {
            guard Array(key.publicKey.pkcs1DERRepresentation) == chain.leaf.publicKey.key else {
                throw COSE.Error.badKey("the key does not match the certificate")
            }
            self.key = .rsa(key, try RSAKeyLoader.algorithm(for: chain.leaf.publicKey))
        } else {
            throw COSE.Error.badKey(
                "the key is not a P-256, P-384, Ed25519 or RSA (2048 bits or more) private key in PEM")
        }
        certificateChain = chain.certificates
    }

    public func sign(_ message: [UInt8]) throws -> [UInt8] {
        switch key {
        case .p256(let key): return Array(try key.signature(for: message).rawRepresentation)
        case .p384(let key): return Array(try key.signature(for: message).rawRepresentation)
        case .ed25519(let key): return Array(try key.signature(for: message))
        case .rsa(let key, let algorithm):
            let signature: _RSA.Signing.RSASignature
            switch algorithm {
            case .ps384: signature = try key.signature(for: SHA384.hash(data: message), padding: .PSS)
            case .ps512: signature = try key.signature(for: SHA512.hash(data: message), padding: .PSS)
            default: signature = try key.signature(for: SHA256.hash(data: message), padding: .PSS)
            }
            return Array(signature.rawRepresentation)
        }
    }
}

/// PEM blocks (RFC 7468) decoded to DER.
enum PEM {
    static func blocks(in text: String, type: String) -> [[UInt8]] {
        var blocks: [[UInt8]] = []
        var body: String?
        for line in text.split(whereSeparator: \.isNewline).map({ $0.trimmingCharacters(in: .whitespaces) }) {
            if line == "-----BEGIN \(type)-----" {
                body = ""
            } else if line == "-----END \(type)-----", let current = body {
                if let der = Data(base64Encoded: current) { blocks.append(Array(der)) }
                body = nil
            } else if body != nil {
                body?.append(line)
            }
        }
        return blocks
    }
}
