import Dispatch
import SwiftASN1
import X509

/// The roots a validator trusts (C2PA 2.x §14.4; c2pa-rs `trust_anchors`), and the check that a
/// signer's chain ends at one of them (RFC 5280 path validation by swift-certificates).
///
/// swift-certificates' verifier is `async`, while the pipeline runs on Dispatch threads: the check
/// runs as a detached task and the calling Dispatch worker waits for it. That worker is not a
/// thread of Swift's cooperative pool, so the task always has one to run on; a chain is a few
/// certificates, so the wait is short.
public struct TrustAnchors: Sendable {
    let roots: [Certificate]

    public var count: Int { roots.count }
    /// Certificates of the bundle swift-certificates cannot use (RSA-PSS keys): left out, and said.
    public let skipped: [String]

    /// The certificates of a PEM bundle.
    /// - Throws: when the text holds no usable certificate.
    public init(pem: String) throws {
        let blocks = PEM.blocks(in: pem, type: "CERTIFICATE")
        var roots: [Certificate] = []
        var skipped: [String] = []
        for block in blocks {
            do { roots.append(try Certificate(derEncoded: block)) } catch { skipped.append("\(error)") }
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

    /// `nil` when the chain (leaf first, DER) validates to one of the anchors now, else why not.
    public func problem(with chain: [[UInt8]]) -> String? {
        guard let leafBytes = chain.first else { return "no certificate chain" }
        let leaf: Certificate
        let intermediates: [Certificate]
        do {
            leaf = try Certificate(derEncoded: leafBytes)
            intermediates = try chain.dropFirst().map { try Certificate(derEncoded: $0) }
        } catch {
            return "the chain cannot be read for path validation (\(error))"
        }
        let roots = self.roots
        let outcome = OutcomeBox()
        let done = DispatchSemaphore(value: 0)
        Task.detached {
            var verifier = Verifier(rootCertificates: CertificateStore(roots)) { RFC5280Policy() }
            let result = await verifier.validate(leaf: leaf, intermediates: CertificateStore(intermediates))
            switch result {
            case .validCertificate: outcome.set(nil)
            case .couldNotValidate(let failures):
                outcome.set(
                    failures.isEmpty
                        ? "no path to a trust anchor"
                        : failures.map { "\($0.policyFailureReason)" }.joined(separator: "; "))
            }
            done.signal()
        }
        done.wait()
        return outcome.value
    }

    private final class OutcomeBox: @unchecked Sendable {
        // Written once by the task before it signals, read after the wait: the semaphore orders them.
        private(set) var value: String?
        func set(_ value: String?) { self.value = value }
    }
}
