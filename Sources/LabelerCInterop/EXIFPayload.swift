/// An APP1 Exif payload after normalisation: `"Exif\0\0"` followed by a TIFF structure.
///
/// ```
/// APP1 payload (CIPA DC-008 §4.5.4 / EXIF 2.32 §4.7.2):
///   'E' 'x' 'i' 'f' 00 00            Exif identifier code
///   TIFF header (TIFF 6.0 §2):
///   'I' 'I' 2A 00 | 'M' 'M' 00 2A    byte order + 42
///   u32 IFD0 offset                  relative to the TIFF header
/// IFD: u16 count, count * 12-byte entries (u16 tag, u16 type, u32 count, u32 value/offset),
///      u32 next-IFD offset (IFD0 -> IFD1, the thumbnail IFD)
/// ```
///
/// The walker below counts the entries libexif is expected to keep, so ``EXIFEditor`` can
/// refuse to rewrite a block from which libexif silently dropped something.
struct EXIFPayload {
    static let identifier: [UInt8] = Array("Exif".utf8) + [0, 0]
    static let tiffOffset = 6

    /// `"Exif\0\0"` + TIFF.
    var bytes: [UInt8]
    /// True for "II" (little-endian), false for "MM".
    var isLittleEndian: Bool

    /// Accepts an APP1 payload or a bare TIFF block (PNG eXIf, ISO/IEC 15948 3rd ed. §11.3.6.1).
    init(normalizing payload: ArraySlice<UInt8>) throws(CLibraryError) {
        let bytes: [UInt8] = payload.starts(with: Self.identifier) ? Array(payload) : Self.identifier + payload
        guard bytes.count >= Self.tiffOffset + 8 else {
            throw Self.corrupt("EXIF block is \(payload.count) bytes; a TIFF header needs 8")
        }
        let order = Array(bytes[Self.tiffOffset ..< Self.tiffOffset + 4])
        switch order {
        case [0x49, 0x49, 0x2A, 0x00]: isLittleEndian = true
        case [0x4D, 0x4D, 0x00, 0x2A]: isLittleEndian = false
        default:
            let found = order.map { String($0, radix: 16) }
            throw Self.corrupt("expected a TIFF header 'II*\\0' or 'MM\\0*' after 'Exif\\0\\0', found \(found)")
        }
        self.bytes = bytes
        guard let ifd0 = tiffUInt32(at: 4), ifd0 >= 8, let count = tiffUInt16(at: ifd0), count > 0 else {
            throw Self.corrupt(
                "IFD0 offset is outside the \(bytes.count - Self.tiffOffset)-byte TIFF block or IFD0 is empty")
        }
    }

    /// What libexif should load: entries per IFD (pointer and thumbnail-location tags
    /// excluded, as libexif turns those into structure) and whether IFD1 locates a thumbnail.
    struct Census: Equatable {
        var entries = 0
        var hasThumbnail = false
    }

    /// Walks IFD0, IFD1 and the Exif (0x8769), GPS (0x8825) and Interoperability (0xA005)
    /// IFDs the way `exif_data_load_data_content` follows them, each slot at most once.
    func census() -> Census {
        var census = Census()
        var visited: Set<Int> = []
        var queue: [(slot: Int, offset: Int)] = []
        if let ifd0 = tiffUInt32(at: 4) { queue.append((0, ifd0)) }
        var thumbnailOffset = 0
        var thumbnailLength = 0
        while let (slot, offset) = queue.popLast() {
            guard visited.insert(slot).inserted, let count = tiffUInt16(at: offset) else { continue }
            for index in 0 ..< count {
                let entry = offset + 2 + 12 * index
                guard let tag = tiffUInt16(at: entry), let type = tiffUInt16(at: entry + 2),
                    let value = tiffUInt32(at: entry + 8)
                else { break }
                switch tag {
                case 0x8769, 0x8825, 0xA005: queue.append((tag, value))
                case 0x0201: thumbnailOffset = value
                case 0x0202: thumbnailLength = value
                case 0 where type == 0: break  // libexif skips Photoshop's empty entries
                default: census.entries += 1
                }
            }
            if slot == 0, let next = tiffUInt32(at: offset + 2 + 12 * count), next != 0 {
                queue.insert((1, next), at: 0)
            }
        }
        census.hasThumbnail = thumbnailOffset > 0 && thumbnailLength > 0
        return census
    }

    /// A 16-bit TIFF value at `offset` from the TIFF header, in the header's byte order.
    private func tiffUInt16(at offset: Int) -> Int? {
        let start = Self.tiffOffset + offset
        guard offset >= 0, start <= bytes.count - 2 else { return nil }
        let (a, b) = (Int(bytes[start]), Int(bytes[start + 1]))
        return isLittleEndian ? a | b << 8 : a << 8 | b
    }

    /// A 32-bit TIFF value at `offset` from the TIFF header, in the header's byte order.
    private func tiffUInt32(at offset: Int) -> Int? {
        guard let first = tiffUInt16(at: offset), let second = tiffUInt16(at: offset + 2) else { return nil }
        return isLittleEndian ? first | second << 16 : first << 16 | second
    }

    static func corrupt(_ message: String) -> CLibraryError {
        CLibraryError(library: .libexif, code: CLibraryError.corruptData, message: message)
    }
}
