import Foundation

/// A signer's certificate chain as read from PEM (leaf first), refused up front when c2pa-rs would
/// refuse it (C2PA 2.x §14.5.1; c2pa.md §5.2: it checks the profile before signing): nothing is
/// signed or written with a leaf that validators report as `signingCredential.invalid`.
struct SigningChain: Sendable {
    /// DER, leaf first: the x5chain.
    let certificates: [[UInt8]]
    let leaf: X509Certificate

    /// - Throws: ``CertificateError`` naming the profile rule the leaf breaks at `time`, or what
    ///   cannot be read.
    init(pem: String, at time: Date = Date()) throws {
        let chain = PEM.blocks(in: pem, type: "CERTIFICATE")
        guard let first = chain.first else { throw COSE.Error.badKey("no certificate in the chain file") }
        let leaf: X509Certificate
        do { leaf = try X509Certificate(derEncoded: first) } catch {
            throw CertificateError("the leaf certificate: \(error)")
        }
        for (index, der) in chain.enumerated().dropFirst() {
            do { _ = try X509Certificate(derEncoded: der) } catch {
                throw CertificateError("certificate \(index + 1) of the chain: \(error)")
            }
        }
        if let violation = CertificateProfile().violation(of: leaf, at: time) {
            throw CertificateError("C2PA validators would refuse this signing certificate (\(violation))")
        }
        certificates = chain
        self.leaf = leaf
    }
}
