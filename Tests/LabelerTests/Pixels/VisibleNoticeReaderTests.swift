import Foundation
import LabelerCInterop
import LabelerPixels
import LabelerTestSupport
import Testing

@testable import Labeler

/// `verify --ocr`: visible notices read with Tesseract in our labels, in labels another renderer
/// (ImageMagick) drew in other fonts, and never in unlabelled photos.
@Suite struct VisibleNoticeReaderTests {
    static func sample(_ name: String) throws -> [UInt8] {
        try TestFiles.read(TestFiles.sampleMedia.appendingPathComponent(name))
    }

    static func notices(in bytes: [UInt8]) throws -> [VisibleNotice] {
        try VisibleNoticeReader().read(try RasterCodec.decode(bytes).raster)
    }

    /// `photo` with `text` drawn by ImageMagick at the bottom right in `font`, white on a dark box.
    static func annotated(_ photo: String, text: String, font: String, pointSize: Int) throws -> [UInt8] {
        try TestFiles.withTemporaryDirectory { folder in
            let output = folder.appendingPathComponent("annotated.png").path
            try ProcessRunner.runChecked(
                "convert",
                [
                    TestFiles.sampleMedia.appendingPathComponent(photo).path, "-gravity", "southeast", "-font", font,
                    "-pointsize", String(pointSize), "-fill", "white", "-undercolor", "#000000A0", "-annotate",
                    "+12+12", text, output,
                ])
            return try TestFiles.read(URL(fileURLWithPath: output))
        }
    }

    @Test(
        "our own visible labels are read back with their language and a glyph height ≥ 5 %",
        arguments: [NoticeLanguage.en, .ru, .kk, .zh])
    func ownLabels(language: NoticeLanguage) throws {
        let input = try Self.sample("photos/coffee.png")
        let options = StampOptions(visibleLabel: VisibleLabelOptions(languages: [language]))
        let output = try Stamper(disclosure: .sample, options: options).stamp(input).plan.materialize(from: [])
        let report = Verifier(readsVisibleNotices: true).verify(output)
        let layer = try #require(report.layer(.visible))
        #expect(layer.status == .present, "\(language): \(layer)")
        #expect(layer.fields["Language"] == language.rawValue, "\(layer.fields)")
        #expect(layer.fields["MeetsHeight"] == "true", "\(layer.fields)")
        #expect(layer.fields["Source"] == "ocr")
        let box = (layer.fields["Box"] ?? "").split(separator: ",").compactMap { Int($0) }
        #expect(box.count == 4 && box[0] + box[2] > 500 && box[1] > 250, "bottom right of 600×400: \(box)")
        let kz = try #require(report.regimes.first { $0.regime == .kz })
        #expect(kz.status == .met, "\(kz.notes)")
        if language == .zh {
            #expect(report.regimes.first { $0.regime == .cn }?.status == .met)
        }
    }

    @Test("--metadata-only: the visible layer is what our XMP records, not checked in the pixels, never 'met'")
    func recordedOnly() throws {
        let input = try Self.sample("photos/chelsea.png")
        let options = StampOptions(visibleLabel: VisibleLabelOptions())
        let output = try Stamper(disclosure: .sample, options: options).stamp(input).plan.materialize(from: [])
        let report = Verifier(pixels: .never).verify(output)
        let layer = try #require(report.layer(.visible))
        #expect(report.regimes.first { $0.regime == .kz }?.status == .partial)
        #expect(layer.status == .present && layer.declaresAI == nil)
        #expect(layer.fields["Source"] == "recorded")
        #expect(layer.fields["Languages"]?.contains("en") == true, "\(layer.fields)")
        #expect(layer.fields["Text"]?.contains("AI生成") == true)
    }

    @Test("by default a label our XMP records is confirmed by OCR in the recorded region alone")
    func recordedRegionConfirmed() throws {
        let input = try Self.sample("photos/chelsea.png")
        let options = StampOptions(visibleLabel: VisibleLabelOptions(languages: [.kk, .ru, .zh]))
        let output = try Stamper(disclosure: .sample, options: options).stamp(input).plan.materialize(from: [])
        let report = Verifier().verify(output)
        let layer = try #require(report.layer(.visible))
        #expect(layer.fields["Source"] == "ocr", "\(layer)")
        #expect(layer.fields["Language"]?.contains("zh") == true, "\(layer.fields)")
        #expect(report.regimes.first { $0.regime == .kz }?.status == .met, "\(report.regimes)")
        #expect(report.regimes.first { $0.regime == .cn }?.status == .met, "\(report.regimes)")
    }

    @Test(
        "labels drawn by ImageMagick in other fonts are found",
        arguments: [
            ("AI-generated", "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", "en"),
            ("AI-generated", "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf", "en"),
            ("AI生成", "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", "zh"),
            ("Создано с помощью ИИ", "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf", "ru"),
        ])
    func imageMagickLabels(text: String, font: String, language: String) throws {
        // 36 pt on a 512 px picture: about 26 px capitals, over 5 % of 512.
        let bytes = try Self.annotated("photos/camera.png", text: text, font: font, pointSize: 36)
        let notices = try Self.notices(in: bytes)
        let notice = try #require(notices.first, "\(text) in \(font)")
        #expect(notice.language == language, "\(notices)")
        #expect(notice.meetsHeight, "\(notice)")
        #expect(notice.y > 400, "at the bottom of 512×512: \(notice)")
    }

    @Test("a label under 5 % of the shortest side is found and reported too small")
    func tooSmall() throws {
        // 16 pt on 512 px: about 12 px capitals, 2.3 %.
        let bytes = try Self.annotated(
            "photos/camera.png", text: "AI-generated", font: "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
            pointSize: 16)
        let notice = try #require(try Self.notices(in: bytes).first)
        #expect(notice.language == "en")
        #expect(!notice.meetsHeight, "\(notice)")
        let layer = Verifier.visibleLayer(notices: [notice], record: [:])
        #expect(layer.fields["MeetsHeight"] == "false")
        #expect(layer.warnings.contains { $0.kind == .visibleTooSmall })
    }

    @Test(
        "unlabelled photos: no notice is found",
        arguments: [
            "photos/astronaut.jpg", "photos/camera.png", "photos/chelsea.png", "photos/coffee.png",
            "photos/hubble_deep_field.jpg", "photos/rocket.jpg",
        ])
    func noFalseNotice(name: String) throws {
        let report = Verifier(readsVisibleNotices: true).verify(try Self.sample(name))
        let layer = try #require(report.layer(.visible))
        #expect(layer.status == .absent, "\(name): \(layer.fields)")
        #expect(report.verdict == .unlabelled)
    }
}
