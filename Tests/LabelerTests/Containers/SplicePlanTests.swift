import Foundation
import LabelerBytes
import Testing
import LabelerTestSupport
@testable import Labeler

@Suite struct SplicePlanTests {
    @Test("regions are tagged kept / replaced / inserted and tile the output in order")
    func roles() throws {
        let jpeg = try JPEGBuilder.encoded()
        let plan = try Stamper(disclosure: .sample).stamp(jpeg).plan
        #expect(plan.regions.first?.role == .kept)
        // A fresh JPEG has neither Exif nor XMP: both are inserted.
        #expect(plan.region(for: .exif)?.role == .inserted)
        #expect(plan.region(for: .xmp)?.role == .inserted)
        var cursor = 0
        for region in plan.regions {
            #expect(region.output.lowerBound == cursor)
            cursor = region.output.upperBound
        }
        #expect(cursor == plan.outputSize && plan.outputSize == plan.materialize(from: jpeg).count)
        // Stamping the output again replaces the XMP; the Exif, already filled, is kept as it is.
        let once = plan.materialize(from: jpeg)
        let again = try Stamper(disclosure: .sample).stamp(once).plan
        #expect(again.region(for: .xmp)?.role == .replaced && again.region(for: .exif) == nil)
    }

    @Test("outputRanges(excluding:) covers every byte but the site's; fill keeps every region in place")
    func hashingAndFilling() throws {
        let png = PNGBuilder.minimal()
        var plan = try Stamper(disclosure: .sample).stamp(png).plan
        let xmp = try #require(plan.region(for: .xmp))
        let ranges = plan.outputRanges(excluding: .xmp)
        #expect(ranges.reduce(0) { $0 + $1.count } == plan.outputSize - xmp.output.count)
        #expect(ranges.allSatisfy { !$0.overlaps(xmp.output) })
        #expect(ranges.count == 2)  // before and after the XMP chunk, adjacent regions merged
        let before = plan.materialize(from: png)
        let wrongLength = plan.fill(.xmp, with: [0x00])  // another length would move later regions: refused
        let noSuchSite = plan.fill(.c2pa, with: [])
        let sameLength = plan.fill(.xmp, with: [UInt8](repeating: 0x20, count: xmp.output.count))
        #expect(!wrongLength && !noSuchSite && sameLength)
        let after = plan.materialize(from: png)
        #expect(after.count == before.count)
        #expect(
            Array(after[ranges[0]]) == Array(before[ranges[0]]) && Array(after[ranges[1]]) == Array(before[ranges[1]]))
        #expect(after[xmp.output].allSatisfy { $0 == 0x20 })
    }
}

@Suite struct ContainerRegistryTests {
    @Test("one dispatch point: sniffing by magic bytes, and one error naming every format for the rest")
    func dispatch() throws {
        #expect(ContainerFormat.sniff(PNGBuilder.minimal()) == .png)
        #expect(ContainerFormat.sniff(try JPEGBuilder.encoded()) == .jpeg)
        #expect(ContainerFormat.sniff(Array("GIF89a".utf8)) == nil)
        let error = ContainerRegistry.unsupported(Array("GIF89a".utf8))
        #expect(error.code == .unsupportedFormat && error.offset == 0)
        #expect(error.message.contains("png, jpeg") && error.message.contains("47 49 46 38"))
        #expect(ContainerRegistry.unsupported([UInt8]()).message.contains("empty file"))
        #expect(throws: LabelerError.self) { try ContainerRegistry.walk(Array("GIF89a".utf8)) }
        // The format encodes as its bare name in reports.
        let encoded = try JSONEncoder().encode([ContainerFormat.png])
        #expect(String(decoding: encoded, as: UTF8.self) == #"["png"]"#)
    }
}

@Suite struct FilePathTests {
    @Test("names are bytes: UTF-8 shown as is, other bytes and controls escaped as ls does, never raw")
    func escaping() {
        #expect(FilePath("ТОО/阿里.png").description == "ТОО/阿里.png")
        #expect(FilePath(bytes: Array("caf".utf8) + [0xE9] + Array(".png".utf8)).description == #"caf\xE9.png"#)
        #expect(FilePath("x\nok.png: labelled").description == #"x\nok.png: labelled"#)
        #expect(FilePath("a\\b\u{1B}[31m").description == #"a\\b\x1B[31m"#)
        #expect(FilePath(bytes: [0xC2, 0x85]).description == #"\xC2\x85"#)  // C1 control NEL
        let latin = FilePath(bytes: [0x66, 0xE9])
        #expect(latin.string == nil && latin != FilePath("f\u{FFFD}"))
    }

