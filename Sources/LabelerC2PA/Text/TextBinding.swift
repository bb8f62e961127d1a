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
        if bytes.allSatisfy({ $0 < 0xCC }) { return Array(bytes) }
        return Array(string.precomposedStringWithCanonicalMapping.utf8)
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
