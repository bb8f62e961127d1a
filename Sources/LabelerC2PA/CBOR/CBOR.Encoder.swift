extension CBOR {
    /// The deterministic encoding of this item (RFC 8949 §4.2.1 core deterministic encoding):
    /// - integers, lengths and tags in the shortest head (preferred serialization, §4.1);
    /// - definite lengths only;
    /// - map keys sorted by the bytewise lexicographic order of their encodings (§4.2.1);
    /// - floats in the shortest of half, single and double precision that keeps the value (§4.2.2).
    ///
    /// Equal values always give equal bytes, so a hash or signature over an encoding is
    /// reproducible. (Duplicate map keys are the caller's to avoid; they are written as given.)
    public var encoded: [UInt8] {
        var output: [UInt8] = []
        encode(into: &output)
        return output
    }

    /// Appends the deterministic encoding to `output`.
    public func encode(into output: inout [UInt8]) {
        switch self {
        case .unsigned(let value): Self.writeHead(0, value, into: &output)
        case .negative(let value): Self.writeHead(1, value, into: &output)
        case .bytes(let bytes):
            Self.writeHead(2, UInt64(bytes.count), into: &output)
            output += bytes
        case .text(let text):
            let utf8 = Array(text.utf8)
            Self.writeHead(3, UInt64(utf8.count), into: &output)
            output += utf8
        case .array(let items):
            Self.writeHead(4, UInt64(items.count), into: &output)
            for item in items { item.encode(into: &output) }
        case .map(let pairs):
            Self.writeHead(5, UInt64(pairs.count), into: &output)
            let encoded = pairs.map { (key: $0.key.encoded, value: $0.value) }
            for pair in encoded.sorted(by: { $0.key.lexicographicallyPrecedes($1.key) }) {
                output += pair.key
                pair.value.encode(into: &output)
            }
        case .tagged(let tag, let item):
            Self.writeHead(6, tag, into: &output)
            item.encode(into: &output)
        case .bool(let value): output.append(value ? 0xF5 : 0xF4)
        case .null: output.append(0xF6)
        case .undefined: output.append(0xF7)
        case .simple(let value):
            if value < 24 { output.append(0xE0 | value) } else { output += [0xF8, value] }
        case .float(let value): Self.writeFloat(value, into: &output)
        }
    }

    /// The head of an item of `major` type with argument `value`, in its shortest form.
    /// The size of the head ``writeHead(_:_:into:)`` writes for `value` (RFC 8949 §3.1).
    static func headSize(_ value: UInt64) -> Int {
        switch value {
        case 0 ..< 24: return 1
        case 24 ... 0xFF: return 2
        case 0x100 ... 0xFFFF: return 3
        case 0x1_0000 ... 0xFFFF_FFFF: return 5
        default: return 9
        }
    }

    static func writeHead(_ major: UInt8, _ value: UInt64, into output: inout [UInt8]) {
        let type = major << 5
        switch value {
        case 0 ..< 24: output.append(type | UInt8(value))
        case 24 ... 0xFF: output += [type | 24, UInt8(value)]
        case 0x100 ... 0xFFFF: output += [type | 25, UInt8(value >> 8), UInt8(value & 0xFF)]
        case 0x1_0000 ... 0xFFFF_FFFF:
            output.append(type | 26)
            for shift in stride(from: 24, through: 0, by: -8) {
                output.append(UInt8(truncatingIfNeeded: value >> UInt64(shift)))
            }
        default:
            output.append(type | 27)
            for shift in stride(from: 56, through: 0, by: -8) {
                output.append(UInt8(truncatingIfNeeded: value >> UInt64(shift)))
            }
        }
    }

    /// The shortest float that keeps `value` exactly (NaN as the canonical half-precision 7E00).
    static func writeFloat(_ value: Double, into output: inout [UInt8]) {
        if value.isNaN {
            output += [0xF9, 0x7E, 0x00]
            return
        }
        if let half = Float16(exactly: value) ?? (value.isInfinite ? Float16(value) : nil) {
            let bits = half.bitPattern
            output += [0xF9, UInt8(bits >> 8), UInt8(bits & 0xFF)]
        } else if let single = Float(exactly: value) {
            let bits = single.bitPattern
            output.append(0xFA)
            for shift in stride(from: 24, through: 0, by: -8) {
                output.append(UInt8(truncatingIfNeeded: bits >> UInt32(shift)))
            }
        } else {
            let bits = value.bitPattern
            output.append(0xFB)
            for shift in stride(from: 56, through: 0, by: -8) {
                output.append(UInt8(truncatingIfNeeded: bits >> UInt64(shift)))
            }
        }
    }
}
