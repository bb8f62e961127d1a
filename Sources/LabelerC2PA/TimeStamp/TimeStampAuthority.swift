/// Where RFC 3161 time-stamp tokens come from: an HTTP TSA (``HTTPTimeStampAuthority``), or a
/// test double. The pipeline is synchronous (Dispatch workers), so the call blocks.
public protocol TimeStampAuthority: Sendable {
    /// A short name for errors (the URL).
    var name: String { get }

    /// The DER `TimeStampToken` (a CMS `ContentInfo`, RFC 3161 §2.4.2) for a SHA-256 imprint.
    /// Implementations check that the token answers the request (imprint, nonce).
    /// - Throws: when no token is obtained; the error names the authority.
    func timeStampToken(sha256Imprint: [UInt8]) throws -> [UInt8]
}
