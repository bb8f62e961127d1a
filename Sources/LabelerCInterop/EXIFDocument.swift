internal import CLabelerShims
internal import CLibEXIF

/// Owns one libexif `ExifData` (refcounted) together with the recording log installed by
/// `CLabelerShims_exif_open`, and releases both in `deinit` (`CLabelerShims_exif_close`,
/// i.e. `exif_data_unref` + `exif_log_unref`).
///
/// Deliberately not `Sendable`: libexif objects are not thread-safe, and a document is created,
/// used and dropped inside a single ``EXIFEditor`` call, never shared across threads. The raw
/// pointers never leave this type.
final class EXIFDocument {
    private let handle: UnsafeMutableRawPointer
    private let data: UnsafeMutablePointer<ExifData>

    /// Loads `payload` (`"Exif\0\0"` + TIFF) with `exif_data_load_data`, or creates an empty
    /// document when `payload` is nil. Options: FOLLOW_SPECIFICATION and IGNORE_UNKNOWN_TAGS
    /// off, DONT_CHANGE_MAKER_NOTE on (see `CLabelerShims_exif_open`).
    init(loading payload: [UInt8]?) throws(CLibraryError) {
        let opened: UnsafeMutableRawPointer?
        if let payload {
            opened = payload.withUnsafeBufferPointer { CLabelerShims_exif_open($0.baseAddress, $0.count) }
        } else {
            opened = CLabelerShims_exif_open(nil, 0)
        }
        guard let opened, let raw = CLabelerShims_exif_data(opened) else {
            if let opened { CLabelerShims_exif_close(opened) }
            throw CLibraryError(library: .libexif, code: CLibraryError.noMemory, message: "exif_data_new failed")
        }
        handle = opened
        data = raw.assumingMemoryBound(to: ExifData.self)
    }

    deinit {
        CLabelerShims_exif_close(handle)
    }

    /// How many CORRUPT_DATA / NO_MEMORY messages libexif logged, and the first one.
    var problems: (count: Int, message: String) {
        let status = callShim { err, length in CLabelerShims_exif_problems(handle, err, length) }
        return (Int(status.code), status.message)
    }

    /// Total entries over all five IFDs (`ExifContent.count`).
    var entryCount: Int {
        (0 ..< Int(EXIF_IFD_COUNT.rawValue)).reduce(0) { sum, index in
            sum + Int(content(at: index)?.pointee.count ?? 0)
        }
    }

    /// Whether libexif holds thumbnail bytes (`ExifData.size > 0`).
    var hasThumbnail: Bool { data.pointee.size > 0 && data.pointee.data != nil }

    /// True when the block is little-endian ("II"); `exif_data_get_byte_order`.
    var isLittleEndian: Bool { exif_data_get_byte_order(data) == EXIF_BYTE_ORDER_INTEL }

    /// The raw value bytes of `tag` in `ifd`, or nil when absent (`exif_content_get_entry`).
    func value(of tag: ExifTag, in ifd: ExifIfd) -> [UInt8]? {
        guard let entry = entry(tag, in: ifd) else { return nil }
        guard let bytes = entry.pointee.data, entry.pointee.size > 0 else { return [] }
        return Array(UnsafeBufferPointer(start: bytes, count: Int(entry.pointee.size)))
    }

    /// Replaces (or adds) `tag` in `ifd` with an ASCII entry holding `ascii` plus the NUL
    /// terminator (TIFF 6.0 §2 type 2). Uses `exif_content_remove_entry`, `exif_entry_new`,
    /// `exif_mem_alloc` on the default allocator (the one `exif_data_new` uses, so
    /// `exif_entry_unref` frees it correctly) and `exif_content_add_entry`.
    func setASCII(_ ascii: [UInt8], tag: ExifTag, in ifd: ExifIfd) throws(CLibraryError) {
        guard let content = content(at: Int(ifd.rawValue)) else {
            throw CLibraryError(library: .libexif, code: CLibraryError.noMemory, message: "IFD missing")
        }
        if let existing = entry(tag, in: ifd) {
            exif_content_remove_entry(content, existing)
        }
        let value = ascii + [0]
        guard let entry = exif_entry_new() else {
            throw CLibraryError(library: .libexif, code: CLibraryError.noMemory, message: "exif_entry_new failed")
        }
        defer { exif_entry_unref(entry) }
        let memory = exif_mem_new_default()
        defer { exif_mem_unref(memory) }
        guard let storage = exif_mem_alloc(memory, ExifLong(value.count)) else {
            throw CLibraryError(library: .libexif, code: CLibraryError.noMemory, message: "exif_mem_alloc failed")
        }
        let bytes = storage.bindMemory(to: UInt8.self, capacity: value.count)
        bytes.update(from: value, count: value.count)
        entry.pointee.tag = tag
        entry.pointee.format = EXIF_FORMAT_ASCII
        entry.pointee.components = UInt(value.count)
        entry.pointee.size = UInt32(value.count)
        entry.pointee.data = bytes
        exif_content_add_entry(content, entry)
    }

    /// Removes `tag` from `ifd` if present (`exif_content_remove_entry`); returns whether it was there.
    @discardableResult
    func remove(_ tag: ExifTag, in ifd: ExifIfd) -> Bool {
        guard let content = content(at: Int(ifd.rawValue)), let existing = entry(tag, in: ifd) else { return false }
        exif_content_remove_entry(content, existing)
        return true
    }

    /// Serialises the document with `exif_data_save_data` into `"Exif\0\0"` + TIFF.
    /// libexif lays the block out afresh: IFD0, then the Exif, GPS and Interoperability IFDs,
    /// then IFD1 and the thumbnail; entries of each IFD sorted by tag; values re-packed.
    func saved() throws(CLibraryError) -> [UInt8] {
        var buffer: UnsafeMutablePointer<UInt8>? = nil
        var size: UInt32 = 0
        exif_data_save_data(data, &buffer, &size)
        let bytes = takeShimBuffer(buffer, count: Int(size))
        guard !bytes.isEmpty else {
            let problem = problems.message
            throw CLibraryError(
                library: .libexif, code: CLibraryError.noMemory,
                message: problem.isEmpty ? "exif_data_save_data produced no data" : problem)
        }
        return bytes
    }

    private func entry(_ tag: ExifTag, in ifd: ExifIfd) -> UnsafeMutablePointer<ExifEntry>? {
        guard let content = content(at: Int(ifd.rawValue)) else { return nil }
        return exif_content_get_entry(content, tag)
    }

    /// `ExifData.ifd[index]` (a C array, imported as a tuple).
    private func content(at index: Int) -> UnsafeMutablePointer<ExifContent>? {
        let stride = MemoryLayout<UnsafeMutablePointer<ExifContent>?>.stride
        return withUnsafeBytes(of: data.pointee.ifd) { raw in
            guard index >= 0, (index + 1) * stride <= raw.count else { return nil }
            return raw.load(fromByteOffset: index * stride, as: UnsafeMutablePointer<ExifContent>?.self)
        }
    }
}
