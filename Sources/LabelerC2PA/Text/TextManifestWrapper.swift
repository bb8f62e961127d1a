/// The C2PA text manifest wrapper (`C2PATextManifestWrapper`, C2PA 2.4 §A.8 "Embedding
/// Manifests into Unstructured Text"; §A.7 in 2.3): a manifest store carried by invisible
/// Unicode variation selectors appended to the text.
///
/// ```
/// visible text (NFC) ‖ U+FEFF ‖ VS(b) for every byte b of:
///
///   0        8    9              13             13+M
///   +--------+----+--------------+--------------+-----------+
///   | magic  | 01 | M (u32, BE)  | JUMBF store  | padding   |
///   +--------+----+--------------+--------------+-----------+
///   "C2PATXT\0" = 43 32 50 41 54 58 54 00
///
/// VS(b) = U+FE00 + b          b in 0x00…0x0F   UTF-8 EF B8 80…EF B8 8F        (3 bytes)
///       = U+E0100 + (b-0x10)  b in 0x10…0xFF   UTF-8 F3 A0 84 80…F3 A0 87 AF  (4 bytes)
/// U+FEFF (ZWNBSP)                               UTF-8 EF BB BF                 (3 bytes)
/// ```
///
/// The padded form has a length that depends only on the store's size M
/// (``paddedLength(storeSize:)`` = `3 + (13 + M)·4 + 6` UTF-8 bytes), so the hard binding's
/// exclusion is known before the store is signed. The gap is filled as c2pa-rs' plain-text
/// handler does: `a` bytes 0x00 then `b = gap mod 3` bytes 0x10, `3a + 4b = gap`
/// (gap 11 → `00 10 10`). Decoders read M bytes after the header and ignore the padding.
///
/// Everything here works on UTF-8 bytes and Unicode scalars, never on `Character`s: variation
/// selectors extend the grapheme before them, so a `String`'s characters hide them.
public enum TextManifestWrapper {
    /// `"C2PATXT\0"`.
    public static let magic: [UInt8] = [0x43, 0x32, 0x50, 0x41, 0x54, 0x58, 0x54, 0x00]
    public static let version: UInt8 = 1
    /// Magic, version, length.
    public static let headerSize = 13
    /// U+FEFF in UTF-8: the marker the selectors follow.
    public static let marker: [UInt8] = [0xEF, 0xBB, 0xBF]
    /// Largest store written or read (64 MiB: a store with a parent chain is tens of KB; the
    /// format allows 4 GiB, which as text would be 16 GiB).
    public static let maxStoreSize = 64 << 20

    /// The UTF-8 length of the padded wrapper for a store of `storeSize` bytes:
    /// `3 + (13 + M)·4 + 6` (every byte at its worst, 4 bytes, plus 6 so the gap is never 1, 2 or 5).
    public static func paddedLength(storeSize: Int) -> Int { 3 + (headerSize + storeSize) * 4 + 6 }

    /// The UTF-8 length of the unpadded wrapper for `store`.
    public static func unpaddedLength(store: [UInt8]) -> Int {
        var length = marker.count + 3 * 2 + 4 * 7  // magic: one 0x00; version 0x01; the rest ≥ 0x10
        length += storeLengthBytes(store.count).reduce(0) { $0 + selectorWidth($1) }
        let narrow = store.withUnsafeBufferPointer { bytes in
            var count = 0
            for byte in bytes where byte < 0x10 { count += 1 }
            return count
        }
        return length + 4 * store.count - narrow
    }

    /// The wrapper for `store` without padding (as c2pa-text's `encode_wrapper` writes it).
    /// - Throws: ``TextManifestWrapperError/storeTooLarge(size:limit:)``.
    public static func encode(store: [UInt8]) throws(TextManifestWrapperError) -> [UInt8] {
        try encode(store: store, paddedTo: nil)
    }

    /// The wrapper for `store` padded to exactly `length` UTF-8 bytes (normally
    /// ``paddedLength(storeSize:)``), padding by the 0x00/0x10 rule.
    /// - Throws: ``TextManifestWrapperError/paddingUnrepresentable(gap:)`` when `length` is
    ///   below the unpadded length or the gap is 1, 2 or 5 bytes.
    public static func encodePadded(store: [UInt8], length: Int) throws(TextManifestWrapperError) -> [UInt8] {
        try encode(store: store, paddedTo: length)
    }

