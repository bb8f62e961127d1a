/// Namespace for the PNG container (ISO/IEC 15948:2004, W3C PNG Third Edition).
///
/// A PNG file is the 8-byte signature followed by chunks up to and including `IEND`:
///
/// ```
/// 89 50 4E 47 0D 0A 1A 0A   signature
/// +--------+--------+------------------+--------+
/// | length | type   | data (length B)  | CRC-32 |   length: 4 B big-endian, ≤ 2^31-1
/// | 4 B    | 4 B    |                  | 4 B    |   CRC over type + data
/// +--------+--------+------------------+--------+
/// ```
public enum PNG {
    /// The PNG signature (§5.2).
    static let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
    /// Largest chunk length the spec allows (§5.3: "restricted to 2^31-1").
    static let maxChunkLength = 0x7FFF_FFFF
    /// Largest text chunk we decode for verification; guards against decompression bombs in zTXt/iTXt.
    static let maxTextChunkBytes = 8 << 20
    /// The iTXt keyword that marks an XMP packet (XMP Part 3, §1.1.5).
    static let xmpKeyword = "XML:com.adobe.xmp"
}

extension PNG {
    /// Largest total of text we inflate from all `AIGC` and XMP text chunks of one file together:
    /// without it, a file of many compressed chunks, each under ``maxTextChunkBytes``, inflates to
    /// gigabytes (Pillow's `MAX_TEXT_MEMORY` guards the same way).
    static let maxTextBytesPerFile = 16 << 20
}

extension ContainerFormat {
    /// PNG (ISO/IEC 15948), sniffed by its 8-byte signature.
    public static let png = ContainerFormat(rawValue: "png")
}
