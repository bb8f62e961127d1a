/// Random version 4 UUIDs (RFC 9562 §5.4) in lower case, from the system generator (`getrandom`):
/// the instance and manifest IDs of every signed asset (C2PA 2.x §10.2.2 `instanceID`, §11.1 the
/// `urn:c2pa:` manifest label). Foundation's `UUID()` opened and read `/dev/urandom` for every one.
public enum RandomUUID {
    private static let digits = Array("0123456789abcdef".utf8)

    /// A fresh UUID, `xxxxxxxx-xxxx-4xxx-Vxxx-xxxxxxxxxxxx` (V one of 8, 9, a, b).
    public static func make() -> String {
        // Two 64-bit draws (two getrandom calls, not sixteen: this runs for every asset signed).
        var generator = SystemRandomNumberGenerator()
        let high = generator.next()
        let low = generator.next()
        var bytes = (0 ..< 8).map { UInt8(truncatingIfNeeded: high >> ($0 * 8)) }
        bytes += (0 ..< 8).map { UInt8(truncatingIfNeeded: low >> ($0 * 8)) }
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
