/// COSE (RFC 9052) as C2PA uses it for claim signatures (C2PA 2.x §14): a `COSE_Sign1_Tagged`
/// with a detached payload (the claim's CBOR bytes).
///
/// ```
/// 18( [ protected:   bstr .cbor { 1: alg, 33: x5chain (bstr or [bstr…], leaf first) },
///       unprotected: { ? "sigTst2": …, ? "pad": bstr },
///       payload:     nil (detached),
///       signature:   bstr (ECDSA: r‖s, fixed width; EdDSA: 64 bytes; PSS: modulus size) ] )
/// to be signed = CBOR [ "Signature1", protected bstr, h'', claim bytes ]
/// ```
public enum COSE {
    /// Signature algorithms C2PA allows (C2PA 2.x §14.2), by their COSE identifiers.
    public enum Algorithm: Int64, Sendable, Hashable, CaseIterable, CustomStringConvertible {
        case es256 = -7
        case es384 = -35
        case es512 = -36
        case ed25519 = -8
        case ps256 = -37
        case ps384 = -38
        case ps512 = -39

        public var description: String {
            switch self {
            case .es256: return "ES256"
            case .es384: return "ES384"
            case .es512: return "ES512"
            case .ed25519: return "Ed25519"
            case .ps256: return "PS256"
            case .ps384: return "PS384"
            case .ps512: return "PS512"
            }
        }
    }

    /// COSE header labels C2PA reads (RFC 9052 §3.1; RFC 9360 for x5chain).
    public enum HeaderLabel {
        public static let algorithm: Int64 = 1
        public static let x5chain: Int64 = 33
    }

    /// The CBOR tag of `COSE_Sign1` (RFC 9052 §4.2).
    public static let sign1Tag: UInt64 = 18
}
