import Crypto
import Foundation

/// The hard binding of a text asset (C2PA 2.4 §A.8; `c2pa.hash.data`, C2PA 2.x §18.5): the
/// bytes outside the exclusion (the wrapper) are NFC-normalized (Unicode UAX #15) and their UTF-8
/// is hashed with SHA-256.
///
/// ```
/// text as stored:  | visible text ............ | U+FEFF VS VS VS … (wrapper) |
///                  0                   exclusion.start            start+length
/// hashed:          SHA-256( UTF-8( NFC( visible text ) ) )
/// ```
/// Signers write the visible text already NFC (as c2pa-rs' plain-text handler does), so the
/// bytes hashed are the bytes stored; a validator normalizes anyway, so an editor that
/// re-composes the text (NFD → NFC) does not break the binding.
public enum TextBinding {
    /// `bytes` (UTF-8) in Normalization Form C, or `nil` when they are not valid UTF-8.
    ///
    /// Text whose scalars are all below U+0300 (ASCII, Latin-1, Latin Extended-A/B: every byte
    /// below 0xCC) is already NFC — nothing there composes or reorders — and is returned as is;
    /// other text goes through Foundation's `precomposedStringWithCanonicalMapping`.
    public static func nfc(_ bytes: some Collection<UInt8>) -> [UInt8]? {
        guard let string = String(validating: bytes, as: UTF8.self) else { return nil }
        if bytes.allSatisfy({ $0 < 0xCC }) || isStableNFC(string) { return Array(bytes) }
        return Array(string.precomposedStringWithCanonicalMapping.utf8)
    }

    /// Whether every scalar of `text` is one whose NFC quick check is Yes and that never combines
    /// with a neighbour (UAX #15 §9): then the text is already NFC and Foundation's normalizer
    /// (which decomposes and recomposes everything) is skipped. Conservative ranges: below U+0300,
    /// Cyrillic letters U+0400–U+0482 and U+048A–U+052F, general punctuation U+2010–U+206F, CJK
    /// punctuation U+3000–U+3029 and U+3030–U+303F, kana U+3041–U+3096 and U+30A0–U+30FF, CJK
    /// ideographs U+3400–U+4DBF and U+4E00–U+9FFF, Hangul syllables U+AC00–U+D7A3, full-width
    /// forms U+FF01–U+FF5E. Anything else goes through the normalizer.
    static func isStableNFC(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { scalar in
            switch scalar.value {
            case 0 ..< 0x300, 0x400 ... 0x482, 0x48A ... 0x52F, 0x2010 ... 0x206F, 0x3000 ... 0x3029, 0x3030 ... 0x303F,
                0x3041 ... 0x3096, 0x30A0 ... 0x30FF, 0x3400 ... 0x4DBF, 0x4E00 ... 0x9FFF, 0xAC00 ... 0xD7A3,
                0xFF01 ... 0xFF5E:
                return true
            default: return false
            }
        }
    }

    /// SHA-256 of the NFC form of `bytes`, or `nil` when they are not valid UTF-8.
    public static func digest(_ bytes: some Collection<UInt8>) -> [UInt8]? {
        nfc(bytes).map { Array(SHA256.hash(data: $0)) }
    }

    /// The offset of the first byte that is not valid UTF-8, for error messages; `nil` when all are.
    public static func firstInvalidUTF8Offset(_ bytes: [UInt8]) -> Int? {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var offset = 0
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): offset += UTF8.width(scalar)
            case .emptyInput: return nil
            case .error: return offset
            }
        }
    }
}
