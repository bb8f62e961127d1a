#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import LabelerCInterop

/// One function per libFuzzer target (see `Fuzz/` and FUZZING.md), also run by the fuzz regression
/// tests on every saved crash input.
///
/// Each takes arbitrary bytes, drives one parser the way the library does, and returns normally
/// whatever the input; errors are findings about the input, not failures. A trap, or a broken
/// invariant checked here with ``expect(_:_:)`` (a `fatalError`, so the message
/// survives `-O`, unlike `precondition`'s), is a bug. `@_spi(Fuzzing)` keeps these out of the
/// public API while letting the `Fuzz` package (another package) call the internal parsers.
@_spi(Fuzzing) public enum FuzzEntryPoints {
    /// `PNG.ChunkReader`: chunks lie in the buffer, in order, `IHDR` first and `IEND` last.
    public static func pngWalker(_ data: UnsafeRawBufferPointer) {
        guard let reader = try? PNG.ChunkReader(data) else { return }
        var cursor = PNG.signature.count
        for chunk in reader.chunks {
            expect(chunk.range.lowerBound == cursor && chunk.range.upperBound <= data.count, "PNG chunk out of place")
            cursor = chunk.range.upperBound
        }
        expect(reader.chunks.first?.type == .IHDR && reader.chunks.last?.type == .IEND, "PNG walk not IHDR…IEND")
        expect(reader.trailingRange.map { $0 == cursor ..< data.count } ?? (cursor == data.count), "PNG trailing range")
    }

    /// `JPEG.SegmentReader`: segments tile the buffer from SOI, payloads lie inside their segments.
    public static func jpegWalker(_ data: UnsafeRawBufferPointer) {
        guard let reader = try? JPEG.SegmentReader(data) else { return }
        var cursor = 0
        for segment in reader.segments {
            expect(segment.range.lowerBound == cursor && segment.range.upperBound <= data.count, "JPEG segment out of place")
            expect(
                segment.payloadRange.lowerBound >= segment.range.lowerBound
                    && segment.payloadRange.upperBound <= segment.range.upperBound, "JPEG payload outside its segment")
            cursor = segment.range.upperBound
        }
        expect(reader.segments.last?.marker == JPEG.Marker.eoi, "JPEG walk does not end at EOI")
        expect(reader.trailingRange.map { $0 == cursor ..< data.count } ?? (cursor == data.count), "JPEG trailing range")
    }

    /// `XML.Parser.parse`: element ranges lie in the buffer and nest.
    public static func xmlParser(_ data: UnsafeRawBufferPointer) {
        guard let root = try? XML.Parser.parse(Array(data)) else { return }
        func check(_ element: XML.Element, in outer: Range<Int>) {
            expect(element.range.lowerBound >= outer.lowerBound && element.range.upperBound <= outer.upperBound, "XML range")
            expect(element.contentStart <= element.contentEnd, "XML content range")
            for child in element.children { check(child, in: element.range) }
        }
        check(root, in: 0 ..< data.count)
    }

    /// `XMP.Document(parsing:)` then `XMPPacketWriter.packet(merging:with:)`, as the stamper does: the
    /// merged packet must parse again and carry exactly our one TC260 label. The first byte picks
    /// the disclosure variant (edited / with prompt) so the fuzzer reaches both merge paths.
    public static func xmpMerge(_ data: UnsafeRawBufferPointer) {
        guard let selector = data.first else { return }
        guard let existing = try? XMP.Document(parsing: Array(data.dropFirst())) else { return }
        let disclosure = Disclosure(
            involvement: selector & 1 == 0 ? .generated : .edited, aiSystem: "FuzzGen", aiSystemVersion: "1.0",
            producerName: "FuzzCo", contentID: "fuzz-0001", createdAt: Date(timeIntervalSince1970: 1_750_000_000),
            prompt: selector & 2 == 0 ? nil : "a prompt", languages: [.en, .zh])
        let merged = XMPPacketWriter.packet(merging: existing, with: disclosure)
        let document: XMP.Document
        do {
            document = try XMP.Document(parsing: merged)
        } catch {
            fatalError("FuzzEntryPoints.xmpMerge: merged XMP packet does not parse: \(error)")
        }
        let labels = document.properties(.aigc)
        expect(labels.count == 1, "merged XMP packet carries \(labels.count) TC260 labels, expected 1")
        expect(TC260Label(parsing: labels[0].value).value("ProduceID") == "fuzz-0001", "merged label is not ours")
    }

    /// `TC260Label(parsing:)` (Annex E JSON): never throws; a valid label has the required keys.
    public static func annexE(_ data: UnsafeRawBufferPointer) {
        let label = TC260Label(parsing: String(decoding: data, as: UTF8.self))
        if label.isValid {
            for key in AnnexE.requiredKeys { expect(label.value(key)?.isEmpty == false, "valid label lacks \(key)") }
        }
    }

    /// `EXIFEditor.readTags` (libexif through LabelerCInterop) on an APP1 payload or a bare TIFF block.
    public static func exifReader(_ data: UnsafeRawBufferPointer) {
        _ = try? EXIFEditor.readTags(Array(data)[...])
    }

    /// Traps with `message` when an invariant does not hold.
    private static func expect(_ condition: Bool, _ message: @autoclosure () -> String) {
        if !condition { fatalError("FuzzEntryPoints: " + message()) }
    }
}
