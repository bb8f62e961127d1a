import Foundation
import Testing
import LabelerTestSupport

@testable import LabelerCInterop

extension CInteropTests {
    @Suite struct PNGCodecTests {
        @Test("RGBA pixels survive encode then decode exactly")
        func roundTripRGBA() throws {
            let image = DecodedImage(
                width: 37, height: 23, channels: 4, pixels: CInteropSupport.pattern(width: 37, height: 23, channels: 4))
            let png = try PNGCodec.encode(image)
            #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
            #expect(try PNGCodec.decode(png) == image)
        }

        @Test("RGB input decodes as RGBA with opaque alpha")
        func roundTripRGB() throws {
            let rgb = CInteropSupport.pattern(width: 5, height: 3, channels: 3)
            let decoded = try PNGCodec.decode(
                PNGCodec.encode(DecodedImage(width: 5, height: 3, channels: 3, pixels: rgb)))
            #expect(decoded.channels == 4 && decoded.width == 5 && decoded.height == 3)
            var expected: [UInt8] = []
            for index in stride(from: 0, to: rgb.count, by: 3) { expected += rgb[index ..< index + 3] + [255] }
            #expect(decoded.pixels == expected)
        }

        @Test("16-bit gray and palette with tRNS are normalised to RGBA8")
        func transformations() throws {
            let gray16 = Self.png(width: 2, height: 1, depth: 16, colorType: 0, rows: [[0xFF, 0xFF, 0x00, 0x00]])
            #expect(try PNGCodec.decode(gray16).pixels == [255, 255, 255, 255, 0, 0, 0, 255])

            let palette = Self.png(
                width: 2, height: 1, depth: 8, colorType: 3, rows: [[0, 1]],
                extra: [("PLTE", [10, 20, 30, 40, 50, 60]), ("tRNS", [128])])
            #expect(try PNGCodec.decode(palette).pixels == [10, 20, 30, 128, 40, 50, 60, 255])
        }

        @Test("an Adam7-interlaced PNG decodes to the same pixels as the non-interlaced one")
        func interlaced() throws {
            let (width, height) = (19, 11)
            let rgba = CInteropSupport.pattern(width: width, height: height, channels: 4)
            // ISO/IEC 15948 §8.2: pass origins and steps (x0, y0, dx, dy).
            let passes = [
                (0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8), (2, 0, 4, 4), (0, 2, 2, 4), (1, 0, 2, 2), (0, 1, 1, 2),
            ]
            var rows: [[UInt8]] = []
            for (x0, y0, dx, dy) in passes where x0 < width && y0 < height {
                for y in stride(from: y0, to: height, by: dy) {
                    rows.append(
                        stride(from: x0, to: width, by: dx).flatMap { x in
                            rgba[(y * width + x) * 4 ..< (y * width + x) * 4 + 4]
                        })
                }
            }
            let adam7 = Self.png(width: width, height: height, depth: 8, colorType: 6, rows: rows, interlace: 1)
            #expect(try PNGCodec.decode(adam7) == DecodedImage(width: width, height: height, channels: 4, pixels: rgba))
        }

        @Test(
            "real PNG files decode to their IHDR size and the same RGB as an independent decoder",
            arguments: ["libpng-test.png", "sample1.png"])
        func fixtures(name: String) throws {
            let bytes = try CInteropSupport.fixtureBytes(name)
            let decoded = try PNGCodec.decode(bytes)
            let ihdrWidth = bytes[16 ..< 20].reduce(0) { $0 << 8 | Int($1) }
            let ihdrHeight = bytes[20 ..< 24].reduce(0) { $0 << 8 | Int($1) }
            #expect(decoded.width == ihdrWidth && decoded.height == ihdrHeight && decoded.channels == 4)
            #expect(decoded.pixels.count == ihdrWidth * ihdrHeight * 4)
            // Pillow (from the .venv `make test` sets up) writing binary P6 "P6\n<w> <h>\n255\n" + RGB is the reference.
            let python = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent(".venv/bin/python").path
            let script =
                "import sys; from PIL import Image; Image.open(sys.argv[1]).convert('RGB').save(sys.stdout.buffer, 'PPM')"
            let ppm = try CInteropSupport.withTemporaryDirectory { directory in
                [UInt8](
                    try CInteropSupport.run(
                        python, ["-c", script, try CInteropSupport.fixtureURL(name).path], in: directory))
            }
            let header = Array("P6\n\(ihdrWidth) \(ihdrHeight)\n255\n".utf8)
            #expect(ppm.starts(with: header))
            // Compare opaque pixels only: the reference flattens transparent ones onto a background.
            let reference = Array(ppm.dropFirst(header.count))
            try #require(reference.count == ihdrWidth * ihdrHeight * 3)
            var opaque = 0
            var mismatches = 0
            for pixel in 0 ..< (ihdrWidth * ihdrHeight) where decoded.pixels[pixel * 4 + 3] == 255 {
                opaque += 1
                if decoded.pixels[pixel * 4 ..< pixel * 4 + 3].elementsEqual(reference[pixel * 3 ..< pixel * 3 + 3])
                    == false
                {
                    mismatches += 1
                }
            }
            #expect(opaque > ihdrWidth * ihdrHeight / 4)
            let matches = mismatches == 0
            #expect(matches, "RGB differs from the reference decoder")
        }

