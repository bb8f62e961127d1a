import LabelerC2PA
import Foundation

/// Where a UTF-8 text may be cut so that NFC of the parts equals NFC of the whole (UAX #15 §9.1):
/// before a scalar that has canonical combining class 0, is NFC-stable, and is never the second
/// part of a canonical composition. A conservative, table-free set is used — every scalar below
/// U+0300 (Latin, ASCII controls and newlines included), Cyrillic U+0400–U+04FF (Kazakh letters
/// included), CJK punctuation U+3000–U+303F, CJK ideographs U+3400–U+4DBF and U+4E00–U+9FFF,
/// Hangul syllables U+AC00–U+D7A3 and full-width forms U+FF01–U+FF5E: none of them composes with
/// what precedes it.
enum NFCBoundary {
    /// The byte offset of the last safe cut in `bytes` (whole UTF-8 sequences), 0 if none. After
    /// a final line break, tab or space the whole chunk is safe: no canonical composition starts
    /// with one of them, so nothing that follows can merge into it (a token stream's lines go out
    /// at once).
    static func lastSafeCut(in bytes: ArraySlice<UInt8>) -> Int {
        if let last = bytes.last, [0x0A, 0x0D, 0x09, 0x20].contains(last) { return bytes.count }
        var index = bytes.endIndex
        while index > bytes.startIndex {
            index -= 1
            let byte = bytes[index]
            if byte & 0xC0 == 0x80 { continue }  // continuation byte
            if index > bytes.startIndex, isSafeStart(scalarAt: index, in: bytes) { return index - bytes.startIndex }
        }
        return 0
    }

    static func isSafeStart(scalarAt index: Int, in bytes: ArraySlice<UInt8>) -> Bool {
        let lead = bytes[index]
        if lead < 0xCC { return true }  // ASCII, and 2-byte sequences up to U+02FF
        guard let scalar = decode(at: index, in: bytes) else { return false }
        switch scalar {
        case 0x0400 ... 0x04FF, 0x3000 ... 0x303F, 0x3400 ... 0x4DBF, 0x4E00 ... 0x9FFF, 0xAC00 ... 0xD7A3,
            0xFF01 ... 0xFF5E:
            return true
        default: return false
        }
    }

    static func decode(at index: Int, in bytes: ArraySlice<UInt8>) -> UInt32? {
        let lead = UInt32(bytes[index])
        func continuation(_ offset: Int) -> UInt32? {
            index + offset < bytes.endIndex ? UInt32(bytes[index + offset] & 0x3F) : nil
        }
        switch lead {
        case 0xC0 ... 0xDF:
            guard let b1 = continuation(1) else { return nil }
            return (lead & 0x1F) << 6 | b1
        case 0xE0 ... 0xEF:
            guard let b1 = continuation(1), let b2 = continuation(2) else { return nil }
            return (lead & 0x0F) << 12 | b1 << 6 | b2
        case 0xF0 ... 0xF7:
            guard let b1 = continuation(1), let b2 = continuation(2), let b3 = continuation(3) else { return nil }
            return (lead & 0x07) << 18 | b1 << 12 | b2 << 6 | b3
        default: return nil
        }
    }

    /// NFC of valid UTF-8 (ASCII and other text below U+0300 is already NFC and is copied as is).
    static func normalized(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
        if !bytes.contains(where: { $0 >= 0xCC }) { return Array(bytes) }
        return TextBinding.nfc(bytes) ?? Array(bytes)  // valid UTF-8 here: checked as it streamed
    }
}
