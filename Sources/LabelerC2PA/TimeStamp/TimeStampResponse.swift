import SwiftASN1

/// An RFC 3161 response (§2.4.2), reduced to what a client needs: the status and the token's DER.
///
/// ```
/// TimeStampResp ::= SEQUENCE {
///   status          PKIStatusInfo,          -- SEQUENCE { status INTEGER, statusString PKIFreeText OPTIONAL,
///                                           --            failInfo PKIFailureInfo OPTIONAL }
///   timeStampToken  TimeStampToken OPTIONAL }   -- ContentInfo, present when status is 0 or 1
/// ```
/// C2PA v2 claims store only `timeStampToken` (`sigTst2`); v1 claims stored the whole response (`sigTst`).
public struct TimeStampResponse: Sendable, Hashable {
    /// PKIStatus: 0 granted, 1 grantedWithMods, 2 rejection, 3 waiting, 4 revocationWarning, 5 revocationNotification.
    public let status: Int
    /// The TSA's `statusString` texts, if any.
    public let statusText: [String]
    /// The token's DER, verbatim.
    public let tokenDER: [UInt8]?

    /// - Throws: ``TimeStampError/malformed(_:)``.
    public init(derEncoded bytes: [UInt8]) throws(TimeStampError) {
        var response = try DERFields(parsing: bytes[...], structure: "TimeStampResp")
        var info = try DERFields(try response.next("status"), structure: "PKIStatusInfo")
        status = try DERFields.decode(Int.self, try info.next("status", .integer), "PKIStatus")
        var texts: [String] = []
        if let freeText = info.optional(.sequence) {
            var strings = try DERFields(freeText, structure: "PKIFreeText")
            while !strings.isAtEnd {
                let node = try strings.next("UTF8String")
                if let text = try? ASN1UTF8String(derEncoded: node) { texts.append(String(text)) }
            }
        }
        statusText = texts
        tokenDER = response.isAtEnd ? nil : Array(try response.next("timeStampToken", .sequence).encodedBytes)
    }

    /// The token of a granted response.
    /// - Throws: ``TimeStampError/malformed(_:)`` naming the status when the TSA refused.
    public func grantedToken() throws(TimeStampError) -> [UInt8] {
        guard status == 0 || status == 1, let tokenDER else {
            let text = statusText.isEmpty ? "" : ": " + statusText.joined(separator: "; ")
            throw .malformed("the TSA did not grant a time-stamp (PKIStatus \(status))\(text)")
        }
        return tokenDER
    }
}
