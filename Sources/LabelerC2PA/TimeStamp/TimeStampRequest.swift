import Crypto
import SwiftASN1

/// An RFC 3161 request (§2.4.1) as c2pa-rs sends it: a SHA-256 imprint, a random nonce, and
/// `certReq` true so the token carries the TSA's certificate (a validator needs it):
///
/// ```
/// TimeStampReq ::= SEQUENCE {
///   version         INTEGER { v1(1) },
///   messageImprint  SEQUENCE { hashAlgorithm AlgorithmIdentifier (sha256, NULL),
///                              hashedMessage OCTET STRING (32 bytes) },
///   reqPolicy       TSAPolicyId OPTIONAL,               -- not sent: the TSA's default
///   nonce           INTEGER OPTIONAL,                   -- 63 random bits, positive
///   certReq         BOOLEAN DEFAULT FALSE,              -- TRUE
///   extensions  [0] IMPLICIT Extensions OPTIONAL }      -- not sent
/// ```
public struct TimeStampRequest: Sendable, Hashable {
    /// The SHA-256 hash being time-stamped.
    public let imprint: [UInt8]
    public let nonce: Int64
    /// The request's DER, the body of the HTTP POST (RFC 3161 §3.4, `application/timestamp-query`).
    public let der: [UInt8]

    /// - Parameter nonce: by default random (positive, so its INTEGER encoding has no sign byte issue).
    public init(sha256Imprint imprint: [UInt8], nonce: Int64 = Int64.random(in: 1 ... Int64.max)) throws {
        guard imprint.count == SHA256.byteCount else {
            throw TimeStampError.malformed("a SHA-256 imprint is 32 bytes, not \(imprint.count)")
        }
        self.imprint = imprint
        self.nonce = nonce
        var coder = DER.Serializer()
        try coder.appendConstructedNode(identifier: .sequence) { coder in
            try coder.serialize(1)
            try coder.appendConstructedNode(identifier: .sequence) { coder in
                try TimeStampAlgorithms.serializeDigestAlgorithm(TimeStampAlgorithms.sha256, into: &coder)
                try coder.serialize(ASN1OctetString(contentBytes: imprint[...]))
            }
            try coder.serialize(nonce)
            try coder.serialize(true)
        }
        der = coder.serializedBytes
    }

    /// Whether `token` answers this request: same imprint (SHA-256) and same nonce (RFC 3161 §2.4.2).
    public func check(_ token: TimeStampToken) throws(TimeStampError) {
        guard token.info.imprintAlgorithmOID == TimeStampAlgorithms.sha256, token.info.hashedMessage == imprint else {
            throw .mismatch("the TSA answered for another message imprint")
        }
        let expected = Self.integerBytes(nonce)
        guard token.info.nonce == expected else { throw .mismatch("the TSA's reply does not carry our nonce") }
    }

    /// The DER INTEGER content octets of a positive `value` (minimal, with a 00 byte before a set top bit).
    static func integerBytes(_ value: Int64) -> [UInt8] {
        var bytes = withUnsafeBytes(of: value.bigEndian) { Array($0) }
        while bytes.count > 1, bytes[0] == 0, bytes[1] & 0x80 == 0 { bytes.removeFirst() }
        return bytes
    }
}
