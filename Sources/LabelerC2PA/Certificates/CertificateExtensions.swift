public import SwiftASN1

/// The extensions C2PA's profile and path validation look at, decoded from a certificate's
/// extension list (RFC 5280 §4.2.1). A present but undecodable extension throws.
///
/// ```
/// BasicConstraints ::= SEQUENCE { cA BOOLEAN DEFAULT FALSE, pathLenConstraint INTEGER OPTIONAL } -- §4.2.1.9
/// KeyUsage         ::= BIT STRING { digitalSignature(0), nonRepudiation(1), keyEncipherment(2),
///                        dataEncipherment(3), keyAgreement(4), keyCertSign(5), cRLSign(6), … } -- §4.2.1.3
/// ExtKeyUsageSyntax ::= SEQUENCE SIZE (1..MAX) OF KeyPurposeId (OID)                           -- §4.2.1.12
/// ```
/// Bit 0 of a BIT STRING is the most significant bit of its first byte.
public struct CertificateExtensions: Sendable, Hashable {
    public enum OID {
        public static let subjectKeyIdentifier: ASN1ObjectIdentifier = [2, 5, 29, 14]
        public static let keyUsage: ASN1ObjectIdentifier = [2, 5, 29, 15]
        public static let subjectAltName: ASN1ObjectIdentifier = [2, 5, 29, 17]
        public static let issuerAltName: ASN1ObjectIdentifier = [2, 5, 29, 18]
        public static let basicConstraints: ASN1ObjectIdentifier = [2, 5, 29, 19]
        public static let nameConstraints: ASN1ObjectIdentifier = [2, 5, 29, 30]
        public static let crlDistributionPoints: ASN1ObjectIdentifier = [2, 5, 29, 31]
        public static let certificatePolicies: ASN1ObjectIdentifier = [2, 5, 29, 32]
        public static let policyMappings: ASN1ObjectIdentifier = [2, 5, 29, 33]
        public static let authorityKeyIdentifier: ASN1ObjectIdentifier = [2, 5, 29, 35]
        public static let policyConstraints: ASN1ObjectIdentifier = [2, 5, 29, 36]
        public static let extendedKeyUsage: ASN1ObjectIdentifier = [2, 5, 29, 37]
        public static let inhibitAnyPolicy: ASN1ObjectIdentifier = [2, 5, 29, 54]
        public static let authorityInfoAccess: ASN1ObjectIdentifier = [1, 3, 6, 1, 5, 5, 7, 1, 1]
        public static let subjectInfoAccess: ASN1ObjectIdentifier = [1, 3, 6, 1, 5, 5, 7, 1, 11]
    }

    /// Key usage bits by name (§4.2.1.3).
    public struct KeyUsage: OptionSet, Sendable, Hashable {
        public let rawValue: UInt16
        public init(rawValue: UInt16) { self.rawValue = rawValue }
        public static let digitalSignature = KeyUsage(rawValue: 1 << 0)
        public static let nonRepudiation = KeyUsage(rawValue: 1 << 1)
        public static let keyCertSign = KeyUsage(rawValue: 1 << 5)
    }

    /// The extensions this reader knows (the ones a critical flag may sit on without making the
    /// certificate invalid, c2pa.md §5.2 rule 9).
    public static let known: Set<ASN1ObjectIdentifier> = [
        OID.subjectKeyIdentifier, OID.keyUsage, OID.subjectAltName, OID.issuerAltName, OID.basicConstraints,
        OID.nameConstraints, OID.crlDistributionPoints, OID.certificatePolicies, OID.policyMappings,
        OID.authorityKeyIdentifier, OID.policyConstraints, OID.extendedKeyUsage, OID.inhibitAnyPolicy,
        OID.authorityInfoAccess, OID.subjectInfoAccess,
    ]

    /// `cA` of basicConstraints (false when the extension is absent).
    public var isCA = false
    public var pathLength: Int?
    /// `nil` when the certificate has no keyUsage extension.
    public var keyUsage: KeyUsage?
    /// `nil` when the certificate has no extendedKeyUsage extension.
    public var extendedKeyUsage: [ASN1ObjectIdentifier]?
    public var hasAuthorityKeyIdentifier = false
    public var hasSubjectKeyIdentifier = false
    /// Critical extensions not in ``known``.
    public var unknownCritical: [ASN1ObjectIdentifier] = []

    /// - Throws: ``CertificateError`` when an extension is repeated or cannot be decoded.
    public init(_ certificate: X509Certificate) throws {
        var seen: Set<ASN1ObjectIdentifier> = []
        for item in certificate.extensions {
            guard seen.insert(item.oid).inserted else {
                throw CertificateError("extension \(item.oid) appears twice (RFC 5280 §4.2)")
            }
            do {
                try decode(item)
            } catch let error as CertificateError {
                throw error
            } catch {
                throw CertificateError("extension \(item.oid) cannot be decoded: \(error)")
            }
        }
    }

    private mutating func decode(_ item: X509Certificate.Extension) throws {
        switch item.oid {
        case OID.basicConstraints:
            (isCA, pathLength) = try DER.sequence(try DER.parse(item.value), identifier: .sequence) { nodes in
                let isCA = try DER.decodeDefault(&nodes, defaultValue: false)
                let pathLength = nodes.peekInteger ? try Int(derEncoded: &nodes) : nil
                return (isCA, pathLength)
            }
        case OID.keyUsage:
            let bits = try ASN1BitString(derEncoded: item.value[...])
            var value: UInt16 = 0
            for (index, byte) in bits.bytes.prefix(2).enumerated() {
                for bit in 0 ..< 8 where byte & (0x80 >> bit) != 0 { value |= 1 << (index * 8 + bit) }
            }
            keyUsage = KeyUsage(rawValue: value)
        case OID.extendedKeyUsage:
            extendedKeyUsage = try DER.sequence(try DER.parse(item.value), identifier: .sequence) { nodes in
                var purposes: [ASN1ObjectIdentifier] = []
                while let node = nodes.next() { purposes.append(try ASN1ObjectIdentifier(derEncoded: node)) }
                return purposes
            }
        case OID.authorityKeyIdentifier: hasAuthorityKeyIdentifier = true
        case OID.subjectKeyIdentifier: hasSubjectKeyIdentifier = true
        default:
            if item.critical, !Self.known.contains(item.oid) { unknownCritical.append(item.oid) }
        }
    }
}

extension ASN1NodeCollection.Iterator {
    /// Whether the next node is an INTEGER (without consuming it).
    fileprivate var peekInteger: Bool {
        var copy = self
        return copy.next()?.identifier == .integer
    }
}
