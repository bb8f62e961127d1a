public import Foundation

extension TrustAnchors {
    /// `nil` when a TSA's chain (leaf first, DER) validates to one of the anchors at `time` (the
    /// token's genTime) and its leaf may time-stamp (RFC 3161 §2.3: extended key usage
    /// `timeStamping`, which RFC 3161 wants critical); else why not.
    ///
    /// The path is checked by ``CertificatePath``, as for signers: synchronous, so the Dispatch
    /// worker that validates a file calls a plain function and no cooperative-pool thread is
    /// borrowed or blocked on.
    public func timeStampProblem(with chain: [[UInt8]], at time: Date) -> String? {
        guard !chain.isEmpty else { return "no TSA certificate" }
        let certificates: [X509Certificate]
        do {
            certificates = try chain.map { try X509Certificate(derEncoded: $0) }
        } catch {
            return "the TSA chain cannot be read for path validation (\(error))"
        }
        guard let usage = (try? CertificateExtensions(certificates[0]))?.extendedKeyUsage,
            usage.contains(CertificateProfile.Purpose.timeStamping)
        else { return "the TSA certificate lacks the timeStamping extended key usage" }
        return problem(with: certificates, at: time)
    }
}
