extension TextManifestWrapper {
    /// A wrapper found in a text: the store it carries and where it sits.
    public struct Found: Sendable, Hashable {
        /// The JUMBF manifest store (the M bytes after the header; padding dropped).
        public var store: [UInt8]
        /// The wrapper's UTF-8 bytes in the text: U+FEFF and every selector after it, padding
        /// included. This is the `c2pa.hash.data` exclusion (`start`, `length`) of a text asset,
        /// and what c2pa-text's `find_wrapper_info` returns as `(start_byte, length_byte)`.
        public var range: Range<Int>
        /// Padding bytes after the store.
        public var paddingCount: Int
    }

    /// The one wrapper in `text` (UTF-8), or `nil` when it has none (C2PA 2.4 §A.8).
    ///
    /// A wrapper is U+FEFF followed by a run of variation selectors whose first eight bytes are the
    /// magic `C2PATXT\0`; runs without the magic are ordinary text (an emoji's VS16 after a BOM).
    /// Invalid UTF-8 elsewhere in the text is not looked at: the scan is over bytes, and the
    /// marker and selectors have unambiguous encodings.
    /// - Throws: ``TextManifestWrapperError/multipleWrappers(offsets:)`` when two or more runs carry
    ///   the magic (`manifest.text.multipleWrappers`); ``TextManifestWrapperError/corrupted(offset:reason:)``
    ///   when the only one has a short header, another version, a length past its selectors or
    ///   over ``maxStoreSize``, or an empty store (`manifest.text.corruptedWrapper`).
    public static func find(in text: [UInt8]) throws(TextManifestWrapperError) -> Found? {
        let candidates = runs(in: text)
        guard let first = candidates.first else { return nil }
        guard candidates.count == 1 else { throw .multipleWrappers(offsets: candidates.map(\.lowerBound)) }
        return try decode(text, run: first)
    }

    /// The byte ranges (marker through the last selector) of every run that carries the magic,
    /// well-formed or not.
    static func runs(in text: [UInt8]) -> [Range<Int>] { text.withUnsafeBufferPointer { scan($0) } }

    private static func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        var found: [Range<Int>] = []
        var index = 0
        let end = bytes.count
        while index + 2 < end {
            // Jump to the next 0xEF (most text has none, or few).
            guard let hit = bytes[index...].firstIndex(of: 0xEF) else { break }
            index = hit
            guard index + 2 < end, bytes[index + 1] == 0xBB, bytes[index + 2] == 0xBF else {
                index += 1
                continue
            }
            let start = index
            var cursor = index + 3
            var decoded = 0
            var magicSoFar = true
            while let (byte, width) = selector(at: cursor, in: bytes) {
                if decoded < magic.count, byte != magic[decoded] { magicSoFar = false }
                decoded += 1
                cursor += width
            }
            if magicSoFar, decoded >= magic.count { found.append(start ..< cursor) }
            index = cursor
        }
        return found
    }

    /// The byte a variation selector at `index` stands for, and its UTF-8 width; `nil` if none is there.
    @inline(__always)
    static func selector(at index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> (UInt8, Int)? {
        let end = bytes.count
        guard index + 2 < end else { return nil }
        let lead = bytes[index]
        if lead == 0xEF {
            guard bytes[index + 1] == 0xB8, bytes[index + 2] & 0xF0 == 0x80 else { return nil }
            return (bytes[index + 2] & 0x0F, 3)
        }
        guard lead == 0xF3, index + 3 < end, bytes[index + 1] == 0xA0 else { return nil }
        let third = bytes[index + 2]
        let fourth = bytes[index + 3]
        guard (0x84 ... 0x87).contains(third), fourth & 0xC0 == 0x80 else { return nil }
        let value = Int(third - 0x84) << 6 | Int(fourth & 0x3F)  // 0…255; U+E01F0… are not selectors
        guard value <= 0xEF else { return nil }
        return (UInt8(value + 0x10), 4)
    }

    /// Decodes the run at `run` (marker through its last selector).
    private static func decode(_ text: [UInt8], run: Range<Int>) throws(TextManifestWrapperError) -> Found {
        let result: Result<Found, TextManifestWrapperError> = text.withUnsafeBufferPointer { bytes in
            var cursor = run.lowerBound + marker.count
            var header: [UInt8] = []
            var offsets: [Int] = []  // byte offset of each header selector, for the errors
            while header.count < headerSize, let (byte, width) = selector(at: cursor, in: bytes) {
                header.append(byte)
                offsets.append(cursor)
                cursor += width
            }
            guard header.count == headerSize else {
                return .failure(
                    .corrupted(
                        offset: run.lowerBound,
                        reason: "\(header.count) selectors follow the magic's marker, the header needs \(headerSize)"))
            }
            guard header[8] == version else {
                return .failure(
                    .corrupted(offset: offsets[8], reason: "version \(header[8]), only \(version) is known"))
            }
            let length = header[9 ..< 13].reduce(0) { $0 << 8 | Int($1) }
            guard length > 0, length <= maxStoreSize else {
                return .failure(
                    .corrupted(
                        offset: offsets[9],
                        reason: "declares a store of \(length) bytes (allowed 1…\(maxStoreSize))"))
            }
            var store: [UInt8] = []
            store.reserveCapacity(length)
            while store.count < length, let (byte, width) = selector(at: cursor, in: bytes) {
                store.append(byte)
                cursor += width
            }
            guard store.count == length else {
                return .failure(
                    .corrupted(
                        offset: cursor,
                        reason: "declares a store of \(length) bytes, the selectors end after \(store.count)"))
            }
            var padding = 0
            while let (_, width) = selector(at: cursor, in: bytes) {
                padding += 1
                cursor += width
            }
            return .success(Found(store: store, range: run, paddingCount: padding))
        }
        return try result.get()
    }
}
