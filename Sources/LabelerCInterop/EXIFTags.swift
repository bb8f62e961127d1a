/// Tags Labeler reads and writes (EXIF 2.32 / CIPA DC-008-2019):
///
/// | property           | tag    | IFD  | type      |
/// |--------------------|--------|------|-----------|
/// | `imageDescription` | 0x010E | IFD0 | ASCII     |
/// | `make`             | 0x010F | IFD0 | ASCII     |
/// | `model`            | 0x0110 | IFD0 | ASCII     |
/// | `software`         | 0x0131 | IFD0 | ASCII     |
/// | `artist`           | 0x013B | IFD0 | ASCII     |
/// | `userComment`      | 0x9286 | Exif | UNDEFINED |
///
/// ASCII values are cut at the first NUL and decoded as UTF-8 (invalid bytes become U+FFFD),
/// since many writers store UTF-8 there. `nil` means the tag is absent; a present but empty
/// tag reads as `""`.
package struct EXIFTags: Sendable, Equatable {
    package var software: String?
    package var imageDescription: String?
    package var artist: String?
    package var make: String?
    package var model: String?
    /// Decoded from its 8-byte character-code prefix (EXIF 2.32 §4.6.5 Table 9):
    /// `"ASCII\0\0\0"`, `"UNICODE\0"` (UCS-2 in the TIFF header's byte order unless a BOM
    /// says otherwise), `"JIS\0\0\0\0\0"` and undefined (eight NULs) are read as UTF-8.
    /// Trailing NULs and spaces (the usual padding) are removed.
    package var userComment: String?

    package init(
        software: String? = nil, imageDescription: String? = nil, artist: String? = nil,
        make: String? = nil, model: String? = nil, userComment: String? = nil
    ) {
        self.software = software
        self.imageDescription = imageDescription
        self.artist = artist
        self.make = make
        self.model = model
        self.userComment = userComment
    }

    /// An ASCII tag value: bytes up to the first NUL, decoded leniently as UTF-8.
    static func decodeASCII(_ bytes: [UInt8]) -> String {
        String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
    }

    /// A UserComment value (8-byte character code, then the text).
    static func decodeUserComment(_ bytes: [UInt8], littleEndian: Bool) -> String {
        let unicode: [UInt8] = Array("UNICODE".utf8) + [0]
        guard bytes.count >= 8 else { return trimmed(decodeASCII(bytes)) }
        let text = Array(bytes.dropFirst(8))
        guard bytes.starts(with: unicode) else {
            // ASCII, JIS (not transcoded), undefined: lenient UTF-8 after the prefix.
            return trimmed(String(decoding: text, as: UTF8.self))
        }
        var units: [UInt16] = stride(from: 0, to: text.count - 1, by: 2).map { index in
            let (a, b) = (UInt16(text[index]), UInt16(text[index + 1]))
            return littleEndian ? a | b << 8 : a << 8 | b
        }
        switch units.first {
        case 0xFEFF: units.removeFirst()
        case 0xFFFE: units = units.dropFirst().map { $0.byteSwapped }
        default: break
        }
        return trimmed(String(decoding: units, as: UTF16.self))
    }

    private static func trimmed(_ text: String) -> String {
        var scalars = Substring(text)
        while let last = scalars.last, last == "\0" || last == " " { scalars.removeLast() }
        return String(scalars)
    }
}
