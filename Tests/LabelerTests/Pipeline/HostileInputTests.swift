import Foundation
import LabelerCInterop
import LabelerTestSupport
import Testing
@testable import Labeler

/// Regression tests for the findings of a hostile test run, at the library level: decompression
/// bombs spread over many chunks, huge XMP attribute lists, inputs that change while stamped.
@Suite struct HostileInputTests {
    /// A zTXt chunk keyed `AIGC` whose text inflates to `count` copies of `byte`.
    static func zTXt(inflatingTo count: Int, byte: UInt8 = 0x20) throws -> (String, [UInt8]) {
        ("zTXt", Array("AIGC".utf8) + [0, 0] + (try Zlib.deflate([UInt8](repeating: byte, count: count))))
    }

    /// A PNG carrying `chunks` zTXt `AIGC` chunks, each inflating to `inflated` bytes.
    static func textBomb(chunks: Int, inflated: Int) throws -> [UInt8] {
        let chunk = try zTXt(inflatingTo: inflated)
        return PNGBuilder.minimal(extraBeforeIDAT: Array(repeating: chunk, count: chunks))
    }

    // Finding 1: many compressed AIGC chunks, each under the per-chunk limit, must not together
    // inflate without bound (PNG.maxTextBytesPerFile).
    @Test("Hostile 1: 40 zTXt AIGC chunks of 4 MiB each: the total is bounded, later ones reported undecoded")
    func hostileManyTextChunksUnderTheChunkLimit() throws {
        let bytes = try Self.textBomb(chunks: 40, inflated: 4 << 20)
        #expect(bytes.count < 1 << 20, "the bomb itself is small: \(bytes.count) bytes")
        let report = Verifier().verify(bytes)
        #expect(report.verdict == .invalid)
        let undecodable = report.layers.flatMap(\.problems).filter { $0.kind == .carrierUndecodable }
        #expect(!undecodable.isEmpty, "expected carrier.undecodable findings")
        // Only 16 MiB / 4 MiB = 4 chunks may be inflated; the other 36 are reported, not decoded.
        #expect(undecodable.filter { $0.message.contains("limit per file") }.count >= 36)
    }

    // Finding 1, variant: chunks each inflating just past the per-chunk limit (8 MiB + 1) fail
    // one by one, but every failure still inflated 8 MiB. Those attempts must count against the
    // per-file budget too, or 10,000 such chunks (80 KB each) cost 80 GB of inflation.
    @Test("Hostile 1b: chunks inflating past the per-chunk limit also use up the per-file budget")
    func hostileManyTextChunksOverTheChunkLimit() throws {
        let bytes = try Self.textBomb(chunks: 40, inflated: PNG.maxTextChunkBytes + 1)
        let report = Verifier().verify(bytes)
        #expect(report.verdict == .invalid)
        let undecodable = report.layers.flatMap(\.problems).filter { $0.kind == .carrierUndecodable }
        #expect(undecodable.count == 40)
        // At most 16 MiB of inflation in total: after two 8 MiB attempts the rest is not inflated.
        #expect(
            undecodable.filter { $0.message.contains("limit per file") }.count >= 38,
            "every over-limit chunk was inflated to 8 MiB: \(undecodable.prefix(3).map(\.message))")
    }

    // Finding 2: an element with a huge number of attributes must give a defined verdict.
    @Test("Hostile 2: an XMP element with 20,000 attributes is parsed or refused, with a defined verdict")
    func hostileXMPManyAttributes() throws {
        let xmp = Self.xmpPacket(attributes: 20_000)
        let chunk = ("iTXt", Array(PNG.xmpKeyword.utf8) + [0, 0, 0, 0, 0] + Array(xmp.utf8))
        let bytes = PNGBuilder.minimal(extraBeforeIDAT: [chunk])
        let clock = ContinuousClock()
        let start = clock.now
        let report = Verifier().verify(bytes)
        let elapsed = clock.now - start
        #expect(report.verdict == .unlabelled || report.verdict == .invalid, "verdict \(report.verdict)")
        #expect(report.format == .png)
        print("HostileInputTests: 20,000 XMP attributes verified in \(elapsed)")
    }

    /// An XMP packet whose rdf:Description carries `attributes` distinct attributes.
    static func xmpPacket(attributes: Int) -> String {
        var text =
            #"<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">"#
        text += #"<rdf:Description rdf:about="" xmlns:ex="http://example.com/ns/""#
        for index in 0 ..< attributes { text += " ex:a\(index)=\"v\"" }
        text += "/></rdf:RDF></x:xmpmeta>"
        return text
    }

    // Finding 3: a file that changes between read and rename is caught.
    @Test("Hostile 3: InputFile.Check.run() throws after a byte is appended")
    func hostileCheckAfterAppend() throws {
        let folder = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("in.png")
        try Data(PNGBuilder.minimal()).write(to: url)
        let input = try InputFile(reading: FilePath(url.path))
        try input.check.run()  // unchanged: passes
        let handle = try FileHandle(forWritingTo: url)
        try handle.seekToEnd()
        try handle.write(contentsOf: Data([0]))
        try handle.close()
        #expect(throws: LabelerError.self) { try input.check.run() }
    }

    @Test("Hostile 3: InputFile.Check.run() throws after the mtime moves (same size)")
    func hostileCheckAfterTouch() throws {
        let folder = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("in.png")
        try Data(PNGBuilder.minimal()).write(to: url)
        let input = try InputFile(reading: FilePath(url.path))
        try FileManager.default.setAttributes(
            [.modificationDate: Date(timeIntervalSinceNow: -3600)], ofItemAtPath: url.path)
        #expect(throws: LabelerError.self) { try input.check.run() }
    }

    @Test("Hostile 3: InputFile.Check.run() throws when the file was replaced by another of the same size")
    func hostileCheckAfterReplace() throws {
        let folder = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("in.png")
        let bytes = PNGBuilder.minimal()
        try Data(bytes).write(to: url)
        let input = try InputFile(reading: FilePath(url.path))
        let other = folder.appendingPathComponent("other.png")
        try Data(bytes).write(to: other)
        #expect(rename(other.path, url.path) == 0)
        #expect(throws: LabelerError.self) { try input.check.run() }
    }

    @Test("Hostile 3: a commit whose input changed after staging renames nothing and leaves no temp file")
    func hostileCommitAfterChange() throws {
        let folder = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("in.png")
        try Data(PNGBuilder.minimal()).write(to: url)
        let input = try InputFile(reading: FilePath(url.path))
        let stamped = try Stamper(disclosure: .sample).stamp(input.bytes)
        let output = FilePath(folder.appendingPathComponent("out.png").path)
        let writer = AtomicFileWriter()
        let staged = try writer.stage(
            stamped.plan, from: input.bytes, to: output, attributes: .newFile(like: input), inputCheck: input.check)
        let handle = try FileHandle(forWritingTo: url)
        try handle.truncate(atOffset: 10)
        try handle.close()
        let results = writer.commit([staged])
        #expect(results.count == 1)
        #expect(results.first??.code == .io)
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("out.png").path))
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        #expect(names == ["in.png"], "leftovers: \(names)")
    }
}
