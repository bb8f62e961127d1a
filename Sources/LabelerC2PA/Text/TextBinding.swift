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
    /// Text whose scalars are all stable (``isStable(_:)``: ASCII, Latin-1, Cyrillic, CJK, kana,
    /// Hangul syllables …) is already NFC — nothing there composes or reorders — and is returned
    /// as is after one pass that decodes and checks it; decomposed Latin letters with one mark
    /// each are composed from a table (``composingLatinPairs(_:)``); other text goes through
    /// Foundation's `precomposedStringWithCanonicalMapping`.
    public static func nfc(_ bytes: some Collection<UInt8>) -> [UInt8]? {
        let array = Array(bytes)
        if array.withUnsafeBufferPointer(isValidAndStable) { return array }
        if let composed = array.withUnsafeBufferPointer(composingLatinPairs) { return composed }
        guard let string = String(validating: array, as: UTF8.self) else { return nil }
        return Array(string.precomposedStringWithCanonicalMapping.utf8)
    }

    /// Whether `bytes` are valid UTF-8 (RFC 3629: no overlongs, no surrogates) made only of
    /// stable scalars. `false` also for valid text with another scalar: the caller then
    /// validates and normalizes the slow way. No scalar past U+FFFF is stable, so a 4-byte
    /// sequence ends the pass.
    static func isValidAndStable(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = UnsafeRawPointer(bytes.baseAddress) else { return true }
        var index = 0
        let end = bytes.count
        while index < end {
            let lead = bytes[index]
            if lead < 0x80 {
                index += 1
                // A run of ASCII eight bytes at a time.
                while index + 8 <= end,
                    base.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 == 0
                {
                    index += 8
                }
                continue
            }
            let scalar: UInt32
            if lead >= 0xC2, lead <= 0xDF {
                guard index + 1 < end, bytes[index + 1] & 0xC0 == 0x80 else { return false }
                scalar = UInt32(lead & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F)
                index += 2
            } else if lead >= 0xE0, lead <= 0xEF {
                guard index + 2 < end, bytes[index + 1] & 0xC0 == 0x80, bytes[index + 2] & 0xC0 == 0x80 else {
                    return false
                }
                scalar =
                    UInt32(lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F)
                guard scalar >= 0x800, scalar < 0xD800 || scalar > 0xDFFF else { return false }
                index += 3
            } else {
                return false
            }
            guard isStable(scalar) else { return false }
        }
        return true
    }

    /// Whether every scalar of `text` is stable (``isStable(_:)``).
    static func isStableNFC(_ text: String) -> Bool { text.unicodeScalars.allSatisfy { isStable($0.value) } }

    /// Whether the scalar `value` has NFC quick check Yes and never combines with a neighbour
    /// (UAX #15 §9): text made only of such scalars is already NFC, and Foundation's normalizer
    /// (which decomposes and recomposes everything) is skipped. Conservative ranges: below U+0300,
    /// Cyrillic letters U+0400–U+0482 and U+048A–U+052F, general punctuation U+2010–U+206F, CJK
    /// punctuation U+3000–U+3029 and U+3030–U+303F, kana U+3041–U+3096 and U+30A0–U+30FF, CJK
    /// ideographs U+3400–U+4DBF and U+4E00–U+9FFF, Hangul syllables U+AC00–U+D7A3, full-width
    /// forms U+FF01–U+FF5E. Anything else goes through the normalizer.
    @inline(__always) static func isStable(_ value: UInt32) -> Bool {
        switch value {
        case 0 ..< 0x300, 0x400 ... 0x482, 0x48A ... 0x52F, 0x2010 ... 0x206F, 0x3000 ... 0x3029, 0x3030 ... 0x303F,
            0x3041 ... 0x3096, 0x30A0 ... 0x30FF, 0x3400 ... 0x4DBF, 0x4E00 ... 0x9FFF, 0xAC00 ... 0xD7A3,
            0xFF01 ... 0xFF5E:
            return true
        default: return false
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
