extension COSE {
    /// A parsed `COSE_Sign1`. The protected header's bytes are kept exactly as found (the signature
    /// covers them, so they are never re-encoded), as swift-asn1 keeps signed DER verbatim.
    public struct Sign1: Sendable, Hashable {
        /// The serialized protected header, verbatim.
        public var protectedBytes: [UInt8]
        public var protected: CBOR
        public var unprotected: CBOR
        /// `nil` when detached (C2PA: the claim is stored beside the signature).
        public var payload: [UInt8]?
        public var signature: [UInt8]

        /// Parses `bytes` (tag 18 optional, as C2PA 2.x §14.1 writes it tagged).
        /// - Throws: ``CBOR/Error`` for bad CBOR, ``COSE/Error/malformed(_:)`` for a wrong shape.
        public init(decoding bytes: [UInt8], limits: CBOR.Decoder.Limits = .standard) throws {
            var item = try CBOR.Decoder.decode(bytes, limits: limits)
            if case .tagged(let tag, let inner) = item {
                guard tag == COSE.sign1Tag else { throw COSE.Error.malformed("tag \(tag), expected 18") }
                item = inner
            }
            guard case .array(let fields) = item, fields.count == 4 else {
                throw COSE.Error.malformed("not a 4-element array")
            }
            guard case .bytes(let protectedBytes) = fields[0] else {
                throw COSE.Error.malformed("protected header is not a byte string")
            }
            self.protectedBytes = protectedBytes
            protected = protectedBytes.isEmpty ? .map([]) : try CBOR.Decoder.decode(protectedBytes, limits: limits)
            guard case .map = protected else { throw COSE.Error.malformed("protected header is not a map") }
            guard case .map = fields[1] else { throw COSE.Error.malformed("unprotected header is not a map") }
            unprotected = fields[1]
            switch fields[2] {
            case .null: payload = nil
            case .bytes(let bytes): payload = bytes
            default: throw COSE.Error.malformed("payload is neither nil nor a byte string")
            }
            guard case .bytes(let signature) = fields[3] else {
                throw COSE.Error.malformed("signature is not a byte string")
            }
            self.signature = signature
        }

        /// The algorithm of the protected header.
        /// - Throws: ``COSE/Error`` when it is missing or not one C2PA allows.
        public func algorithm() throws -> Algorithm {
            guard let value = protected[integer: HeaderLabel.algorithm]?.integerValue else {
                throw COSE.Error.malformed("no algorithm in the protected header")
            }
            guard let algorithm = Algorithm(rawValue: value) else { throw COSE.Error.unsupportedAlgorithm(value) }
            return algorithm
        }

        /// The DER certificates of `x5chain`, leaf first (protected header first, then unprotected,
        /// where C2PA 1.x signers put it).
        public var certificateChain: [[UInt8]] {
            let entry = protected[integer: HeaderLabel.x5chain] ?? unprotected[integer: HeaderLabel.x5chain]
            switch entry {
            case .bytes(let one)?: return [one]
            case .array(let items)?: return items.compactMap(\.bytesValue)
            default: return []
            }
        }

        /// The bytes the signature covers (RFC 9052 §4.4): `["Signature1", protected, h'', payload]`,
        /// with `detachedPayload` standing in for a detached payload.
        public func toBeSigned(detachedPayload: [UInt8]? = nil) -> [UInt8] {
            Self.toBeSigned(protectedBytes: protectedBytes, payload: payload ?? detachedPayload ?? [])
        }

        public static func toBeSigned(protectedBytes: [UInt8], payload: [UInt8]) -> [UInt8] {
            CBOR.array([.text("Signature1"), .bytes(protectedBytes), .bytes([]), .bytes(payload)]).encoded
        }
    }
}
