import Foundation
import LabelerCInterop
import LabelerPixels
import LabelerTestSupport
import Testing

@testable import Labeler

@Suite struct WatermarkStampTests {
    static let options = StampOptions(watermark: WatermarkOptions())

    static func stamp(_ name: String, options: StampOptions = options) throws -> (StampedFile, [UInt8]) {
        let stamped = try Stamper(disclosure: .sample, options: options).stamp(PixelStampTests.sample(name))
        return (stamped, try stamped.plan.materialize(from: []))
    }

    /// The pixels alone, re-encoded like the source: every metadata site gone.
    static func stripped(_ bytes: [UInt8]) throws -> [UInt8] {
        let decoded = try RasterCodec.decode(bytes)
        return try RasterCodec.encode(decoded.raster, like: decoded.encoding)
    }

    @Test(
        "stamp --watermark: verify finds the payload the XMP records, derived from the content ID",
        arguments: ["photos/coffee.png", "photos/rocket.jpg", "photos/camera.png"])
    func stampThenVerify(name: String) throws {
        let (stamped, output) = try Self.stamp(name)
        let expected = WatermarkRecord.payload(forContentID: try #require(stamped.disclosure.contentID))
        let text = String(decoding: output, as: UTF8.self)
        #expect(text.contains("http://ns.labeler.dev/watermark/1.0/"))
        #expect(text.contains("<LabelerWatermark:Payload>\(expected.hex)</LabelerWatermark:Payload>"))
        let report = Verifier().verify(output)
        #expect(report.verdict == .labelled)
        let layer = try #require(report.layer(.watermark))
        #expect(layer.status == .present)
        #expect(layer.fields["Payload"] == expected.hex)
        #expect(layer.fields["RecordedPayload"] == expected.hex)
        #expect(layer.fields["Confidence"]?.hasPrefix("z=") == true)
        #expect(layer.fields["FalsePositiveBound"] != nil)
        #expect(layer.warnings.isEmpty, "\(layer.warnings)")
        if name.hasSuffix(".png") {
            let before = try RasterCodec.decode(PixelStampTests.sample(name)).raster
            let after = try RasterCodec.decode(output).raster
            #expect(WatermarkTests.psnr(before, after) >= WatermarkOptions.defaultTargetPSNR)
        }
    }

    @Test("metadata stripped: verify reports the watermark and says the machine-readable label is gone")
    func stripped() throws {
        for name in ["photos/coffee.png", "photos/rocket.jpg"] {
            let (stamped, output) = try Self.stamp(name)
            let report = Verifier().verify(try Self.stripped(output))
            #expect(report.layer(.iptc)?.status == .absent)
            #expect(report.layer(.tc260)?.status == .absent)
            let layer = try #require(report.layer(.watermark))
            let expected = WatermarkRecord.payload(forContentID: try #require(stamped.disclosure.contentID))
            #expect(layer.status == .present && layer.fields["Payload"] == expected.hex, "\(name): \(layer)")
            #expect(layer.warnings.contains { $0.kind == .watermarkMetadataGone })
            #expect(report.verdict == .labelled)
        }
    }

    @Test("pixels are decoded only where they can change the verdict; --pixels and --metadata-only override")
    func pixelPolicy() throws {
        // Labelled, no watermark recorded: not decoded unless forced.
        let plain = try Stamper(disclosure: .sample).stamp(PixelStampTests.sample("photos/coffee.png")).plan
            .materialize(from: PixelStampTests.sample("photos/coffee.png"))
        #expect(Verifier().verify(plain).layer(.watermark)?.status == .notChecked)
        #expect(Verifier(pixels: .always).verify(plain).layer(.watermark)?.status == .absent)
        // Unlabelled: decoded (and nothing found).
        let unlabelled = try PixelStampTests.sample("photos/chelsea.png")
        #expect(Verifier().verify(unlabelled).layer(.watermark)?.status == .absent)
        #expect(Verifier(pixels: .never).verify(unlabelled).layer(.watermark)?.status == .notChecked)
        // Watermark recorded: confirmed by default, skipped with --metadata-only.
        let (_, marked) = try Self.stamp("photos/chelsea.png")
        #expect(Verifier().verify(marked).layer(.watermark)?.status == .present)
        #expect(Verifier(pixels: .never).verify(marked).layer(.watermark)?.status == .notChecked)
    }

    @Test("signed: the manifest carries a c2pa.soft-binding with the payload and still validates")
    func signed() throws {
        let options = StampOptions(signer: try SignedStampTests.signer("es256"), watermark: WatermarkOptions())
        let (stamped, output) = try Self.stamp("photos/rocket.jpg", options: options)
        let report = Verifier().verify(output)
        let c2pa = try #require(report.layer(.c2pa))
        #expect(c2pa.status == .present && c2pa.problems.isEmpty, "\(c2pa.problems)")
        let payload = WatermarkRecord.payload(forContentID: try #require(stamped.disclosure.contentID))
        #expect(output.firstRange(of: Array("c2pa.soft-binding".utf8)) != nil)
        #expect(output.firstRange(of: Array("org.labeler.spread-spectrum.1".utf8)) != nil)
        #expect(output.firstRange(of: [0x48] + payload.bytes) != nil)  // CBOR bstr(8)
        #expect(report.layer(.watermark)?.fields["Payload"] == payload.hex)
    }

    @Test("with --visible too: one re-encode, both recorded, the mark still decodes")
    func withVisibleLabel() throws {
        let options = StampOptions(visibleLabel: VisibleLabelOptions(), watermark: WatermarkOptions())
        let (_, output) = try Self.stamp("photos/coffee.png", options: options)
        let text = String(decoding: output, as: UTF8.self)
        #expect(text.contains("LabelerVisible:Corner") && text.contains("LabelerWatermark:Payload"))
        #expect(Verifier().verify(output).layer(.watermark)?.status == .present)
    }

    @Test("too small or too flat: stamp fails with 'cannot watermark'; verify says insufficient signal")
    func refusals() throws {
        let small = try PNGCodec.encode(
            DecodedImage(
                width: 100, height: 90, channels: 3,
                pixels: (0 ..< (100 * 90 * 3)).map { UInt8(truncatingIfNeeded: $0 * 37) }))
        let flat = try PNGCodec.encode(
            DecodedImage(width: 300, height: 200, channels: 3, pixels: [UInt8](repeating: 128, count: 300 * 200 * 3)))
        for (bytes, words) in [(small, "has a side under 128 px"), (flat, "too flat")] {
            do {
                _ = try Stamper(disclosure: .sample, options: Self.options).stamp(bytes)
                Issue.record("stamped an image that cannot carry a mark")
            } catch let error as LabelerError {
                #expect(error.code == .invalidRequest)
                #expect(error.message.hasPrefix("cannot watermark") && error.message.contains(words), "\(error)")
            }
            let layer = try #require(Verifier().verify(bytes).layer(.watermark))
            #expect(layer.status == .absent)
            #expect(layer.warnings.contains { $0.kind == .watermarkInsufficientSignal })
        }
    }
}
