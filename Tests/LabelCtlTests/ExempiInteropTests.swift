import Foundation
import Testing
import LabelerCInterop
import LabelerTestSupport

private let exempiPath = "/usr/bin/exempi"

/// exempi (Debian `exempi`) wraps Adobe's XMP Toolkit, the reader behind Photoshop, Bridge and
/// Lightroom. The toolkit takes a PNG's XMP from the *first* `iTXt` chunk only, so these tests
/// check that our label is the one it finds, in every sample and behind a licence comment.
/// Skipped, not failed, where exempi is missing (it is one of the Makefile's APT_PACKAGES).
@Suite(
    .enabled(
        if: FileManager.default.isExecutableFile(atPath: exempiPath), "exempi is not installed (apt install exempi)"))
struct ExempiInteropTests {
    static let exempi = exempiPath
    static let tc260Namespace = "http://www.tc260.org.cn/ns/AIGC/1.0/"
    static let trained = "http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia"
    /// PNG/JPEG samples of SampleMedia/photos and SampleMedia/edge that must stamp: all 18 do today;
    /// two of slack for a policy that refuses one (say, a conflicting label already there).
    static let minimumStamped = 16

    /// The XMP packet exempi finds in `file`, as the toolkit re-serialises it ("" when it finds none).
    static func packet(_ file: URL) throws -> String {
        let result = try ProcessRunner.run(exempi, ["-x", file.path])
        #expect(result.status == 0, "exempi -x \(file.lastPathComponent): \(result.stderr)")
        return result.stdout
    }

    /// Whether the toolkit saw our disclosure: the IPTC DigitalSourceType and the TC260 AIGC
    /// property (element or attribute, under whatever prefix the TC260 namespace is bound to).
    static func carriesLabel(_ xmp: String) -> (digitalSourceType: Bool, aigc: Bool) {
        let digitalSourceType = xmp.contains("Iptc4xmpExt:DigitalSourceType") && xmp.contains(trained)
        var aigc = false
        if let binding = xmp.range(of: "=\"\(tc260Namespace)\"") {
            // xmlns:PREFIX="http://www.tc260.org.cn/ns/AIGC/1.0/"
            let head = xmp[..<binding.lowerBound]
            if let colon = head.lastIndex(of: ":") {
                let prefix = String(head[head.index(after: colon)...])
                aigc =
                    xmp.contains("<\(prefix):AIGC>") || xmp.contains("<\(prefix):AIGC ")
                    || xmp.contains("\(prefix):AIGC=\"")
            }
        }
        return (digitalSourceType, aigc)
    }

    /// A PNG chunk: length, type, data, CRC-32 of type and data.
    static func chunk(_ type: String, _ data: [UInt8]) -> [UInt8] {
        let body = Array(type.utf8) + data
        return bigEndian(UInt32(data.count)) + body + bigEndian(Zlib.crc32(body))
    }

    static func bigEndian(_ value: UInt32) -> [UInt8] {
        (0 ..< 4).map { UInt8(truncatingIfNeeded: value >> (24 - 8 * $0)) }
    }

    /// An uncompressed international text chunk with keyword `Comment` (a licence line, as image
    /// libraries and DAMs write them).
    static let licenceComment = chunk(
        "iTXt",
        Array("Comment".utf8) + [0, 0, 0] + Array("en".utf8) + [0, 0]
            + Array("Licence: CC0 1.0 Universal; no rights reserved.".utf8))

    /// `png` with `extra` inserted right after IHDR (so it is the first `iTXt`, before any IDAT).
    static func insertingAfterIHDR(_ png: [UInt8], _ extra: [UInt8]) throws -> [UInt8] {
        try #require(png.count > 33 && Array(png[12 ..< 16]) == Array("IHDR".utf8))
        return Array(png[..<33]) + extra + Array(png[33...])
    }

    static func chunkTypes(_ png: [UInt8]) -> [String] {
        var types: [String] = []
        var offset = 8
        while offset + 8 <= png.count {
            let length = png[offset ..< offset + 4].reduce(0) { $0 << 8 | Int($1) }
            types.append(String(decoding: png[offset + 4 ..< offset + 8], as: UTF8.self))
            offset += 12 + length
        }
        return types
    }

