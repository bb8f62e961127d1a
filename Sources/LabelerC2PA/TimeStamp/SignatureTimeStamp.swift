/// The time-stamp of a C2PA claim signature (C2PA 2.x §10.3.2.5; c2pa.md §5.1), carried in the
/// COSE_Sign1 unprotected header:
///
/// ```
/// unprotected = { "pad":     bstr (zeros, ≥ 256 bytes: keeps the store at its reserved size),
///                 "sigTst2": { "tstTokens": [ { "val": bstr TimeStampToken (DER ContentInfo) } ] } }
///
/// imprint (v2, sigTst2) = SHA-256( CBOR [ "CounterSignature", bstr protected, h'',
///                                          bstr( CBOR bstr signature ) ] )       -- §10.3.2.5.2
/// imprint (v1, sigTst)  = SHA-256( CBOR [ "CounterSignature", bstr protected, h'', bstr claim ] ),
///                         and "val" holds the whole TimeStampResp
/// ```
/// The token is obtained after signing, so the store's size must not depend on it: a fixed
/// ``defaultBudget`` is reserved, and `pad` takes up what the token leaves. `pad` stays in
/// 256…65 535 bytes, so its CBOR header is always 3 bytes and any token up to the budget fits exactly.
public enum SignatureTimeStamp {
    /// Bytes reserved for the token (as c2pa-rs reserves: +10 000).
    public static let defaultBudget = 10_000
    static let minimumPad = 256
    public static let v2Label = "sigTst2"
    public static let v1Label = "sigTst"

    /// The bytes whose SHA-256 a v2 (`sigTst2`) token imprints.
    public static func imprintMessage(protectedBytes: [UInt8], signature: [UInt8]) -> [UInt8] {
        counterSignature(protectedBytes: protectedBytes, payload: CBOR.bytes(signature).encoded)
    }

    /// The bytes whose SHA-256 a v1 (`sigTst`) token imprints: the claim itself.
    public static func imprintMessageV1(protectedBytes: [UInt8], claim: [UInt8]) -> [UInt8] {
        counterSignature(protectedBytes: protectedBytes, payload: claim)
    }

    private static func counterSignature(protectedBytes: [UInt8], payload: [UInt8]) -> [UInt8] {
        CBOR.array([.text("CounterSignature"), .bytes(protectedBytes), .bytes([]), .bytes(payload)]).encoded
    }

    /// The unprotected header holding `token` (or, unsigned, a placeholder of `budget` zeros),
    /// always exactly as long as the placeholder's.
    /// - Throws: ``TimeStampAuthorityError`` (`tooLarge`) when the token exceeds `budget`.
    public static func unprotectedHeader(token: [UInt8]?, budget: Int = defaultBudget) throws -> CBOR {
        guard budget > 0, budget + minimumPad <= 0xFFFF else {
            throw ManifestError("time-stamp budget \(budget) bytes: out of range (1…\(0xFFFF - minimumPad))")
        }
        let reserved = header(token: [UInt8](repeating: 0, count: budget), pad: minimumPad)
        guard let token else { return reserved }
        guard token.count <= budget else {
            throw TimeStampAuthorityError(
                .tooLarge,
                "the time-stamp token is \(token.count) bytes, more than the \(budget) bytes reserved for it")
        }
        let first = header(token: token, pad: minimumPad)
        let pad = minimumPad + reserved.encoded.count - first.encoded.count
        let padded = header(token: token, pad: pad)
        guard padded.encoded.count == reserved.encoded.count else {
            throw ManifestError("the time-stamp header does not fill its reservation")
        }
        return padded
    }

    private static func header(token: [UInt8], pad: Int) -> CBOR {
        .map([
            "pad": .bytes([UInt8](repeating: 0, count: pad)),
            v2Label: .map(["tstTokens": .array([.map(["val": .bytes(token)])])]),
        ])
    }

    /// The token bytes of a `tstContainer` (`{"tstTokens": [{"val": bstr}]}`).
    /// - Throws: ``TimeStampError/malformed(_:)`` unless there is exactly one token (c2pa-rs:
    ///   more than one is `timeStamp.malformed`).
    public static func token(in container: CBOR) throws(TimeStampError) -> [UInt8] {
        guard let tokens = container["tstTokens"]?.arrayValue else {
            throw .malformed("the time-stamp container has no tstTokens array")
        }
        guard tokens.count == 1 else { throw .malformed("\(tokens.count) time-stamp tokens; exactly one is allowed") }
        guard let value = tokens[0]["val"]?.bytesValue else {
            throw .malformed("the time-stamp token has no val bytes")
        }
        return value
    }
}
