/// A certificate that cannot be read, or cannot be used, with the reason in words.
///
/// Thrown by ``X509Certificate`` on malformed DER (truncated, trailing bytes, wrong tags) and by the
/// signer set-up when a leaf breaks the C2PA certificate profile (``CertificateProfile``).
public struct CertificateError: Error, Sendable, Hashable, CustomStringConvertible {
    public var description: String

    public init(_ description: String) { self.description = description }
}
