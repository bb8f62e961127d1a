public import Foundation

/// Path validation from a signer's chain to a trust anchor (RFC 5280 §6.1, the subset C2PA signer
/// chains need), for every key and signature C2PA allows — RSA-PSS included, which
/// swift-certificates' `Verifier` cannot do.
///
/// Starting at the leaf, each step looks for an issuer — first among the anchors, then among the
/// chain's other certificates — whose subject equals the current certificate's issuer name (DER,
/// compared bytewise, §7.1) and whose key verifies its signature (§6.1.3 (a)(1)). Checked on the way:
///
/// * every certificate, anchors included, is valid at the validation time (§6.1.3 (a)(2));
/// * an intermediate is a CA (basicConstraints `cA`, §6.1.4 (k)), asserts keyCertSign when it has
///   a keyUsage (§6.1.4 (n)), and its pathLenConstraint covers the intermediates below it
///   (§6.1.4 (l)/(m)); an anchor's pathLenConstraint is honoured the same way;
/// * an intermediate is used once (no loops); the path is at most the chain's length.
///
/// A leaf that is itself an anchor (byte for byte) is trusted, as c2pa-rs does (c2pa.md §5.3).
/// Policies, name constraints and revocation are not processed (C2PA signer chains carry none
/// that c2pa-rs enforces; revocation is OCSP, out of scope here).
public struct CertificatePath: Sendable {
    public let anchors: [X509Certificate]

    public init(anchors: [X509Certificate]) { self.anchors = anchors }

    /// `nil` when `chain` (leaf first) leads to an anchor at `time`, else why not.
    public func problem(with chain: [X509Certificate], at time: Date) -> String? {
        guard let leaf = chain.first else { return "no certificate chain" }
        if anchors.contains(where: { $0.der == leaf.der }) {
            return leaf.isValid(at: time) ? nil : "the anchor (the leaf itself) is not valid at \(time)"
        }
        guard leaf.isValid(at: time) else { return "the signing certificate is not valid at \(time)" }
        var current = leaf
        var unused = Array(chain.dropFirst())
        var intermediatesBelow = 0
        var reasons: [String] = []
        while true {
            for anchor in anchors where anchor.subject == current.issuer {
                if let reason = stepProblem(
                    current, issuer: anchor, below: intermediatesBelow, at: time, isAnchor: true)
                {
                    reasons.append(reason)
                } else {
                    return nil
                }
            }
            var next: Int?
            for (index, candidate) in unused.enumerated() where candidate.subject == current.issuer {
                if let reason = stepProblem(
                    current, issuer: candidate, below: intermediatesBelow, at: time, isAnchor: false)
                {
                    reasons.append(reason)
                } else {
                    next = index
                    break
                }
            }
            guard let index = next else {
                return reasons.isEmpty
                    ? "no path to a trust anchor" : "no path to a trust anchor (\(reasons.joined(separator: "; ")))"
            }
            current = unused.remove(at: index)
            if !current.isSelfIssued { intermediatesBelow += 1 }
        }
    }

    /// Why `issuer` cannot be the next step above `certificate`, or `nil` when it can.
    private func stepProblem(
        _ certificate: X509Certificate, issuer: X509Certificate, below: Int, at time: Date, isAnchor: Bool
    ) -> String? {
        let role = isAnchor ? "anchor" : "intermediate"
        do {
            guard try CertificateSignature.isValid(certificate, signedBy: issuer.publicKey) else {
                return "the \(role)'s key did not sign the certificate below it"
            }
        } catch {
            return "\(role): \(error)"
        }
        guard issuer.isValid(at: time) else { return "the \(role) is not valid at \(time)" }
        let extensions: CertificateExtensions
        do { extensions = try CertificateExtensions(issuer) } catch { return "\(role): \(error)" }
        if !isAnchor {
            guard issuer.version == 3, extensions.isCA else { return "the intermediate is not a CA" }
            if let usage = extensions.keyUsage, !usage.contains(.keyCertSign) {
                return "the intermediate's key usage lacks keyCertSign"
            }
        }
        if let limit = extensions.pathLength, below > limit {
            return "the \(role)'s path length constraint \(limit) is exceeded"
        }
        return nil
    }
}