        @Test(
            "truncated or garbage data throws a libpng error with a message",
            arguments: [0, 8, 33, 60, -12, -1])
        func hostile(keep: Int) throws {
            let png = try PNGCodec.encode(
                DecodedImage(
                    width: 40, height: 40, channels: 3,
                    pixels: CInteropSupport.pattern(width: 40, height: 40, channels: 3)))
            let truncated = keep >= 0 ? Array(png.prefix(keep)) : Array(png.dropLast(-keep))  // -12: no IEND
            let error = #expect(throws: CLibraryError.self) { _ = try PNGCodec.decode(truncated) }
            #expect(error?.library == .libpng)
            #expect(error?.message.isEmpty == false)
        }

        @Test("non-PNG bytes and a corrupted IDAT CRC are rejected")
        func garbage() throws {
            let error = #expect(throws: CLibraryError.self) { _ = try PNGCodec.decode(Array("GIF89a not a png".utf8)) }
            #expect(error?.message == "Not a PNG file")
            var png = try PNGCodec.encode(
                DecodedImage(width: 2, height: 2, channels: 3, pixels: Array(repeating: 9, count: 12)))
            png[png.count - 13] ^= 0xFF  // last byte of the IDAT CRC, just before IEND
            let crc = #expect(throws: CLibraryError.self) { _ = try PNGCodec.decode(png) }
            #expect(crc?.message.contains("CRC") == true)
        }

        @Test("encode rejects a pixel buffer that does not match the size or channel count")
        func invalidImages() {
            for image in [
                DecodedImage(width: 2, height: 2, channels: 3, pixels: [1, 2, 3]),
                DecodedImage(width: 2, height: 2, channels: 5, pixels: Array(repeating: 0, count: 20)),
                DecodedImage(width: 0, height: 2, channels: 3, pixels: []),
            ] {
                let error = #expect(throws: CLibraryError.self) { _ = try PNGCodec.encode(image) }
                #expect(error?.code == CLibraryError.invalidArgument)
            }
        }

        /// A minimal PNG: signature, IHDR, extra chunks, one IDAT (filter 0 per row, rows already
        /// in pass order when interlaced), IEND.
        static func png(
            width: Int, height: Int, depth: UInt8, colorType: UInt8, rows: [[UInt8]],
            extra: [(String, [UInt8])] = [], interlace: UInt8 = 0
        ) -> [UInt8] {
            func be32(_ value: Int) -> [UInt8] { (0 ..< 4).map { UInt8(truncatingIfNeeded: value >> (24 - 8 * $0)) } }
            func chunk(_ type: String, _ data: [UInt8]) -> [UInt8] {
                let body = Array(type.utf8) + data
                return be32(data.count) + body + be32(Int(Zlib.crc32(body)))
            }
            let ihdr = be32(width) + be32(height) + [depth, colorType, 0, 0, interlace]
            let idat = (try? Zlib.deflate(rows.flatMap { [0] + $0 })) ?? []
            return [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + chunk("IHDR", ihdr)
                + extra.flatMap { chunk($0.0, $0.1) } + chunk("IDAT", idat) + chunk("IEND", [])
        }
    }
}
