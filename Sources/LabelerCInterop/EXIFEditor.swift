internal import CLibEXIF

/// Reads and fills the EXIF tags Labeler cares about, through libexif.
///
/// What libexif does on save (libexif 0.6.24, options set by `CLabelerShims_exif_open`):
/// - the whole block is re-laid out: IFD0, Exif IFD, GPS IFD, Interoperability IFD, IFD1,
///   thumbnail; entries in each IFD sorted by tag number (TIFF 6.0 §2 requires ascending
///   order), values re-packed, so byte offsets change but every value is copied unchanged;
/// - unknown tags are kept (`EXIF_DATA_OPTION_IGNORE_UNKNOWN_TAGS` off) and nothing is added,
///   fixed or removed (`EXIF_DATA_OPTION_FOLLOW_SPECIFICATION` off, so `exif_data_fix` is skipped);
/// - the MakerNote (0x927C) is copied byte for byte (`EXIF_DATA_OPTION_DONT_CHANGE_MAKER_NOTE`).
///   Without that option libexif re-serialises Canon/Olympus/Fuji/Pentax maker notes from its
///   parsed entries and writes an empty MakerNote for Apple ones (no save method). Verbatim
///   copying keeps self-relative maker notes (Apple, Nikon type 3, Olympus) intact, but maker
///   notes whose internal offsets are relative to the TIFF header (Canon, for one) point to
///   the wrong place once the MakerNote moves; ExifTool usually compensates (its
///   MakerNote-offset fix-up), other readers may not.
package enum EXIFEditor {
    /// Largest APP1 payload: the 16-bit segment length counts itself, so 65535 - 2 bytes
    /// (ISO/IEC 10918-1 B.1.1.4), including the `"Exif\0\0"` identifier.
    package static let maxAPP1Payload = 65_533

    /// Parses an APP1 Exif payload (`"Exif\0\0"` + TIFF header) or a bare TIFF block (PNG
    /// eXIf chunk; the identifier is prepended before libexif sees it).
    ///
    /// The corresponding libexif calls are `exif_data_load_data`, `exif_content_get_entry`
    /// and `exif_data_get_byte_order`.
    ///
    /// - Throws: ``CLibraryError`` (`.libexif`, ``CLibraryError/corruptData``) when there is no
    ///   valid TIFF header or IFD0, or when libexif logged corrupt data and loaded nothing.
    package static func readTags(_ payload: ArraySlice<UInt8>) throws(CLibraryError) -> EXIFTags {
        let normalized = try EXIFPayload(normalizing: payload)
        let document = try EXIFDocument(loading: normalized.bytes)
        if document.entryCount == 0 {
            let problem = document.problems.message
            throw EXIFPayload.corrupt(problem.isEmpty ? "libexif loaded no entries" : problem)
        }
        func ascii(_ tag: ExifTag) -> String? {
            document.value(of: tag, in: EXIF_IFD_0).map(EXIFTags.decodeASCII)
        }
        return EXIFTags(
            software: ascii(EXIF_TAG_SOFTWARE),
            imageDescription: ascii(EXIF_TAG_IMAGE_DESCRIPTION),
            artist: ascii(EXIF_TAG_ARTIST),
            make: ascii(EXIF_TAG_MAKE),
            model: ascii(EXIF_TAG_MODEL),
            userComment: document.value(of: EXIF_TAG_USER_COMMENT, in: EXIF_IFD_EXIF).map {
                EXIFTags.decodeUserComment($0, littleEndian: document.isLittleEndian)
            })
    }

    /// Returns a new APP1 payload (`"Exif\0\0"` + TIFF) in which Software (0x0131) and
    /// ImageDescription (0x010E) are set only where absent or empty (nothing but NULs and
    /// white space), every other tag kept with its value.
    ///
    /// Both tags are ASCII (TIFF type 2): every character outside U+0001...U+007F is written
    /// as `?`. An empty `software` or `imageDescription` argument fills nothing.
    ///
    /// The corresponding libexif calls are `exif_data_load_data` (or `exif_data_new` when
    /// `payload` is nil), `exif_content_remove_entry`, `exif_entry_new`,
    /// `exif_content_add_entry` and `exif_data_save_data`. See the type's documentation for
    /// what libexif changes on save.
    ///
    /// - Parameters:
    ///   - payload: an APP1 payload or bare TIFF block, or nil to build a fresh block holding
    ///     only IFD0 with these two tags (big-endian "MM"; a valid TIFF structure needs nothing
    ///     more, though EXIF readers may note the missing Exif IFD).
    ///   - isLabelCopy: called with the decoded text of ImageDescription and UserComment; a tag
    ///     for which it returns true is removed first (another copy of a label the caller is
    ///     replacing, GB 45438 §6.1 c), after which an emptied ImageDescription is filled.
    /// - Returns: the new payload, or nil when nothing needs to change so the caller can keep
    ///   the original bytes.
    /// - Throws: ``CLibraryError`` (`.libexif`): ``CLibraryError/corruptData`` when the block
    ///   is invalid or libexif would drop entries or the thumbnail on rewrite (its loader skips
    ///   entries with zero-size values, duplicates and out-of-range data);
    ///   ``CLibraryError/limitExceeded`` when the input or the result exceeds
    ///   ``maxAPP1Payload``.
    package static func fillingEmpty(
        _ payload: ArraySlice<UInt8>?, software: String, imageDescription: String,
        removingLabelCopies isLabelCopy: (String) -> Bool = { _ in false }
    ) throws(CLibraryError) -> [UInt8]? {
        let document: EXIFDocument
        if let payload {
            let normalized = try EXIFPayload(normalizing: payload)
            guard normalized.bytes.count <= maxAPP1Payload else {
                throw limit("EXIF block is \(normalized.bytes.count) bytes; libexif rewrites at most \(maxAPP1Payload)")
            }
            document = try EXIFDocument(loading: normalized.bytes)
            let expected = normalized.census()
            let loaded = EXIFPayload.Census(entries: document.entryCount, hasThumbnail: document.hasThumbnail)
            guard loaded.entries >= expected.entries, loaded.hasThumbnail || !expected.hasThumbnail else {
                let problem = document.problems.message
                throw EXIFPayload.corrupt(
                    "libexif kept \(loaded.entries) of \(expected.entries) entries"
                        + (expected.hasThumbnail && !loaded.hasThumbnail ? " and dropped the thumbnail" : "")
                        + (problem.isEmpty ? "" : " (\(problem))"))
            }
        } else {
            document = try EXIFDocument(loading: nil)
        }

        var changed = false
        if let description = document.value(of: EXIF_TAG_IMAGE_DESCRIPTION, in: EXIF_IFD_0),
            isLabelCopy(EXIFTags.decodeASCII(description))
        {
            changed = document.remove(EXIF_TAG_IMAGE_DESCRIPTION, in: EXIF_IFD_0) || changed
        }
        if let comment = document.value(of: EXIF_TAG_USER_COMMENT, in: EXIF_IFD_EXIF),
            isLabelCopy(EXIFTags.decodeUserComment(comment, littleEndian: document.isLittleEndian))
        {
            changed = document.remove(EXIF_TAG_USER_COMMENT, in: EXIF_IFD_EXIF) || changed
        }
        for (tag, text) in [(EXIF_TAG_SOFTWARE, software), (EXIF_TAG_IMAGE_DESCRIPTION, imageDescription)] {
            let value = asciiBytes(text)
            guard !value.isEmpty, isBlank(document.value(of: tag, in: EXIF_IFD_0)) else { continue }
            try document.setASCII(value, tag: tag, in: EXIF_IFD_0)
            changed = true
        }
        guard changed else { return nil }
        let output = try document.saved()
        guard output.count <= maxAPP1Payload else {
            throw limit(
                "rewritten EXIF block is \(output.count) bytes; an APP1 payload holds at most \(maxAPP1Payload)")
        }
        return output
    }

    /// `text` as TIFF ASCII bytes: U+0001...U+007F kept, anything else replaced by `?`.
    static func asciiBytes(_ text: String) -> [UInt8] {
        text.unicodeScalars.map { scalar in
            (1 ... 0x7F).contains(scalar.value) ? UInt8(scalar.value) : UInt8(ascii: "?")
        }
    }

    /// True when the tag is absent or holds only NULs and white space.
    static func isBlank(_ value: [UInt8]?) -> Bool {
        guard let value else { return true }
        return value.allSatisfy { $0 == 0 || $0 == 0x20 || (0x09 ... 0x0D).contains($0) }
    }

    private static func limit(_ message: String) -> CLibraryError {
        CLibraryError(library: .libexif, code: CLibraryError.limitExceeded, message: message)
    }
}
