import Foundation
import Testing
import LabelerTestSupport

@testable import LabelerCInterop

extension CInteropTests {
    @Suite struct EXIFEditorTests {
        static let software = "Labeler 1.0"
        static let description = "AI-generated image"
        /// exiftool groups that hold EXIF tags (`-G1`).
        static let exifGroups = ["IFD0:", "ExifIFD:", "GPS:", "InteropIFD:", "IFD1:", "MakerNotes:"]
        /// Structural values that legitimately change when libexif re-lays the block out.
        static let structural: Set<String> = ["IFD1:ThumbnailOffset"]

        /// A small JPEG with exiftool-written EXIF (`exiftool <arguments> -o out.jpg in.jpg`).
        static func exiftoolJPEG(_ arguments: [String], in directory: URL) throws -> [UInt8] {
            let plain = try JPEGCodec.encode(
                DecodedImage(
                    width: 16, height: 16, channels: 3,
                    pixels: CInteropSupport.pattern(width: 16, height: 16, channels: 3)))
            try Data(plain).write(to: directory.appendingPathComponent("in.jpg"))
            try? FileManager.default.removeItem(at: directory.appendingPathComponent("out.jpg"))
            try CInteropSupport.run("exiftool", ["-q"] + arguments + ["-o", "out.jpg", "in.jpg"], in: directory)
            return [UInt8](try Data(contentsOf: directory.appendingPathComponent("out.jpg")))
        }

        /// Splices `payload` into `jpeg`, writes both files and returns exiftool's view of each.
        static func compare(
            original jpeg: [UInt8], filled payload: [UInt8], in directory: URL
        ) throws
            -> (before: [String: String], after: [String: String])
        {
            let before = directory.appendingPathComponent("before.jpg")
            let after = directory.appendingPathComponent("after.jpg")
            try Data(jpeg).write(to: before)
            try Data(CInteropSupport.splicingEXIF(payload, into: jpeg)).write(to: after)
            return (try CInteropSupport.exiftoolTags(before), try CInteropSupport.exiftoolTags(after))
        }

        /// Every EXIF tag exiftool saw before is still there with the same value.
        static func expectPreserved(_ before: [String: String], _ after: [String: String], except: Set<String> = []) {
            let keys = before.keys.filter { key in exifGroups.contains { key.hasPrefix($0) } }
            #expect(keys.count >= 5)
            for key in keys where !structural.contains(key) && !except.contains(key) {
                #expect(after[key] == before[key], "\(key) changed")
            }
        }

        @Test(
            "tags written by exiftool are read, kept through fillingEmpty, and the two tags are added",
            arguments: ["II", "MM"])
        func fillsAndPreserves(byteOrder: String) throws {
            try CInteropSupport.withTemporaryDirectory { directory in
                let jpeg = try Self.exiftoolJPEG(
                    [
                        "-ExifByteOrder=\(byteOrder)", "-Make=Canon", "-Model=X", "-Artist=Y",
                        "-UserComment=Grüße ✓ from exiftool",
                        "-GPSLatitude=48.85", "-GPSLatitudeRef=N", "-DateTimeOriginal=2024:01:02 03:04:05",
                    ],
                    in: directory)
                let payload = try #require(CInteropSupport.exifPayload(jpeg))
                let tags = try EXIFEditor.readTags(payload)
                let comment = "Grüße ✓ from exiftool"
                #expect(tags == EXIFTags(artist: "Y", make: "Canon", model: "X", userComment: comment))

                let filled = try #require(
                    try EXIFEditor.fillingEmpty(payload, software: Self.software, imageDescription: Self.description))
                #expect(filled.starts(with: Array("Exif".utf8) + [0, 0]))
                #expect(filled.count <= EXIFEditor.maxAPP1Payload)
                var expected = tags
                expected.software = Self.software
                expected.imageDescription = Self.description
                #expect(try EXIFEditor.readTags(filled[...]) == expected)

                let (before, after) = try Self.compare(original: jpeg, filled: filled, in: directory)
                Self.expectPreserved(before, after)
                #expect(before["IFD0:Software"] == nil && before["IFD0:ImageDescription"] == nil)
                #expect(after["IFD0:Software"] == Self.software)
                #expect(after["IFD0:ImageDescription"] == Self.description)
                #expect(after["File:ExifByteOrder"] == before["File:ExifByteOrder"])
                #expect(after["ExifTool:Warning"] == nil)
            }
        }

