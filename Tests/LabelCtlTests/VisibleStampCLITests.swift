import Foundation
import LabelerCInterop
import LabelerTestSupport
import Testing

@Suite struct VisibleStampCLITests {
    @Test("stamp --visible --corner top-left draws the label, and verify still reads the metadata")
    func visibleEndToEnd() throws {
        let input = try CLI.copySamples(["photos/coffee.png", "edge/exif-camera.jpg"])
        let before = try Data(contentsOf: input.appendingPathComponent("coffee.png"))
        let output = try CLI.temporaryDirectory().appendingPathComponent("out")
        let stamp = try CLI.labelctl(
            ["stamp"] + CLI.stampFlags + [
                "--visible", "--corner", "top-left", "--lang", "kk,zh", "-o", output.path,
                input.path,
            ])
        #expect(stamp.status == 0, "\(stamp.stderr)")
        #expect(try Data(contentsOf: input.appendingPathComponent("coffee.png")) == before)
        let verify = try CLI.labelctl(["verify", output.path])
        #expect(verify.status == 0, "\(verify.stdout)")

        let stamped = [UInt8](try Data(contentsOf: output.appendingPathComponent("coffee.png")))
        let text = String(decoding: stamped, as: UTF8.self)
        #expect(text.contains("<LabelerVisible:Corner>top-left</LabelerVisible:Corner>"))
        #expect(text.contains("ЖИ жасаған") && text.contains("AI生成"))
        let original = try PNGCodec.decode([UInt8](before))
        let labelled = try PNGCodec.decode(stamped)
        func pixel(_ image: DecodedImage, _ x: Int, _ y: Int) -> ArraySlice<UInt8> {
            let index = (y * image.width + x) * 4
            return image.pixels[index ..< index + 4]
        }
        // The plate starts at the margin (2 % of 400 = 8 px) in the top-left; the opposite corner is untouched.
        #expect(pixel(labelled, 9, 9) != pixel(original, 9, 9))
        #expect(pixel(labelled, 590, 390) == pixel(original, 590, 390))
        let jpeg = [UInt8](try Data(contentsOf: output.appendingPathComponent("exif-camera.jpg")))
        #expect(String(decoding: jpeg, as: UTF8.self).contains("Canon EOS 5D Mark IV"))
    }

    @Test("--corner without --visible is a usage error")
    func cornerNeedsVisible() throws {
        let result = try CLI.labelctl(
            ["stamp"] + CLI.stampFlags + ["--corner", "top-left", "-o", "/tmp/unused", "x.png"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("--corner needs --visible"))
    }

    @Test("corrupt pixel data: exit 65, the error names the file and offset, nothing written, input intact")
    func corruptPixels() throws {
        let folder = try CLI.temporaryDirectory()
        var bytes = [UInt8](try Data(contentsOf: CLI.sampleMedia.appendingPathComponent("photos/coffee.png")))
        func length(at offset: Int) -> Int {
            Int(bytes[offset]) << 24 | Int(bytes[offset + 1]) << 16 | Int(bytes[offset + 2]) << 8
                | Int(bytes[offset + 3])
        }
        // Walk the chunks to the first IDAT.
        var idat = 8
        while Array(bytes[idat + 4 ..< idat + 8]) != Array("IDAT".utf8) { idat += 12 + length(at: idat) }
        let length = length(at: idat)
        for index in idat + 10 ..< idat + 48 { bytes[index] = 0xA5 }
        let crc = Zlib.crc32(Array(bytes[idat + 4 ..< idat + 8 + length]))
        let crcAt = idat + 8 + length
        bytes.replaceSubrange(
            crcAt ..< crcAt + 4,
            with: [UInt8(crc >> 24), UInt8(crc >> 16 & 0xFF), UInt8(crc >> 8 & 0xFF), UInt8(crc & 0xFF)])
        let file = folder.appendingPathComponent("broken.png")
        try Data(bytes).write(to: file)
        let output = try CLI.temporaryDirectory().appendingPathComponent("out")
        let result = try CLI.labelctl(["stamp"] + CLI.stampFlags + ["--visible", "-o", output.path, file.path])
        #expect(result.status == 65)
        #expect(result.stderr.contains("broken.png") && result.stderr.contains("\(idat)"), "\(result.stderr)")
        #expect(result.stderr.contains("pixels"))
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("broken.png").path))
        #expect([UInt8](try Data(contentsOf: file)) == bytes)
    }
}

@Suite struct VisibleOCRCLITests {
    @Test("verify --ocr finds our Chinese label after the metadata is stripped; without --ocr nothing is found")
    func ocrAfterStripping() throws {
        let input = try CLI.copySamples(["photos/coffee.png"])
        let output = try CLI.temporaryDirectory().appendingPathComponent("out")
        let stamp = try CLI.labelctl(
            ["stamp"] + CLI.stampFlags + ["--visible", "--lang", "zh", "-o", output.path, input.path])
        #expect(stamp.status == 0, "\(stamp.stderr)")
        let stripped = output.appendingPathComponent("stripped.png").path
        try ProcessRunner.runChecked("convert", [output.appendingPathComponent("coffee.png").path, "-strip", stripped])

        let plain = try CLI.labelctl(["verify", "--json", stripped])
        #expect(plain.stdout.contains(#""name":"visible","problems":[],"status":"not_checked""#), "\(plain.stdout)")
        let ocr = try CLI.labelctl(["verify", "--ocr", "--json", stripped])
        let report = try #require(
            try JSONSerialization.jsonObject(with: Data(ocr.stdout.utf8)) as? [String: Any], "\(ocr.stdout)")
        let layers = try #require(report["layers"] as? [[String: Any]])
        let visible = try #require(layers.first { $0["name"] as? String == "visible" })
        #expect(visible["status"] as? String == "present")
        let fields = try #require(visible["fields"] as? [String: String])
        #expect(fields["Language"] == "zh" && fields["MeetsHeight"] == "true", "\(fields)")
        #expect(fields["Text"]?.contains("生成") == true, "\(fields)")
        // The machine-readable labels are gone: still unlabelled, but the explicit label counts for CN.
        #expect(report["verdict"] as? String == "unlabelled")
        let regimes = try #require(report["regimes"] as? [[String: Any]])
        #expect(regimes.first { $0["regime"] as? String == "cn" }?["status"] as? String == "partial")
    }
}