    /// Writes the marker, header and store, then (with `length`) pads the rest: the gap is what
    /// is left after the store, so the selectors are not counted in a pass of their own.
    private static func encode(
        store: [UInt8], paddedTo length: Int?
    ) throws(TextManifestWrapperError)
        -> [UInt8]
    {
        guard store.count <= maxStoreSize else { throw .storeTooLarge(size: store.count, limit: maxStoreSize) }
        let header = magic + [version] + storeLengthBytes(store.count)
        let capacity = max(marker.count + (header.count + store.count) * 4, length ?? 0) + 4
        var unrepresentableGap: Int?
        let wrapper = [UInt8](unsafeUninitializedCapacity: capacity) { out, count in
            var cursor = 0
            for byte in marker {
                out[cursor] = byte
                cursor += 1
            }
            for byte in header { writeSelector(byte, to: out, at: &cursor) }
            // The store, the bulk: each selector as one 4-byte store from a table (a 3-byte
            // selector's fourth byte is overwritten by the next; every selector had 4 bytes of room).
            if let base = UnsafeMutableRawPointer(out.baseAddress) {
                store.withUnsafeBufferPointer { store in
                    selectorTable.withUnsafeBufferPointer { table in
                        for byte in store {
                            let entry = table[Int(byte)]
                            (base + cursor).storeBytes(of: entry.littleEndian, as: UInt32.self)
                            cursor += byte < 0x10 ? 3 : 4
                        }
                    }
                }
            }
            count = cursor
            guard let length else { return }
            let gap = length - cursor
            let wide = gap % 3  // 4-byte selectors (0x10); the rest is 3-byte ones (0x00)
            guard gap >= 0, gap - 4 * wide >= 0 else {
                unrepresentableGap = gap
                return
            }
            let narrow = (gap - 4 * wide) / 3
            for _ in 0 ..< narrow { writeSelector(0x00, to: out, at: &cursor) }
            for _ in 0 ..< wide { writeSelector(0x10, to: out, at: &cursor) }
            count = cursor
        }
        if let unrepresentableGap { throw .paddingUnrepresentable(gap: unrepresentableGap) }
        return wrapper
    }

    static func storeLengthBytes(_ count: Int) -> [UInt8] {
        [
            UInt8(truncatingIfNeeded: count >> 24), UInt8(truncatingIfNeeded: count >> 16),
            UInt8(truncatingIfNeeded: count >> 8), UInt8(truncatingIfNeeded: count),
        ]
    }

    /// VS(b) in UTF-8 for every byte b, as a little-endian `UInt32` (first byte lowest; a 3-byte
    /// selector's fourth byte is 0).
    private static let selectorTable: [UInt32] = (0 ... 255).map { (value: Int) -> UInt32 in
        let byte = UInt8(value)
        let utf8: [UInt8] =
            byte < 0x10
            ? [0xEF, 0xB8, 0x80 | byte, 0]
            : [0xF3, 0xA0, 0x84 + ((byte - 0x10) >> 6), 0x80 | ((byte - 0x10) & 0x3F)]
        return utf8.enumerated().reduce(0) { $0 | UInt32($1.element) << (8 * $1.offset) }
    }

    @inline(__always) static func selectorWidth(_ byte: UInt8) -> Int { byte < 0x10 ? 3 : 4 }

    /// Writes VS(`byte`) in UTF-8 at `cursor` (room for 4 bytes is the caller's) and moves past it.
    @inline(__always) static func writeSelector(
        _ byte: UInt8, to out: UnsafeMutableBufferPointer<UInt8>, at cursor: inout Int
    ) {
        if byte < 0x10 {
            out[cursor] = 0xEF
            out[cursor + 1] = 0xB8
            out[cursor + 2] = 0x80 | byte
            cursor += 3
        } else {
            let offset = byte - 0x10  // U+E0100 + offset = F3 A0 (84 + offset>>6) (80 + offset&3F)
            out[cursor] = 0xF3
            out[cursor + 1] = 0xA0
            out[cursor + 2] = 0x84 + (offset >> 6)
            out[cursor + 3] = 0x80 | (offset & 0x3F)
            cursor += 4
        }
    }
}