        @Test("fillingEmpty returns nil when both tags are already set, and fills only the empty one")
        func nothingToDo() throws {
            try CInteropSupport.withTemporaryDirectory { directory in
                let both = try Self.exiftoolJPEG(
                    ["-Software=Editor 9", "-ImageDescription=A photo", "-Make=Canon"], in: directory)
                let payload = try #require(CInteropSupport.exifPayload(both))
                #expect(
                    try EXIFEditor.fillingEmpty(payload, software: Self.software, imageDescription: Self.description)
                        == nil)

                let blankJPEG = try Self.exiftoolJPEG(["-Software=Editor 9", "-ImageDescription= "], in: directory)
                let blank = try #require(CInteropSupport.exifPayload(blankJPEG))
                #expect(try EXIFEditor.readTags(blank).imageDescription?.trimmingCharacters(in: .whitespaces) == "")
                let filled = try #require(
                    try EXIFEditor.fillingEmpty(blank, software: Self.software, imageDescription: Self.description))
                let tags = try EXIFEditor.readTags(filled[...])
                #expect(tags.software == "Editor 9")
                #expect(tags.imageDescription == Self.description)
                // Filling again is a no-op.
                #expect(try EXIFEditor.fillingEmpty(filled[...], software: "other", imageDescription: "other") == nil)
            }
        }

        @Test("a Photoshop EXIF block (big-endian, IFD1 thumbnail) keeps its Software and thumbnail")
        func realFile() throws {
            let jpeg = try CInteropSupport.fixtureBytes("no_manifest.jpg")
            let payload = try #require(CInteropSupport.exifPayload(jpeg))
            let original = try EXIFEditor.readTags(payload)
            #expect(original.software?.hasPrefix("Adobe Photoshop 24.1") == true)
            let filled = try #require(
                try EXIFEditor.fillingEmpty(payload, software: Self.software, imageDescription: Self.description))
            try CInteropSupport.withTemporaryDirectory { directory in
                let (before, after) = try Self.compare(original: jpeg, filled: filled, in: directory)
                Self.expectPreserved(before, after)
                #expect(after["IFD0:Software"] == original.software)
                #expect(after["IFD0:ImageDescription"] == Self.description)
                #expect(after["IFD1:ThumbnailLength"] == "3210")
                let thumbnails = try ["before.jpg", "after.jpg"].map {
                    try CInteropSupport.run("exiftool", ["-b", "-IFD1:ThumbnailImage", $0], in: directory)
                }
                #expect(thumbnails[0].count == 3210 && thumbnails[0] == thumbnails[1])
            }
        }

        @Test("a fresh block holds the two tags, non-ASCII replaced by '?', and exiftool reads it")
        func freshBlock() throws {
            let payload = try #require(
                try EXIFEditor.fillingEmpty(nil, software: "Labeler ✓", imageDescription: "Café – AI"))
            #expect(
                try EXIFEditor.readTags(payload[...]) == EXIFTags(software: "Labeler ?", imageDescription: "Caf? ? AI"))
            try CInteropSupport.withTemporaryDirectory { directory in
                let plain = try JPEGCodec.encode(
                    DecodedImage(width: 8, height: 8, channels: 3, pixels: Array(repeating: 90, count: 192)))
                let file = directory.appendingPathComponent("fresh.jpg")
                try Data(CInteropSupport.splicingEXIF(payload, into: plain)).write(to: file)
                let tags = try CInteropSupport.exiftoolTags(file)
                #expect(tags["IFD0:Software"] == "Labeler ?")
                #expect(tags["IFD0:ImageDescription"] == "Caf? ? AI")
                #expect(tags["ExifTool:Warning"] == nil)
            }
            #expect(try EXIFEditor.fillingEmpty(nil, software: "", imageDescription: "") == nil)
        }

        @Test("a bare TIFF block (PNG eXIf) reads like the APP1 payload and comes back as APP1")
        func bareTIFF() throws {
            let payload = try #require(CInteropSupport.exifPayload(try CInteropSupport.fixtureBytes("no_manifest.jpg")))
            let tiff = payload.dropFirst(6)
            #expect(tiff.starts(with: Array("MM".utf8)))
            #expect(try EXIFEditor.readTags(tiff) == EXIFEditor.readTags(payload))
            let filled = try #require(try EXIFEditor.fillingEmpty(tiff, software: "s", imageDescription: "d"))
            #expect(filled.starts(with: Array("Exif".utf8) + [0, 0]))
        }

        @Test(
            "invalid EXIF blocks throw corruptData with a message",
            arguments: [
                [UInt8](), Array("Exif".utf8) + [0, 0], Array("Exif".utf8) + [0, 0] + Array("XX*\0\0\0\0\u{8}".utf8),
                Array("II".utf8) + [0x2A, 0, 0xFF, 0xFF, 0, 0], Array("MM".utf8) + [0, 0x2A, 0, 0, 0, 8, 0, 0, 0, 0],
                Array("garbage that is not EXIF at all".utf8),
            ])
        func hostile(bytes: [UInt8]) {
            let read = #expect(throws: CLibraryError.self) { _ = try EXIFEditor.readTags(bytes[...]) }
            #expect(read?.code == CLibraryError.corruptData && read?.library == .libexif)
            #expect(read?.message.isEmpty == false)
            let fill = #expect(throws: CLibraryError.self) {
                _ = try EXIFEditor.fillingEmpty(bytes[...], software: "s", imageDescription: "d")
            }
            #expect(fill?.code == CLibraryError.corruptData)
        }

        @Test("an entry libexif would drop (a duplicate tag) makes fillingEmpty refuse instead of losing it")
        func droppedEntry() throws {
            // II, IFD0 at 8 with two 0x010F (Make) ASCII entries "abc\0" / "xyz\0", next IFD 0.
            func entry(_ text: String) -> [UInt8] { [0x0F, 0x01, 2, 0, 4, 0, 0, 0] + Array(text.utf8) + [0] }
            let tiff: [UInt8] =
                Array("II".utf8) + [0x2A, 0, 8, 0, 0, 0] + [2, 0] + entry("abc") + entry("xyz") + [0, 0, 0, 0]
            #expect(try EXIFEditor.readTags(tiff[...]).make == "abc")
            let error = #expect(throws: CLibraryError.self) {
                _ = try EXIFEditor.fillingEmpty(tiff[...], software: "s", imageDescription: "d")
            }
            #expect(error?.code == CLibraryError.corruptData)
            #expect(error?.message.contains("kept 1 of 2") == true)
        }

        @Test("inputs and results larger than an APP1 segment are rejected")
        func sizeLimits() throws {
            try CInteropSupport.withTemporaryDirectory { directory in
                let big = try Self.exiftoolJPEG(
                    ["-UserComment=" + String(repeating: "x", count: 60_000)], in: directory)
                let payload = try #require(CInteropSupport.exifPayload(big))
                #expect(payload.count > 60_000 && payload.count < EXIFEditor.maxAPP1Payload)
                let fits = try #require(try EXIFEditor.fillingEmpty(payload, software: "s", imageDescription: "d"))
                #expect(fits.count <= EXIFEditor.maxAPP1Payload)
                let tooBig = #expect(throws: CLibraryError.self) {
                    _ = try EXIFEditor.fillingEmpty(
                        payload, software: "s", imageDescription: String(repeating: "d", count: 6_000))
                }
                #expect(tooBig?.code == CLibraryError.limitExceeded)
                let padded =
                    Array(payload) + [UInt8](repeating: 0, count: EXIFEditor.maxAPP1Payload - payload.count + 1)
                let input = #expect(throws: CLibraryError.self) {
                    _ = try EXIFEditor.fillingEmpty(padded[...], software: "s", imageDescription: "d")
                }
                #expect(input?.code == CLibraryError.limitExceeded)
            }
        }
    }
}
