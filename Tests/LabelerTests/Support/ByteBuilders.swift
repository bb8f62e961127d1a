import Foundation
import LabelerBytes
import LabelerCInterop
import LabelerTestSupport
@testable import Labeler

/// Builds PNG files chunk by chunk, including deliberately broken ones (Pillow test_file_png style).
struct PNGBuilder {
    var bytes: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

    /// A valid 1×1 RGB PNG: IHDR, IDAT, IEND.
    static func minimal(extraBeforeIDAT: [(String, [UInt8])] = []) -> [UInt8] {
        var builder = PNGBuilder().chunk("IHDR", [0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0])
        for (type, data) in extraBeforeIDAT { builder = builder.chunk(type, data) }
        // zlib stream of one filter byte + one RGB pixel.
        let idat = (try? Zlib.deflate([0, 0xFF, 0x00, 0x00])) ?? []
        return builder.chunk("IDAT", idat).chunk("IEND", []).bytes
    }

    func chunk(_ type: String, _ data: [UInt8], crc: UInt32? = nil, declaredLength: UInt32? = nil) -> PNGBuilder {
        var copy = self
        let typeBytes = Array(type.utf8)
        var writer = ByteWriter()
        writer.writeInteger(declaredLength ?? UInt32(data.count))
        writer.writeBytes(typeBytes + data)
        writer.writeInteger(crc ?? Zlib.crc32(typeBytes + data))
        copy.bytes += writer.bytes
        return copy
    }

    func raw(_ extra: [UInt8]) -> PNGBuilder {
        var copy = self
        copy.bytes += extra
        return copy
    }
}

/// Builds JPEG files segment by segment. The image data is whatever libjpeg made, spliced in.
struct JPEGBuilder {
    var bytes: [UInt8] = [0xFF, 0xD8]

    func segment(_ marker: UInt8, _ payload: [UInt8], declaredLength: Int? = nil) -> JPEGBuilder {
        var copy = self
        let length = declaredLength ?? payload.count + 2
        copy.bytes += [0xFF, marker, UInt8(length >> 8 & 0xFF), UInt8(length & 0xFF)] + payload
        return copy
    }

    func raw(_ extra: [UInt8]) -> JPEGBuilder {
        var copy = self
        copy.bytes += extra
        return copy
    }

    /// A real 16×16 JPEG encoded by libjpeg.
    static func encoded(width: Int = 16, height: Int = 16) throws -> [UInt8] {
        var pixels: [UInt8] = []
        for y in 0 ..< height { for x in 0 ..< width { pixels += [UInt8(x * 16 & 0xFF), UInt8(y * 16 & 0xFF), 128] } }
        return try JPEGCodec.encode(
            DecodedImage(width: width, height: height, channels: 3, pixels: pixels), quality: 90)
    }
}

/// Locations shared by tests (one implementation: ``TestFiles`` in LabelerTestSupport).
enum TestPaths {
    static let packageRoot = TestFiles.packageRoot
    static let sampleMedia = TestFiles.sampleMedia
    static let c2paFixtures = TestFiles.fixtures.appendingPathComponent("c2pa-rs")

    static func read(_ url: URL) throws -> [UInt8] { try TestFiles.read(url) }
    static func temporaryDirectory() throws -> URL { try TestFiles.temporaryDirectory() }
}

extension Disclosure {
    static let sample = Disclosure(
        aiSystem: "TestGen", aiSystemVersion: "2.1", producerName: "ExampleCo",
        producerCode: try? ProducerCode(validating: "001191110000EXAMPLE00X1AB01"), languages: [.en, .zh])
}
