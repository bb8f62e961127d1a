public import Foundation

/// The roots a validator trusts (C2PA 2.x §14.4; c2pa-rs `trust_anchors`), and the check that a
/// signer's chain ends at one of them.
///
/// Every certificate C2PA allows is accepted as an anchor, RSA-PSS keys included: the bundle is
/// read with ``X509Certificate`` (swift-asn1), not swift-certificates, which refuses
/// `id-RSASSA-PSS` keys and cannot verify PSS certificate signatures (c2pa.md §9.1) — and every
/// c2pa-rs PS256 fixture is signed by such a chain.
///
/// Path validation is ``CertificatePath`` for all chains, not only the ones swift-certificates
/// cannot do: one code path gives one behaviour for every algorithm (a PS256 and an ES256 signer
/// are judged by the same rules, the ones c2pa-rs applies), and it is synchronous. The former
/// bridge — swift-certificates' `async` verifier run as a detached task while the Dispatch worker
/// waited on a semaphore — is gone with it: the pipeline's Dispatch threads now call a plain
/// function, and no cooperative-pool thread is ever borrowed or blocked on.
public struct TrustAnchors: Sendable {
    let roots: [X509Certificate]
    /// Results by chain: a batch signed by one key validates its path once (``PathCache``).
    private let cache = PathCache()

    public var count: Int { roots.count }
    /// Certificates of the bundle that cannot be read: left out, and said.
    public let skipped: [String]

    /// The certificates of a PEM bundle.
    /// - Throws: when the text holds no usable certificate.
    public init(pem: String) throws {
        let blocks = PEM.blocks(in: pem, type: "CERTIFICATE")
        var roots: [X509Certificate] = []
        var skipped: [String] = []
        for block in blocks {
            do { roots.append(try X509Certificate(derEncoded: block)) } catch { skipped.append("\(error)") }
        }
        guard !roots.isEmpty else {
            throw ManifestError(
                blocks.isEmpty
                    ? "no certificate in the trust-anchor file"
                    : "no usable certificate in the trust-anchor file: \(skipped.joined(separator: "; "))")
        }
        self.roots = roots
        self.skipped = skipped
    }

    /// `nil` when the chain (leaf first, DER) validates to one of the anchors at `time`, else why not.
    public func problem(with chain: [[UInt8]], at time: Date = Date()) -> String? {
        let certificates: [X509Certificate]
        do {
            certificates = try chain.map { try X509Certificate(derEncoded: $0) }
        } catch {
            return "the chain cannot be read for path validation (\(error))"
        }
        return problem(with: certificates, at: time)
    }

    /// `nil` when the parsed chain (leaf first) validates to one of the anchors at `time`, else why not.
    public func problem(with chain: [X509Certificate], at time: Date = Date()) -> String? {
        cache.problem(for: chain, anchors: roots, at: time) {
            CertificatePath(anchors: roots).problem(with: chain, at: time)
        }
    }
}
