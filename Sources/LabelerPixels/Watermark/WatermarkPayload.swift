/// The 64 bits an invisible watermark carries, most significant bit first:
///
/// | bits  | width | field |
/// |-------|-------|-------|
/// | 63–60 | 4     | scheme/version (``currentScheme`` = 1) |
/// | 59–16 | 44    | identifier: the top 44 bits of SHA-256 of the content ID (the Labeler layer derives it) |
/// | 15–0  | 16    | CRC-16/CCITT-FALSE (poly 0x1021, init 0xFFFF) over bits 63–16 as 6 big-endian bytes |
///
/// As bytes (``bytes``) the value is big-endian: the C2PA soft-binding value and the hex string
/// `verify` prints.
package struct WatermarkPayload: Sendable, Hashable {
    package static let currentScheme: UInt8 = 1
    package static let identifierMask: UInt64 = (1 << 44) - 1

    /// 4 bits.
    package let scheme: UInt8
    /// 44 bits.
    package let identifier: UInt64

    package init(scheme: UInt8 = currentScheme, identifier: UInt64) {
        self.scheme = scheme & 0xF
        self.identifier = identifier & Self.identifierMask
    }

    /// The payload of a decoded 64-bit value; `nil` when its CRC does not match.
    package init?(value: UInt64) {
        let candidate = WatermarkPayload(scheme: UInt8(value >> 60), identifier: value >> 16)
        guard candidate.value == value else { return nil }
        self = candidate
    }

    /// The 64-bit value, CRC included.
    package var value: UInt64 {
        let head = UInt64(scheme) << 60 | identifier << 16
        return head | UInt64(Self.crc16(Self.bigEndian(head).prefix(6)))
    }

    /// The CRC over scheme and identifier.
    package var crc: UInt16 { UInt16(truncatingIfNeeded: value) }

    /// The value as 8 big-endian bytes.
    package var bytes: [UInt8] { Self.bigEndian(value) }

    /// The value as 16 lowercase hex digits.
    package var hex: String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    /// The 64 bits, most significant first, as 0/1.
    package var bits: [UInt8] { (0 ..< 64).map { UInt8((value >> (63 - UInt64($0))) & 1) } }

    /// The payload of 64 decoded bits (most significant first); `nil` when the CRC fails.
    package init?(bits: [UInt8]) {
        guard bits.count == 64 else { return nil }
        self.init(value: bits.reduce(0) { $0 << 1 | UInt64($1 & 1) })
    }

    /// CRC-16/CCITT-FALSE: polynomial 0x1021, initial 0xFFFF, no reflection, no final XOR
    /// (check value 0x29B1 for "123456789").
    package static func crc16<Bytes: Sequence>(_ bytes: Bytes) -> UInt16 where Bytes.Element == UInt8 {
        var crc: UInt16 = 0xFFFF
        for byte in bytes {
            crc ^= UInt16(byte) << 8
            for _ in 0 ..< 8 { crc = crc & 0x8000 != 0 ? (crc << 1) ^ 0x1021 : crc << 1 }
        }
        return crc
    }

    private static func bigEndian(_ value: UInt64) -> [UInt8] {
        (0 ..< 8).map { UInt8(truncatingIfNeeded: value >> (56 - 8 * UInt64($0))) }
    }
}
