extension CBOR {
    /// Why bytes are not acceptable CBOR. Every case carries the byte offset of the offending item.
    public enum Error: Swift.Error, Sendable, Hashable, CustomStringConvertible {
        case truncated(offset: Int)
        case reservedAdditionalInfo(offset: Int, value: UInt8)
        case unexpectedBreak(offset: Int)
        case invalidUTF8(offset: Int)
        case invalidSimpleValue(offset: Int)
        case trailingBytes(offset: Int)
        case tooDeep(offset: Int, limit: Int)
        case tooLong(offset: Int, length: UInt64, limit: Int)
        case tooManyItems(offset: Int, limit: Int)
        case duplicateKey(offset: Int)
        /// Deterministic mode (RFC 8949 §4.2.1): a longer head than needed, an indefinite length,
        /// map keys out of order, or a float not in its shortest form.
        case notDeterministic(offset: Int, reason: String)
        case indefiniteStringChunk(offset: Int)

        public var offset: Int {
            switch self {
            case .truncated(let offset), .reservedAdditionalInfo(let offset, _), .unexpectedBreak(let offset),
                .invalidUTF8(let offset), .invalidSimpleValue(let offset), .trailingBytes(let offset),
                .tooDeep(let offset, _), .tooLong(let offset, _, _), .tooManyItems(let offset, _),
                .duplicateKey(let offset), .notDeterministic(let offset, _), .indefiniteStringChunk(let offset):
                return offset
            }
        }

        public var description: String {
            switch self {
            case .truncated(let offset): return "cbor: data ends inside the item at byte \(offset)"
            case .reservedAdditionalInfo(let offset, let value):
                return "cbor: reserved additional information \(value) at byte \(offset)"
            case .unexpectedBreak(let offset):
                return "cbor: break (FF) outside an indefinite-length item at byte \(offset)"
            case .invalidUTF8(let offset): return "cbor: text string at byte \(offset) is not valid UTF-8"
            case .invalidSimpleValue(let offset): return "cbor: simple value below 32 in two bytes at byte \(offset)"
            case .trailingBytes(let offset): return "cbor: bytes after the item, from byte \(offset)"
            case .tooDeep(let offset, let limit): return "cbor: items nested deeper than \(limit) at byte \(offset)"
            case .tooLong(let offset, let length, let limit):
                return
                    "cbor: item at byte \(offset) declares \(length) elements or bytes, more than the \(limit) allowed or available"
            case .tooManyItems(let offset, let limit): return "cbor: more than \(limit) items in all, at byte \(offset)"
            case .duplicateKey(let offset): return "cbor: duplicate map key at byte \(offset)"
            case .notDeterministic(let offset, let reason):
                return "cbor: not deterministic at byte \(offset): \(reason)"
            case .indefiniteStringChunk(let offset):
                return
                    "cbor: chunk of an indefinite-length string at byte \(offset) is not a definite string of the same type"
            }
        }
    }
}
