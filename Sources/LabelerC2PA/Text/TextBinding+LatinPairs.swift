import Foundation

extension TextBinding {
    /// (ASCII letter, combining mark U+0300–U+036F) → the precomposed letter, for every letter of
    /// U+00C0–U+024F and U+1E00–U+1EFF whose canonical decomposition is exactly such a pair and
    /// which NFC recomposes to itself (so no composition exclusion is in it; UAX #15 §1.3, §5).
    /// Read from Foundation's own normalizer once per process, so the fast path agrees with the
    /// slow one by construction. Keys are `letter << 16 | mark`.
    static let latinPairs: [UInt32: UInt32] = {
        var pairs: [UInt32: UInt32] = [:]
        for value in Array(0xC0 ... 0x24F) + Array(0x1E00 ... 0x1EFF) {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let single = String(scalar)
            let parts = Array(single.decomposedStringWithCanonicalMapping.unicodeScalars)
            guard parts.count == 2, parts[0].isASCII, (0x300 ... 0x36F).contains(parts[1].value),
                Array(String(String.UnicodeScalarView(parts)).precomposedStringWithCanonicalMapping.unicodeScalars)
                    == [scalar]
            else { continue }
            pairs[parts[0].value << 16 | parts[1].value] = UInt32(value)
        }
        return pairs
    }()

    /// `bytes` in NFC when they are stable scalars (``isStable(_:)``) and ASCII letters each
    /// followed by at most one combining mark of U+0300–U+036F that ``latinPairs`` composes with
    /// it — decomposed (NFD) Latin text, as macOS file names and some editors write it; `nil`
    /// for anything else (invalid UTF-8 included), which the caller normalizes the slow way.
    ///
    /// Splitting the text before every stable scalar is safe (UAX #15 §9.1: each is a starter
    /// that nothing composes with backwards), so each letter and its mark compose on their own.
    static func composingLatinPairs(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = 0
        let end = bytes.count
        var afterLetter = false  // the last scalar written is an ASCII letter
        while index < end {
            let lead = bytes[index]
            if lead < 0x80 {
                out.append(lead)
                afterLetter = (lead | 0x20) >= 0x61 && (lead | 0x20) <= 0x7A
                index += 1
                continue
            }
            let scalar: UInt32
            let width: Int
            if lead >= 0xC2, lead <= 0xDF {
                guard index + 1 < end, bytes[index + 1] & 0xC0 == 0x80 else { return nil }
                scalar = UInt32(lead & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F)
                width = 2
            } else if lead >= 0xE0, lead <= 0xEF {
                guard index + 2 < end, bytes[index + 1] & 0xC0 == 0x80, bytes[index + 2] & 0xC0 == 0x80 else {
                    return nil
                }
                scalar =
                    UInt32(lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F)
                guard scalar >= 0x800, scalar < 0xD800 || scalar > 0xDFFF else { return nil }
                width = 3
            } else {
                return nil
            }
            if isStable(scalar) {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index ..< index + width]))
                afterLetter = false
            } else {
                guard afterLetter, let letter = out.last,
                    let composed = latinPairs[UInt32(letter) << 16 | scalar],
                    let composedScalar = Unicode.Scalar(composed)
                else { return nil }
                out.removeLast()
                out.append(contentsOf: String(composedScalar).utf8)
                afterLetter = false  // a second mark after it goes the slow way
            }
            index += width
        }
        return out
    }
}
