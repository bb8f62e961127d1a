public import Foundation
public import SwiftASN1

/// An X.509 v3 certificate read with swift-asn1 (RFC 5280 §4.1), for every key C2PA allows,
/// RSA-PSS included (swift-certificates refuses those). Reading is two-phase, like swift-asn1:
/// `DER.parse` builds the node tree, then the fields are taken from it; the signed bytes
/// (`tbsCertificate`) are kept verbatim so the issuer's signature is checked over exactly them.
///
/// ```
/// Certificate ::= SEQUENCE {
///     tbsCertificate       TBSCertificate,      -- ← `tbsBytes`, verbatim
///     signatureAlgorithm   AlgorithmIdentifier, -- must equal TBS `signature` (§4.1.1.2)
///     signatureValue       BIT STRING }
/// TBSCertificate ::= SEQUENCE {
///     version          [0] EXPLICIT INTEGER DEFAULT v1,   -- 2 = v3
///     serialNumber         INTEGER,
///     signature            AlgorithmIdentifier,
///     issuer               Name,                -- kept as DER, compared bytewise (§7.1)
///     validity             SEQUENCE { notBefore Time, notAfter Time },  -- UTCTime | GeneralizedTime
///     subject              Name,
///     subjectPublicKeyInfo SubjectPublicKeyInfo,
///     issuerUniqueID   [1] IMPLICIT BIT STRING OPTIONAL,
///     subjectUniqueID  [2] IMPLICIT BIT STRING OPTIONAL,
///     extensions       [3] EXPLICIT SEQUENCE OF Extension OPTIONAL }
/// Extension ::= SEQUENCE { extnID OID, critical BOOLEAN DEFAULT FALSE, extnValue OCTET STRING }
/// ```
///
/// Every malformation (truncation, trailing bytes, wrong tags) throws ``CertificateError``.
public struct X509Certificate: Sendable, Hashable {
    /// One extension, its value still DER (§4.2).
    public struct Extension: Sendable, Hashable {
        public var oid: ASN1ObjectIdentifier
        public var critical: Bool
        public var value: [UInt8]
    }

    /// The whole certificate, DER.
    public var der: [UInt8]
    /// `tbsCertificate`, verbatim: the bytes the issuer signed.
    public var tbsBytes: [UInt8]
    /// 1, 2 or 3.
    public var version: Int
    public var serialNumber: [UInt8]
    public var signatureAlgorithm: AlgorithmIdentifier
    public var issuer: [UInt8]
    public var subject: [UInt8]
    public var notBefore: Date
    public var notAfter: Date
    public var publicKey: PublicKeyInfo
    public var hasUniqueIdentifiers: Bool
    public var extensions: [Extension]
    public var signature: [UInt8]

    /// Reads a DER certificate.
    /// - Throws: ``CertificateError`` saying what is wrong.
    public init(derEncoded der: [UInt8]) throws {
        self.der = der
        do {
            let root = try DER.parse(der)
            var tbsNode: ASN1Node?
            (tbsNode, signatureAlgorithm, signature) = try DER.sequence(root, identifier: .sequence) { nodes in
                let tbs = nodes.next()
                let algorithm = try AlgorithmIdentifier(node: nodes.next())
                let bits = try ASN1BitString(derEncoded: &nodes)
                return (tbs, algorithm, Array(bits.bytes))
            }
            guard let tbs = tbsNode else { throw CertificateError("no tbsCertificate") }
            tbsBytes = Array(tbs.encodedBytes)
            var fields = TBSFields()
            try DER.sequence(tbs, identifier: .sequence) { nodes in try fields.read(&nodes) }
            guard fields.signature == signatureAlgorithm else {
                throw CertificateError("signatureAlgorithm differs from the TBS signature field (RFC 5280 §4.1.1.2)")
            }
            version = fields.version + 1
            serialNumber = fields.serialNumber
            issuer = fields.issuer
            subject = fields.subject
            notBefore = fields.notBefore
            notAfter = fields.notAfter
            publicKey = try PublicKeyInfo(node: fields.publicKeyNode)
            hasUniqueIdentifiers = fields.hasUniqueIdentifiers
            extensions = fields.extensions
        } catch let error as CertificateError {
            throw error
        } catch {
            throw CertificateError("malformed certificate DER: \(error)")
        }
    }

