#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import LabelerCInterop

/// One function per libFuzzer target (see `Fuzz/` and FUZZING.md), also run by the fuzz regression
/// tests (`Tests/LabelerTests/Fuzzing`) on every saved crash input.
///
/// Each takes arbitrary bytes and drives one parser the way the library does. Errors are findings
/// about the input, not failures. A trap is a bug; so is a broken invariant that callers rely on,
/// which is returned as a message (`nil`: all is well) so the fuzz target can trap on it and the
/// regression test can report it. `@_spi(Fuzzing)` keeps these out of the public API while letting
/// the `Fuzz` package (another package) reach the internal parsers.
@_spi(Fuzzing) public enum FuzzEntryPoints {
    /// `PNG.ChunkReader`: chunks tile the buffer after the signature, `IHDR` first and `IEND` last.
    public static func pngWalker(_ data: UnsafeRawBufferPointer) -> String? {
        guard let reader = try? PNG.ChunkReader(data) else { return nil }
        var cursor = PNG.signature.count
        for chunk in reader.chunks {
            guard chunk.range.lowerBound == cursor, chunk.range.upperBound <= data.count else {
                return "PNG chunk \(chunk.type) at \(chunk.offset) is out of place (expected at \(cursor))"
            }
            cursor = chunk.range.upperBound
        }
        guard reader.chunks.first?.type == .IHDR, reader.chunks.last?.type == .IEND else {
            return "PNG walk is not IHDR…IEND"
        }
        guard reader.trailingRange ?? (cursor ..< cursor) == cursor ..< data.count else {
            return "PNG trailing range is wrong"
        }
        return nil
    }

    /// `JPEG.SegmentReader`: segments tile the buffer from SOI to EOI, payloads lie inside their segments.
    public static func jpegWalker(_ data: UnsafeRawBufferPointer) -> String? {
        guard let reader = try? JPEG.SegmentReader(data) else { return nil }
        var cursor = 0
        for segment in reader.segments {
            guard segment.range.lowerBound == cursor, segment.range.upperBound <= data.count else {
                return "JPEG \(segment.name) at \(segment.offset) is out of place (expected at \(cursor))"
            }
            guard segment.payloadRange.lowerBound >= segment.range.lowerBound,
                segment.payloadRange.upperBound <= segment.range.upperBound
            else { return "JPEG \(segment.name) at \(segment.offset) has its payload outside the segment" }
            cursor = segment.range.upperBound
        }
        guard reader.segments.last?.marker == JPEG.Marker.eoi else { return "JPEG walk does not end at EOI" }
        guard reader.trailingRange ?? (cursor ..< cursor) == cursor ..< data.count else {
            return "JPEG trailing range is wrong"
        }
        return nil
    }

    /// `XML.Parser.parse`: element ranges lie in the buffer and nest.
    public static func xmlParser(_ data: UnsafeRawBufferPointer) -> String? {
        guard let root = try? XML.Parser.parse(Array(data)) else { return nil }
        func problem(_ element: XML.Element, in outer: Range<Int>) -> String? {
            guard element.range.lowerBound >= outer.lowerBound, element.range.upperBound <= outer.upperBound,
                element.range.lowerBound <= element.contentStart, element.contentStart <= element.contentEnd,
                element.contentEnd <= element.range.upperBound
            else { return "<\(element.qualifiedName)> at \(element.range) has ranges outside its parent or itself" }
            return element.children.lazy.compactMap { problem($0, in: element.range) }.first
        }
        return problem(root, in: 0 ..< data.count)
    }

    /// `XMP.Document(parsing:)` then `XMPPacketWriter.packet(merging:with:)`, as the stamper does: the
    /// merged packet must parse again and carry exactly our one TC260 label. The first byte picks
    /// the disclosure variant (bit 0: edited, bit 1: with a prompt) so both merge paths are reached.
    public static func xmpMerge(_ data: UnsafeRawBufferPointer) -> String? {
        guard let selector = data.first else { return nil }
        guard let existing = try? XMP.Document(parsing: Array(data.dropFirst())) else { return nil }
        let disclosure = Disclosure(
            involvement: selector & 1 == 0 ? .generated : .edited, aiSystem: "FuzzGen", aiSystemVersion: "1.0",
            producerName: "FuzzCo", contentID: "fuzz-0001", createdAt: Date(timeIntervalSince1970: 1_750_000_000),
            prompt: selector & 2 == 0 ? nil : "a prompt", languages: [.en, .zh])
        let merged = XMPPacketWriter.packet(merging: existing, with: disclosure)
        let document: XMP.Document
        do {
            document = try XMP.Document(parsing: merged)
        } catch {
            return "the merged XMP packet does not parse: \(error)"
        }
        let labels = document.properties(.aigc)
        guard labels.count == 1 else { return "the merged XMP packet carries \(labels.count) TC260 labels, expected 1" }
        guard TC260Label(parsing: labels[0].value).value("ProduceID") == "fuzz-0001" else {
            return "the merged label is not ours"
        }
        return nil
    }

    /// `TC260Label(parsing:)` (Annex E JSON): never throws; a label without problems has the required keys.
    public static func annexE(_ data: UnsafeRawBufferPointer) -> String? {
        let label = TC260Label(parsing: String(decoding: data, as: UTF8.self))
        guard label.isValid else { return nil }
        return AnnexE.requiredKeys.first { label.value($0)?.isEmpty != false }.map { "a valid label lacks \($0)" }
    }

    /// `LabelerConfig(parsing:)` on TOML (``TOMLSubset``): never crashes; an error names a line
    /// and an offset inside the input; parsing is deterministic.
    public static func config(_ data: UnsafeRawBufferPointer) -> String? {
        let bytes = Array(data)
        do {
            let entries = try TOMLSubset.parse(bytes)
            guard (try? TOMLSubset.parse(bytes)) == entries else { return "two parses differ" }
            let lines = bytes.filter { $0 == 0x0A }.count + 1
            if let bad = entries.first(where: { $0.line < 1 || $0.line > lines }) {
                return "line \(bad.line) of \(lines)"
            }
        } catch {
            if error.offset < 0 || error.offset > bytes.count { return "offset \(error.offset) outside \(bytes.count)" }
        }
        _ = try? LabelerConfig(parsing: bytes, path: "fuzz.toml", json: false)
        return nil
    }

    /// `EXIFEditor.readTags` (libexif through LabelerCInterop) on an APP1 payload or a bare TIFF block.
    public static func exifReader(_ data: UnsafeRawBufferPointer) -> String? {
        _ = try? EXIFEditor.readTags(Array(data)[...])
        return nil
    }
}
