import Foundation
import Testing
import LabelerTestSupport

/// exiftool (Phil Harvey; Debian libimage-exiftool-perl) is the independent reader here.
@Suite struct ExiftoolInteropTests {
    func stampedCopy(_ names: [String], extra: [String] = []) throws -> URL {
        let input = try CLI.copySamples(names)
        let output = try CLI.temporaryDirectory()
        let result = try CLI.labelctl(
            ["stamp"] + CLI.stampFlags + ["--lang", "en,ru,kk,zh", "--prompt", "a red <fox>"] + extra + [
                "-o", output.path, input.path,
            ])
        #expect(result.status == 0, "\(result.stderr)")
        return output
    }

    func tags(_ file: URL) throws -> [String: Any] {
        let result = try CLI.exiftool(["-j", "-G1", "-struct", file.path])
        #expect(result.status == 0, "\(result.stderr)")
        let array = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        return try #require(array.first)
    }

    @Test(
        "exiftool reads every field we write, in PNG and JPEG",
        arguments: ["photos/coffee.png", "photos/astronaut.jpg"])
    func readsFields(name: String) throws {
        let output = try stampedCopy([name])
        let file = output.appendingPathComponent(URL(fileURLWithPath: name).lastPathComponent)
        let tags = try tags(file)
        #expect(
            tags["XMP-iptcExt:DigitalSourceType"] as? String
                == "http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia")
        #expect(tags["XMP-iptcExt:AISystemUsed"] as? String == "TestGen")
        #expect("\(tags["XMP-iptcExt:AISystemVersionUsed"] ?? "")" == "2.1")  // exiftool -j prints 2.1 as a number
        #expect(tags["XMP-iptcExt:AIPromptInformation"] as? String == "a red <fox>")
        let aigc = try #require(tags["XMP-TC260:Aigc"] as? String)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(aigc.utf8)) as? [String: String])
        #expect(json["Label"] == "1" && json["ContentProducer"] == "001191110000EXAMPLE00X1AB01")
        #expect(json.keys.count == 7)
        #expect(tags["XMP-xmpMM:InstanceID"] as? String == "xmp.iid:" + (json["ProduceID"] ?? "?"))
        #expect(tags["XMP-xmp:CreateDate"] != nil)
        #expect(tags["XMP-dc:Description-zh"] as? String == "本内容由人工智能生成")
        if name.hasSuffix(".jpg") {
            #expect(tags["IFD0:Software"] as? String == "TestGen 2.1")
            #expect((tags["IFD0:ImageDescription"] as? String)?.contains("artificial intelligence") == true)
        }
        let warnings = tags.keys.filter { $0.hasSuffix("Warning") || $0.hasSuffix("Error") }
        #expect(warnings.isEmpty, "exiftool complains: \(warnings.map { "\($0)=\(tags[$0] ?? "")" })")
    }

    @Test(
        "XMP written by exiftool is merged, not clobbered",
        arguments: ["edge/xmp-exiftool.jpg", "edge/xmp-exiftool.png"])
    func mergesExiftoolXMP(name: String) throws {
        let original = try tags(CLI.sampleMedia.appendingPathComponent(name))
        let stamped = try tags(
            try stampedCopy([name]).appendingPathComponent(URL(fileURLWithPath: name).lastPathComponent))
        for key in original.keys
        where key.hasPrefix("XMP-") && !key.hasPrefix("XMP-iptcExt") && !key.hasPrefix("XMP-TC260")
            && !key.hasPrefix("XMP-x:") && !key.hasPrefix("XMP-xmpMM") && !key.hasPrefix("XMP-dc:Description")
        {
            #expect("\(stamped[key] ?? "missing")" == "\(original[key] ?? "")", "\(key) changed")
        }
        #expect(stamped["XMP-dc:Description"] as? String == original["XMP-dc:Description"] as? String)
        #expect(stamped["XMP-TC260:Aigc"] != nil)
    }

    @Test("existing EXIF tags survive: exiftool sees the same values after stamping")
    func exifPreserved() throws {
        let name = "edge/exif-camera.jpg"
        let original = try tags(CLI.sampleMedia.appendingPathComponent(name))
        let stamped = try tags(try stampedCopy([name]).appendingPathComponent("exif-camera.jpg"))
        for key in original.keys
        where (key.hasPrefix("IFD0:") || key.hasPrefix("ExifIFD:")) && key != "IFD0:Software"
            && key != "IFD0:ImageDescription"
        {
            #expect("\(stamped[key] ?? "missing")" == "\(original[key] ?? "")", "\(key) changed")
        }
    }
}
