import Testing
@testable import Labeler

@Suite struct JPEGSegmentReaderTests {
    func read(_ bytes: [UInt8]) throws(JPEG.Error) -> JPEG.SegmentReader {
        do {
            return try bytes.withUnsafeBytes { try JPEG.SegmentReader($0) }
        } catch let error as JPEG.Error {
            throw error
        } catch {
            throw .missingSOI(offset: -1)
        }
    }

    @Test("walks a libjpeg file from SOI through the scan to EOI")
    func walksRealFile() throws {
        let bytes = try JPEGBuilder.encoded()
        let reader = try read(bytes)
        #expect(reader.segments.first?.name == "SOI")
        #expect(reader.segments.last?.name == "EOI")
        #expect(reader.segments.contains { $0.kind == .entropyCodedData })
        #expect(reader.segments.last?.range.upperBound == bytes.count)
        // Segments tile the file with no gap or overlap.
        var cursor = 0
        for segment in reader.segments {
            #expect(segment.offset == cursor)
            cursor = segment.range.upperBound
        }
    }

    @Test("skips stuffed bytes, restart markers and fill bytes inside scan data")
    func entropyCodedData() throws {
        let bytes = JPEGBuilder().segment(0xDA, [1, 2, 3]).raw([
            0x11, 0xFF, 0x00, 0x22, 0xFF, 0xD3, 0x33, 0xFF, 0xFF, 0xD9,
        ]).bytes
        let reader = try read(bytes)
        let data = try #require(reader.segments.first { $0.kind == .entropyCodedData })
        #expect(data.offset == 9 && data.length == 8)
        #expect(reader.segments.last?.name == "EOI")
    }

    @Test("rejects a missing SOI, a length past the end and a length below 2")
    func malformed() {
        #expect(throws: JPEG.Error.missingSOI(offset: 0)) { try read([0x89, 0x50]) }
        #expect(throws: JPEG.Error.missingSOI(offset: 0)) { try read([]) }
        let pastEnd = JPEGBuilder().segment(0xE1, [1, 2, 3], declaredLength: 60_000).bytes
        #expect(throws: JPEG.Error.truncatedSegment(marker: 0xE1, offset: 2, declared: 60_000, available: 5)) {
            try read(pastEnd)
        }
        let tiny = JPEGBuilder().segment(0xE0, [], declaredLength: 1).bytes
        #expect(throws: JPEG.Error.badSegmentLength(marker: 0xE0, offset: 2, declared: 1)) { try read(tiny) }
        let garbage = JPEGBuilder().raw([0x12, 0x34]).bytes
        #expect(throws: JPEG.Error.expectedMarker(offset: 2, found: 0x12)) { try read(garbage) }
    }

    @Test("rejects a file cut inside the scan, naming where it ends")
    func truncatedScan() throws {
        let bytes = try JPEGBuilder.encoded()
        let cut = Array(bytes.prefix(bytes.count - 10))
        #expect(throws: JPEG.Error.missingEOI(offset: cut.count)) { try read(cut) }
    }

    @Test("rejects truncation at every byte without crashing")
    func truncatedEverywhere() throws {
        let bytes = try JPEGBuilder.encoded()
        for cut in 0 ..< bytes.count - 1 {
            #expect(throws: JPEG.Error.self) { try read(Array(bytes.prefix(cut))) }
        }
    }

    @Test("keeps bytes after EOI as trailing data")
    func trailing() throws {
        let bytes = try JPEGBuilder.encoded() + [9, 9, 9]
        #expect(try read(bytes).trailingRange?.count == 3)
    }
}
