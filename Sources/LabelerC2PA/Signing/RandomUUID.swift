#if canImport(Glibc)
import Glibc
#endif

/// Random version 4 UUIDs (RFC 9562 §5.4) in lower case, from the kernel's generator
/// (`getrandom`, through glibc's `arc4random_buf`): the instance and manifest IDs of every signed asset (C2PA 2.x §10.2.2
/// `instanceID`, §11.1 the `urn:c2pa:` manifest label). Foundation's `UUID()` opened and read
/// `/dev/urandom` for every one; `SystemRandomNumberGenerator` makes one `getrandom` call per 8 bytes.
public enum RandomUUID {
    private static let digits = Array("0123456789abcdef".utf8)

    /// A fresh UUID, `xxxxxxxx-xxxx-4xxx-Vxxx-xxxxxxxxxxxx` (V one of 8, 9, a, b).
    public static func make() -> String { make(1)[0] }

    /// `count` fresh UUIDs from one `arc4random_buf` call (glibc 2.36: one `getrandom`; 16 bytes each).
    public static func make(_ count: Int) -> [String] {
        var bytes = [UInt8](repeating: 0, count: 16 * max(count, 1))
        fill(&bytes)
        return (0 ..< max(count, 1)).map { format(bytes[16 * $0 ..< 16 * $0 + 16]) }
    }

    /// Fills `bytes` from the kernel: `arc4random_buf` where Glibc is (it aborts rather than
    /// return weak bytes), else `SystemRandomNumberGenerator` eight bytes at a time.
    private static func fill(_ bytes: inout [UInt8]) {
        bytes.withUnsafeMutableBytes { buffer in
            guard let base = buffer.baseAddress else { return }
            var filled = 0
            #if canImport(Glibc)
            // glibc 2.36: one getrandom(2) per call, retried inside on interruption.
            arc4random_buf(base, buffer.count)
            filled = buffer.count
            #endif
            var generator = SystemRandomNumberGenerator()
            while filled < buffer.count {
                buffer[filled] = generator.next()
                filled += 1
            }
        }
    }

    private static func format(_ random: ArraySlice<UInt8>) -> String {
        var bytes = Array(random)
        bytes[6] = bytes[6] & 0x0F | 0x40  // version 4
        bytes[8] = bytes[8] & 0x3F | 0x80  // RFC 9562 variant
        return String(unsafeUninitializedCapacity: 36) { text in
            var cursor = 0
            for (index, byte) in bytes.enumerated() {
                if index == 4 || index == 6 || index == 8 || index == 10 {
                    text[cursor] = UInt8(ascii: "-")
                    cursor += 1
                }
                text[cursor] = digits[Int(byte >> 4)]
                text[cursor + 1] = digits[Int(byte & 0x0F)]
                cursor += 2
            }
            return cursor
        }
    }
}
