import Foundation

extension ManifestValidator {
    /// The signer's credential (C2PA 2.x §15.7, §14.5): the x5chain is read, the leaf held to the
    /// certificate profile (``CertificateProfile``) and the chain to the trust anchors, all at
    /// `time` — the signing time from a trusted time-stamp when there is one, else now.
    ///
    /// Statuses: `claimSignature.insideValidity` (success) or `signingCredential.invalid` /
    /// `signingCredential.expired`; then `signingCredential.trusted` or `.untrusted`.
    /// - Returns: the parsed leaf, or `nil` when the chain cannot be read (already reported as
    ///   `signingCredential.invalid`; the signature is then not checked).
    @discardableResult
    func checkCredential(
        _ chain: [[UInt8]], url: String, at time: Date = Date(), into result: inout ManifestValidation
    ) -> X509Certificate? {
        let certificates: [X509Certificate]
        do {
            guard !chain.isEmpty else { throw CertificateError("no x5chain in the signature") }
            if let problem = Self.chainLimitProblem(chain) { throw CertificateError(problem) }
            certificates = try chain.enumerated().map { index, der in
                do { return try X509Certificate(derEncoded: der) } catch {
                    throw CertificateError("x5chain certificate \(index): \(error)")
                }
            }
        } catch {
            result.statuses.append(
                ValidationStatus(
                    "signingCredential.invalid", .failure, url: url, "unreadable signing credential: \(error)"))
            return nil
        }
        let leaf = certificates[0]
        result.signer = leaf.subjectDescription
        result.signerIssuer = leaf.issuerDescription
        if let violation = CertificateProfile().violation(of: leaf, at: time) {
            result.statuses.append(ValidationStatus(violation.code, .failure, url: url, "\(violation)"))
        } else {
            result.statuses.append(
                ValidationStatus(
                    "claimSignature.insideValidity", .success, url: url,
                    "the signing certificate fits the profile at \(time)"))
        }
        if let anchors = trustAnchors {
            if let problem = anchors.problem(with: certificates, at: time) {
                result.statuses.append(
                    ValidationStatus(
                        "signingCredential.untrusted", .failure, url: url, "the signer is not trusted: \(problem)"))
            } else {
                result.statuses.append(
                    ValidationStatus(
                        "signingCredential.trusted", .success, url: url, "the signer's chain ends at a trust anchor"))
            }
        } else {
            result.statuses.append(
                ValidationStatus(
                    "signingCredential.untrusted", .failure, url: url,
                    "the signer's chain was not checked against trust anchors (none configured)"))
        }
        return leaf
    }
}
