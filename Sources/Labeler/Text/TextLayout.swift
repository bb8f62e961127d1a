/// What a text input's bytes say about how to write into it: the BOM to keep, the line ending to
/// use, whether it ends with a line break. Built by ``init(validating:)``, which also refuses what
/// is not UTF-8 text, so nothing downstream ever sees invalid bytes.
///
/// UTF-16 and UTF-32 (with a byte order mark) are refused, not transcoded: writing them back as
/// UTF-8 would change every byte of the file, and writing UTF-16 back is a second code path for a
/// rare input (`iconv -f UTF-16 -t UTF-8` converts them first).
struct TextLayout: Sendable, Hashable {
    /// Length of the UTF-8 byte order mark at the start (0 or 3); kept as it was.
    var bomLength: Int
    /// The line break of the first line (`\r\n` or `\n`); `\n` when there is none.
    var lineEnding: [UInt8]
    /// Whether the last byte is a line break (kept so: tools that count lines rely on it).
    var endsWithLineBreak: Bool

    static let utf8BOM: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// Checks `bytes` is UTF-8 text and reads its layout.
    /// - Throws: ``LabelerError`` `.unsupportedFormat` for UTF-16/32, `.corrupt` for a NUL byte or
    ///   invalid UTF-8, with the byte offset of the first offending byte.
    init(validating bytes: [UInt8]) throws {
        if let encoding = Self.wideEncoding(bytes) {
            throw LabelerError(
                .unsupportedFormat,
                "\(encoding) text (byte order mark at byte 0) is not supported: convert it to UTF-8 first "
                    + "(iconv -f \(encoding) -t UTF-8)", offset: 0)
        }
        bomLength = bytes.starts(with: Self.utf8BOM) ? 3 : 0
        if let nul = bytes.firstIndex(of: 0) {
            throw LabelerError(.corrupt, "NUL byte at byte \(nul): binary data, not text", offset: nul)
        }
        if String(validating: bytes, as: UTF8.self) == nil {
            let offset = Self.firstInvalidUTF8(bytes) ?? 0
            throw LabelerError(.corrupt, "invalid UTF-8 at byte \(offset)", offset: offset)
        }
        if let newline = bytes.firstIndex(of: 0x0A) {
            lineEnding = newline > bomLength && bytes[newline - 1] == 0x0D ? [0x0D, 0x0A] : [0x0A]
        } else {
            lineEnding = [0x0A]
        }
        endsWithLineBreak = bytes.last == 0x0A
    }

    /// The layout of text already known to be valid (a decoded JSON string).
    init(_ bytes: [UInt8]) {
        bomLength = bytes.starts(with: Self.utf8BOM) ? 3 : 0
        let newline = bytes.firstIndex(of: 0x0A)
        lineEnding = newline.map { $0 > 0 && bytes[$0 - 1] == 0x0D } == true ? [0x0D, 0x0A] : [0x0A]
        endsWithLineBreak = bytes.last == 0x0A
    }

    /// `UTF-16LE`, `UTF-32BE`, … when `bytes` starts with that byte order mark.
    static func wideEncoding(_ bytes: [UInt8]) -> String? {
        if bytes.starts(with: [0x00, 0x00, 0xFE, 0xFF]) { return "UTF-32BE" }
        if bytes.starts(with: [0xFF, 0xFE, 0x00, 0x00]) { return "UTF-32LE" }
        if bytes.starts(with: [0xFE, 0xFF]) { return "UTF-16BE" }
        if bytes.starts(with: [0xFF, 0xFE]) { return "UTF-16LE" }
        return nil
    }

    /// The end of the ASCII run starting at `start`, eight bytes at a time (most text is ASCII).
    static func asciiRunEnd(_ bytes: [UInt8], from start: Int) -> Int {
        bytes.withUnsafeBytes { raw in
            var index = start
            while index + 8 <= raw.count,
                raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 == 0
            {
                index += 8
            }
            while index < raw.count, raw[index] < 0x80 { index += 1 }
            return index
        }
    }

    /// The offset of the first byte that does not start or continue a well-formed UTF-8 sequence
    /// (RFC 3629 §4: no overlongs, no surrogates, nothing above U+10FFFF); `nil` when all are.
    static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int? {
        var index = 0
        while index < bytes.count {
            let lead = bytes[index]
            if lead < 0x80 {
                index = asciiRunEnd(bytes, from: index + 1)
                continue
            }
            let length: Int
            var low: UInt8 = 0x80
            var high: UInt8 = 0xBF
            switch lead {
            case 0xC2 ... 0xDF: length = 2
            case 0xE0: length = 3; low = 0xA0
            case 0xE1 ... 0xEC, 0xEE ... 0xEF: length = 3
            case 0xED: length = 3; high = 0x9F
            case 0xF0: length = 4; low = 0x90
            case 0xF1 ... 0xF3: length = 4
            case 0xF4: length = 4; high = 0x8F
            default: return index
            }
            for position in 1 ..< length {
                let at = index + position
                guard at < bytes.count else { return index }
                let (min, max) = position == 1 ? (low, high) : (UInt8(0x80), UInt8(0xBF))
                guard (min ... max).contains(bytes[at]) else { return index }
            }
            index += length
        }
        return nil
    }
}
