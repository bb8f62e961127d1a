public import Foundation
import SwiftASN1

/// The signed content of an RFC 3161 time-stamp token (RFC 3161 §2.4.2), what the TSA attests:
///
/// ```
/// TSTInfo ::= SEQUENCE {
///   version         INTEGER { v1(1) },
///   policy          TSAPolicyId,                      -- OBJECT IDENTIFIER
///   messageImprint  MessageImprint,                   -- SEQUENCE { hashAlgorithm AlgorithmIdentifier,
///                                                     --            hashedMessage OCTET STRING }
///   serialNumber    INTEGER,
///   genTime         GeneralizedTime,
///   accuracy        Accuracy                OPTIONAL, -- SEQUENCE
///   ordering        BOOLEAN DEFAULT FALSE,
///   nonce           INTEGER                 OPTIONAL,
///   tsa         [0] GeneralName             OPTIONAL,
///   extensions  [1] IMPLICIT Extensions     OPTIONAL }
/// ```
public struct TSTInfo: Sendable, Hashable {
    public var policy: String
    /// The dotted OID of the imprint's hash algorithm.
    public var imprintAlgorithm: String
    public var hashedMessage: [UInt8]
    /// The serial number's two's-complement bytes.
    public var serialNumber: [UInt8]
    /// When the TSA says it saw the imprint.
    public var genTime: Date
    /// The nonce's two's-complement bytes, when the request carried one (RFC 3161 §2.4.2: it must
    /// then equal the request's).
    public var nonce: [UInt8]?

    let imprintAlgorithmOID: ASN1ObjectIdentifier

    /// Parses the DER `TSTInfo` (the `eContent` of the token's SignedData).
    /// - Throws: ``TimeStampError/malformed(_:)``.
    public init(derEncoded bytes: ArraySlice<UInt8>) throws(TimeStampError) {
        var fields = try DERFields(parsing: bytes, structure: "TSTInfo")
        let version = try DERFields.decode(Int.self, try fields.next("version", .integer), "TSTInfo version")
        guard version == 1 else { throw .malformed("TSTInfo version \(version), expected 1") }
        policy = try DERFields.decode(ASN1ObjectIdentifier.self, try fields.next("policy"), "TSTInfo policy")
            .description
        var imprint = try DERFields(try fields.next("messageImprint"), structure: "MessageImprint")
        var algorithm = try DERFields(try imprint.next("hashAlgorithm"), structure: "AlgorithmIdentifier")
        imprintAlgorithmOID = try DERFields.decode(
            ASN1ObjectIdentifier.self, try algorithm.next("algorithm"), "hashAlgorithm")
        imprintAlgorithm = imprintAlgorithmOID.description
        hashedMessage = try DERFields.primitive(try imprint.next("hashedMessage", .octetString), "hashedMessage")
        serialNumber = try DERFields.primitive(try fields.next("serialNumber", .integer), "serialNumber")
        let time = try DERFields.decode(
            GeneralizedTime.self, try fields.next("genTime", .generalizedTime), "TSTInfo genTime")
        genTime = Self.date(time)
        _ = fields.optional(.sequence)  // accuracy
        _ = fields.optional(.boolean)  // ordering
        if let node = fields.optional(.integer) {
            nonce = try DERFields.primitive(node, "nonce")
        } else {
            nonce = nil
        }
    }

    /// A GeneralizedTime (always UTC in DER, X.680 §46) as a `Date`, by the civil-from-days
    /// arithmetic of the proleptic Gregorian calendar.
    static func date(_ time: GeneralizedTime) -> Date {
        let year = time.month <= 2 ? time.year - 1 : time.year
        let era = (year >= 0 ? year : year - 399) / 400
        let yearOfEra = year - era * 400
        let dayOfYear = (153 * (time.month + (time.month > 2 ? -3 : 9)) + 2) / 5 + time.day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        let days = era * 146_097 + dayOfEra - 719_468
        let seconds = days * 86_400 + time.hours * 3_600 + time.minutes * 60 + time.seconds
        return Date(timeIntervalSince1970: TimeInterval(seconds) + time.fractionalSeconds)
    }
}
