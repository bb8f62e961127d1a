/// A CBOR data item (RFC 8949), as C2PA claims, assertions and COSE structures carry them.
///
/// ```
/// initial byte:  MMM AAAAA      MMM  major type 0…7
///                               AAAAA additional info: 0–23 the value itself; 24/25/26/27 a
///                                     1/2/4/8-byte big-endian argument follows; 31 indefinite
/// 0 unsigned  1 negative (-1-n)  2 byte string  3 text (UTF-8)  4 array  5 map  6 tag  7 simple/float
/// ```
/// Maps keep their pairs in order: the decoder reports them as found (so signed bytes can be
/// checked as they are), and the encoder sorts them (RFC 8949 §4.2.1 core deterministic encoding).
public indirect enum CBOR: Sendable, Hashable {
    case unsigned(UInt64)
    /// The negative integer `-1 - n`.
    case negative(UInt64)
    case bytes([UInt8])
    case text(String)
    case array([CBOR])
    case map([Pair])
    case tagged(UInt64, CBOR)
    case bool(Bool)
    case null
    case undefined
    /// Another simple value (RFC 8949 §3.3: 0–19 and 32–255).
    case simple(UInt8)
    case float(Double)

    /// One key–value pair of a map.
    public struct Pair: Sendable, Hashable {
        public var key: CBOR
        public var value: CBOR
        public init(_ key: CBOR, _ value: CBOR) {
            self.key = key
            self.value = value
        }
    }

    /// An integer in either major type.
    public static func int(_ value: Int64) -> CBOR {
        value >= 0 ? .unsigned(UInt64(value)) : .negative(UInt64(-(value + 1)))
    }

    /// A map from text keys (the common case in C2PA), in the given order.
    public static func map(_ pairs: KeyValuePairs<String, CBOR>) -> CBOR {
        .map(pairs.map { Pair(.text($0.key), $0.value) })
    }

    // MARK: Reading

    /// The value of `key` in a map (text keys), or `nil`.
    public subscript(key: String) -> CBOR? {
        guard case .map(let pairs) = self else { return nil }
        return pairs.first { $0.key == .text(key) }?.value
    }

    /// The value of integer `key` in a map (COSE headers), or `nil`.
    public subscript(integer key: Int64) -> CBOR? {
        guard case .map(let pairs) = self else { return nil }
        return pairs.first { $0.key == .int(key) }?.value
    }

    public var textValue: String? {
        if case .text(let text) = self { return text }
        return nil
    }

    public var bytesValue: [UInt8]? {
        if case .bytes(let bytes) = self { return bytes }
        return nil
    }

    public var arrayValue: [CBOR]? {
        if case .array(let items) = self { return items }
        return nil
    }

    /// The value as a signed integer, when it fits.
    public var integerValue: Int64? {
        switch self {
        case .unsigned(let value): return value <= UInt64(Int64.max) ? Int64(value) : nil
        case .negative(let value): return value <= UInt64(Int64.max) ? -1 - Int64(value) : nil
        default: return nil
        }
    }
}
