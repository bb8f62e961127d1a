/// Four-letter codes, as PNG chunk types and ISO BMFF/JUMBF box types are written: four bytes read
/// as one big-endian `UInt32`.
package enum FourCC {
    /// The value of a four-letter `name`.
    package static func value(_ name: StaticString) -> UInt32 {
        var value: UInt32 = 0
        name.withUTF8Buffer { for byte in $0 { value = value << 8 | UInt32(byte) } }
        return value
    }

    /// The four bytes of `value`, in file order.
    package static func bytes(_ value: UInt32) -> [UInt8] {
        [24, 16, 8, 0].map { UInt8(truncatingIfNeeded: value >> UInt32($0)) }
    }

    /// `value` as text, with bytes outside printable ASCII shown as `?`.
    package static func text(_ value: UInt32) -> String {
        String(decoding: bytes(value).map { (0x20 ... 0x7E).contains($0) ? $0 : UInt8(ascii: "?") }, as: UTF8.self)
    }
}