    @Test("exempi (Adobe XMP Toolkit) reads our label in every stampable PNG and JPEG of SampleMedia/photos and edge")
    func everySample() throws {
        let input = try CLI.temporaryDirectory()
        for folder in ["photos", "edge"] {
            let source = CLI.sampleMedia.appendingPathComponent(folder)
            for name in try FileManager.default.contentsOfDirectory(atPath: source.path).sorted()
            where name.hasSuffix(".png") || name.hasSuffix(".jpg") {
                try FileManager.default.copyItem(
                    at: source.appendingPathComponent(name), to: input.appendingPathComponent(folder + "-" + name))
            }
        }
        let output = try CLI.temporaryDirectory()
        let stamp = try CLI.labelctl(["stamp"] + CLI.stampFlags + ["-o", output.path, input.path])
        // Files labelctl refuses (e.g. one already carrying a conflicting label) fail alone; the rest are stamped.
        #expect([0, 65].contains(stamp.status), "\(stamp.stderr)")
        let stamped = try FileManager.default.contentsOfDirectory(atPath: output.path).filter { !$0.hasPrefix(".") }
            .sorted()
        #expect(stamped.count >= Self.minimumStamped, "only \(stamped.count) stamped: \(stamped); \(stamp.stderr)")
        for name in stamped {
            let xmp = try Self.packet(output.appendingPathComponent(name))
            let found = Self.carriesLabel(xmp)
            #expect(
                found.digitalSourceType,
                "\(name): exempi does not see Iptc4xmpExt:DigitalSourceType = trainedAlgorithmicMedia:\n\(xmp)")
            #expect(found.aigc, "\(name): exempi does not see TC260:AIGC:\n\(xmp)")
        }
    }

    @Test("a licence comment iTXt before IDAT does not hide our label: the XMP chunk goes first, after IHDR")
    func behindLicenceComment() throws {
        let input = try CLI.temporaryDirectory()
        let png = try Self.insertingAfterIHDR(
            TestFiles.read(CLI.sampleMedia.appendingPathComponent("photos/coffee.png")), Self.licenceComment)
        #expect(Self.chunkTypes(png).prefix(2) == ["IHDR", "iTXt"])
        let file = input.appendingPathComponent("commented.png")
        try Data(png).write(to: file)
        #expect(try Self.packet(file).contains("x:xmpmeta") == false, "the comment is not XMP; exempi should find none")
        let output = try CLI.temporaryDirectory()
        let stamp = try CLI.labelctl(["stamp"] + CLI.stampFlags + ["-o", output.path, file.path])
        #expect(stamp.status == 0, "\(stamp.stderr)")
        let stampedFile = output.appendingPathComponent("commented.png")
        let found = Self.carriesLabel(try Self.packet(stampedFile))
        #expect(found.digitalSourceType && found.aigc)
        // The licence comment survives, after our XMP chunk.
        let stampedBytes = try TestFiles.read(stampedFile)
        #expect(Self.chunkTypes(stampedBytes).prefix(3) == ["IHDR", "iTXt", "iTXt"])
        #expect(String(decoding: stampedBytes, as: UTF8.self).contains("Licence: CC0 1.0 Universal"))
    }

    @Test(
        "exempi's blind spot: exiftool's XMP behind a comment iTXt is invisible to it, and stamping makes the label visible"
    )
    func blindSpot() throws {
        let input = try CLI.temporaryDirectory()
        let original = try TestFiles.read(CLI.sampleMedia.appendingPathComponent("edge/xmp-exiftool.png"))
        #expect(
            try Self.packet(CLI.sampleMedia.appendingPathComponent("edge/xmp-exiftool.png")).contains(
                "Jane Photographer"))
        let hidden = try Self.insertingAfterIHDR(original, Self.licenceComment)
        let file = input.appendingPathComponent("hidden-xmp.png")
        try Data(hidden).write(to: file)
        // exiftool still reads the XMP; Adobe's toolkit stops at the first iTXt and finds nothing.
        let exiftool = try CLI.exiftool(["-s3", "-XMP-dc:Creator", file.path])
        #expect(exiftool.stdout.contains("Jane Photographer"), "\(exiftool.stdout) \(exiftool.stderr)")
        #expect(
            !(try Self.packet(file)).contains("Jane Photographer"),
            "exempi now reads past the first iTXt: this blind spot is gone")
        let output = try CLI.temporaryDirectory()
        let stamp = try CLI.labelctl(["stamp"] + CLI.stampFlags + ["-o", output.path, file.path])
        #expect(stamp.status == 0, "\(stamp.stderr)")
        let xmp = try Self.packet(output.appendingPathComponent("hidden-xmp.png"))
        let found = Self.carriesLabel(xmp)
        #expect(found.digitalSourceType && found.aigc, "\(xmp)")
        #expect(xmp.contains("Jane Photographer"), "exiftool's fields are merged into the chunk exempi now reads")
    }
}