    /// The extension with `oid`, if present.
    public func `extension`(_ oid: ASN1ObjectIdentifier) -> Extension? { extensions.first { $0.oid == oid } }

    /// Whether the certificate is valid at `time` (notBefore ≤ time ≤ notAfter, RFC 5280 §4.1.2.5).
    public func isValid(at time: Date) -> Bool { notBefore <= time && time <= notAfter }

    /// Whether `subject` equals `issuer` (self-issued, §6.1).
    public var isSelfIssued: Bool { subject == issuer }

    /// The TBS fields in order, read from the sequence's iterator.
    private struct TBSFields {
        var version = 0
        var serialNumber: [UInt8] = []
        var signature = AlgorithmIdentifier(oid: [0, 0])
        var issuer: [UInt8] = []
        var notBefore = Date(timeIntervalSince1970: 0)
        var notAfter = Date(timeIntervalSince1970: 0)
        var subject: [UInt8] = []
        var publicKeyNode: ASN1Node?
        var hasUniqueIdentifiers = false
        var extensions: [Extension] = []

        mutating func read(_ nodes: inout ASN1NodeCollection.Iterator) throws {
            version = try DER.decodeDefaultExplicitlyTagged(
                &nodes, tagNumber: 0, tagClass: .contextSpecific, defaultValue: 0
            ) { try Int(derEncoded: $0) }
            guard (0 ... 2).contains(version) else { throw CertificateError("unknown certificate version \(version)") }
            serialNumber = Array(try ArraySlice<UInt8>(derEncoded: &nodes))
            signature = try AlgorithmIdentifier(node: nodes.next())
            issuer = try Self.name(nodes.next(), "issuer")
            (notBefore, notAfter) = try Self.validity(nodes.next())
            subject = try Self.name(nodes.next(), "subject")
            publicKeyNode = nodes.next()
            var lastTag: UInt = 0
            while let node = nodes.next() {
                guard node.identifier.tagClass == .contextSpecific, node.identifier.tagNumber > lastTag,
                    (1 ... 3).contains(node.identifier.tagNumber)
                else { throw CertificateError("unexpected field \(node.identifier) after subjectPublicKeyInfo") }
                lastTag = node.identifier.tagNumber
                if lastTag == 3 {
                    extensions = try DER.explicitlyTagged(node, tagNumber: 3, tagClass: .contextSpecific) {
                        try DER.sequence($0, identifier: .sequence) { list in
                            var extensions: [Extension] = []
                            while let item = list.next() { extensions.append(try Self.extensionField(item)) }
                            return extensions
                        }
                    }
                } else {
                    hasUniqueIdentifiers = true
                }
            }
        }

        static func name(_ node: ASN1Node?, _ what: String) throws -> [UInt8] {
            guard let node, node.identifier == .sequence else { throw CertificateError("missing \(what) name") }
            return Array(node.encodedBytes)
        }

        static func validity(_ node: ASN1Node?) throws -> (Date, Date) {
            guard let node else { throw CertificateError("missing validity") }
            return try DER.sequence(node, identifier: .sequence) { nodes in
                (try time(nodes.next()), try time(nodes.next()))
            }
        }

        /// `Time ::= CHOICE { utcTime UTCTime, generalTime GeneralizedTime }` (§4.1.2.5), as a `Date` (UTC).
        static func time(_ node: ASN1Node?) throws -> Date {
            guard let node else { throw CertificateError("missing validity time") }
            if node.identifier == UTCTime.defaultIdentifier {
                let time = try UTCTime(derEncoded: node)
                return CivilTime.date(time.year, time.month, time.day, time.hours, time.minutes, time.seconds)
            }
            let time = try GeneralizedTime(derEncoded: node)
            return CivilTime.date(time.year, time.month, time.day, time.hours, time.minutes, time.seconds)
        }

        static func extensionField(_ node: ASN1Node) throws -> Extension {
            try DER.sequence(node, identifier: .sequence) { nodes in
                let oid = try ASN1ObjectIdentifier(derEncoded: &nodes)
                let critical = try DER.decodeDefault(&nodes, defaultValue: false)
                let value = try ASN1OctetString(derEncoded: &nodes)
                return Extension(oid: oid, critical: critical, value: Array(value.bytes))
            }
        }
    }
}
