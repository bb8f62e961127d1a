import Foundation
import Testing
import LabelerTestSupport

@testable import LabelerCInterop

extension CInteropTests {
    @Suite struct JPEGCodecTests {
        /// Mean absolute difference per sample between two equally sized RGB buffers.
        static func meanError(_ a: [UInt8], _ b: [UInt8]) -> Double {
            let total = zip(a, b).reduce(0) { $0 + abs(Int($1.0) - Int($1.1)) }
            return Double(total) / Double(max(a.count, 1))
        }

        /// A smooth gradient (JPEG-friendly, so the lossy round trip stays close).
        static func gradient(width: Int, height: Int) -> [UInt8] {
            var pixels: [UInt8] = []
            for y in 0 ..< height {
                for x in 0 ..< width {
                    let red = UInt8(x * 255 / (width - 1))
                    let green = UInt8(y * 255 / (height - 1))
                    pixels += [red, green, 128]
                }
            }
            return pixels
        }

        @Test("encode then decode keeps size and channels and stays close to the input")
        func roundTrip() throws {
            let pixels = Self.gradient(width: 64, height: 48)
            let jpeg = try JPEGCodec.encode(
                DecodedImage(width: 64, height: 48, channels: 3, pixels: pixels), quality: 95)
            #expect(jpeg.starts(with: [0xFF, 0xD8, 0xFF]))
            #expect(jpeg.suffix(2).elementsEqual([0xFF, 0xD9]))
            let decoded = try JPEGCodec.decode(jpeg)
            #expect(decoded.width == 64 && decoded.height == 48 && decoded.channels == 3)
            #expect(Self.meanError(decoded.pixels, pixels) < 3)
        }

        @Test("RGBA input is encoded without its alpha channel")
        func rgbaInput() throws {
            let rgb = Self.gradient(width: 16, height: 16)
            var rgba: [UInt8] = []
            for index in stride(from: 0, to: rgb.count, by: 3) { rgba += rgb[index ..< index + 3] + [7] }
            let decoded = try JPEGCodec.decode(
                JPEGCodec.encode(DecodedImage(width: 16, height: 16, channels: 4, pixels: rgba)))
            #expect(decoded.channels == 3)
            #expect(Self.meanError(decoded.pixels, rgb) < 4)
        }

        @Test("lower quality gives a smaller file")
        func quality() throws {
            let image = DecodedImage(
                width: 64, height: 64, channels: 3, pixels: CInteropSupport.pattern(width: 64, height: 64, channels: 3))
            #expect(try JPEGCodec.encode(image, quality: 20).count < JPEGCodec.encode(image, quality: 95).count)
        }

        @Test(
            "grayscale and progressive JPEGs from cjpeg decode to RGB",
            arguments: [["-grayscale"], ["-progressive"], ["-grayscale", "-progressive"]])
        func cjpegVariants(flags: [String]) throws {
            let rgb = Self.gradient(width: 33, height: 17)
            let decoded = try CInteropSupport.withTemporaryDirectory { directory in
                let ppm = Array("P6\n33 17\n255\n".utf8) + rgb
                try Data(ppm).write(to: directory.appendingPathComponent("in.ppm"))
                try CInteropSupport.run(
                    "cjpeg", flags + ["-quality", "95", "-outfile", "out.jpg", "in.ppm"], in: directory)
                return try JPEGCodec.decode([UInt8](try Data(contentsOf: directory.appendingPathComponent("out.jpg"))))
            }
            #expect(decoded.width == 33 && decoded.height == 17 && decoded.channels == 3)
            if flags.contains("-grayscale") {
                let pixels = decoded.pixels
                let gray = stride(from: 0, to: pixels.count, by: 3).allSatisfy { (index: Int) -> Bool in
                    let sample: UInt8 = pixels[index]
                    return pixels[index + 1] == sample && pixels[index + 2] == sample
                }
                #expect(gray)
            } else {
                #expect(Self.meanError(decoded.pixels, rgb) < 4)
            }
        }

        @Test("a real JPEG (progressive Photoshop export) decodes to its SOF size")
        func fixture() throws {
            let bytes = try CInteropSupport.fixtureBytes("no_manifest.jpg")
            let sof = try #require(CInteropSupport.segments(bytes).first { (0xC0 ... 0xC2).contains($0.marker) })
            let height = Int(bytes[sof.payload.lowerBound + 1]) << 8 | Int(bytes[sof.payload.lowerBound + 2])
            let width = Int(bytes[sof.payload.lowerBound + 3]) << 8 | Int(bytes[sof.payload.lowerBound + 4])
            let decoded = try JPEGCodec.decode(bytes)
            #expect(decoded.width == width && decoded.height == height)
            #expect((decoded.width, decoded.height) == (2100, 1500))
            #expect(decoded.pixels.count == 2100 * 1500 * 3)
        }

        @Test("data cut inside the scan fails as truncated instead of being padded with grey")
        func truncatedScan() throws {
            let jpeg = try JPEGCodec.encode(
                DecodedImage(
                    width: 64, height: 64, channels: 3,
                    pixels: CInteropSupport.pattern(width: 64, height: 64, channels: 3)))
            let error = #expect(throws: CLibraryError.self) {
                _ = try JPEGCodec.decode(Array(jpeg.dropLast(jpeg.count / 3)))
            }
            #expect(error?.library == .libjpeg)
            #expect(error?.code == CLibraryError.truncated)
            #expect(error?.message.contains("Premature end") == true)
        }

        @Test(
            "garbage, empty and header-only data throw a libjpeg error with a message",
            arguments: [0, 1, 2, 20, 200])
        func hostile(keep: Int) throws {
            let jpeg = try JPEGCodec.encode(
                DecodedImage(
                    width: 64, height: 64, channels: 3,
                    pixels: CInteropSupport.pattern(width: 64, height: 64, channels: 3)))
            let error = #expect(throws: CLibraryError.self) { _ = try JPEGCodec.decode(Array(jpeg.prefix(keep))) }
            #expect(error?.library == .libjpeg)
            #expect(error?.message.isEmpty == false)
        }

        @Test("non-JPEG bytes are rejected with libjpeg's own message")
        func notAJPEG() {
            let error = #expect(throws: CLibraryError.self) {
                _ = try JPEGCodec.decode(Array("\u{89}PNG not a jpeg".utf8))
            }
            #expect(error?.code == CLibraryError.libraryFailure)
            #expect(error?.message.hasPrefix("Not a JPEG file") == true)
        }

        @Test("encode rejects an image whose pixel count does not match")
        func invalidImage() {
            let error = #expect(throws: CLibraryError.self) {
                _ = try JPEGCodec.encode(DecodedImage(width: 4, height: 4, channels: 3, pixels: [0, 0, 0]))
            }
            #expect(error?.code == CLibraryError.invalidArgument)
        }
    }
}