    @Test("split, appending and trailing slashes")
    func components() {
        #expect(FilePath("a/b/c.png").split.directory == "a/b" && FilePath("a/b/c.png").name == Array("c.png".utf8))
        #expect(FilePath("c.png").split.directory == "." && FilePath("/c.png").split.directory == "/")
        #expect(FilePath("out/").appending("x.png") == "out/x.png" && FilePath("out").appending("x.png") == "out/x.png")
        #expect(FilePath("out///").trimmingTrailingSlashes == "out" && FilePath("/").trimmingTrailingSlashes == "/")
    }
}

@Suite struct ByteWriterTests {
    @Test("length prefixes are back-patched, and a length that does not fit is an error at N+1")
    func lengthPrefix() throws {
        var writer = ByteWriter()
        try writer.writeLengthPrefixed(as: UInt16.self, countingPrefix: true) { $0.writeBytes([1, 2, 3]) }
        #expect(writer.bytes == [0x00, 0x05, 1, 2, 3])
        var box = ByteWriter()
        try box.writeLengthPrefixed(as: UInt32.self) { $0.writeInteger(UInt16(0xABCD)) }
        #expect(box.bytes == [0, 0, 0, 2, 0xAB, 0xCD])
        var fits = ByteWriter()
        try fits.writeLengthPrefixed(as: UInt16.self, countingPrefix: true) {
            $0.writeBytes([UInt8](repeating: 0, count: 65_533))
        }
        #expect(fits.bytes.prefix(2) == [0xFF, 0xFF])
        var overflows = ByteWriter()
        var caught: ByteWriter.Error?
        do {
            try overflows.writeLengthPrefixed(as: UInt16.self, countingPrefix: true) {
                $0.writeBytes([UInt8](repeating: 0, count: 65_534))
            }
        } catch let error as ByteWriter.Error {
            caught = error
        }
        #expect(caught == .lengthOverflow(length: 65_536, maximum: 65_535))
    }

    @Test("reads are bounds-checked: nil past the end, and the cursor does not move")
    func reader() {
        [UInt8]([0x12, 0x34, 0x56]).withUnsafeBytes { bytes in
            var reader = ByteReader(bytes)
            #expect(reader.getInteger(at: 1, as: UInt16.self) == 0x3456)
            #expect(reader.getInteger(at: 2, as: UInt16.self) == nil)
            #expect(reader.readInteger(as: UInt16.self) == 0x1234)
            #expect(reader.readInteger(as: UInt16.self) == nil && reader.offset == 2)
            #expect(reader.readBytes(1).map(Array.init) == [0x56] && reader.remaining == 0)
        }
    }
}

@Suite struct OrderedParallelRunnerTests {
    struct Counter: IteratorProtocol, Sendable {
        var next_ = 0
        let end: Int
        mutating func next() -> Int? {
            guard next_ < end else { return nil }
            defer { next_ += 1 }
            return next_
        }
    }

    @Test("results come back in input order, the source is pulled lazily, and a small reorder buffer still finishes")
    func ordered() {
        let delivered = Box()
        var runner = OrderedParallelRunner<Counter, Int>(jobs: 4)
        runner.maxPending = 3
        let left = runner.run(Counter(end: 2000), claimSize: { 7 }) { inputs in
            inputs.map { $0 * 2 }
        } deliver: { input, result in
            delivered.append(input, result)
            return true
        }
        #expect(delivered.pairs.map(\.0) == Array(0 ..< 2000))
        #expect(delivered.pairs.allSatisfy { $0.1 == $0.0 * 2 })
        #expect(left.next_ == 2000)
    }

    final class Box: @unchecked Sendable {
        private let lock = NSLock()
        private var storage: [(Int, Int)] = []
        func append(_ input: Int, _ result: Int) { lock.lock(); storage.append((input, result)); lock.unlock() }
        var pairs: [(Int, Int)] { lock.lock(); defer { lock.unlock() }; return storage }
    }
}
