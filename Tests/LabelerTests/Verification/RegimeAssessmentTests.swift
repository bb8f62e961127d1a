import Testing
@testable import Labeler

/// The duty table of ``RegimeAssessment`` (regulation.md §7.7), on layers built by hand: each duty
/// is met only by the layer that carries it, and names what would meet it when it is not.
@Suite struct RegimeAssessmentTests {
    static let iptc = LayerReport(name: .iptc, status: .present, declaresAI: true)
    static let tc260 = LayerReport(
        name: .tc260, status: .present, declaresAI: true, locations: ["XMP"], fields: ["Label": "1"])
    static let signed = LayerReport(
        name: .c2pa, status: .present, declaresAI: true,
        fields: [
            "ValidationState": "trusted", "Algorithm": "ES256", "TimeStamp": "2026-11-30T00:00:00Z",
            "TimeStampValidated": "true",
        ])
    static let ocr = LayerReport(
        name: .visible, status: .present, declaresAI: true,
        fields: [
            "Source": "ocr", "Text": "ЖИ жасаған / AI生成", "Language": "kk,zh", "MeetsHeight": "true",
            "GlyphHeight": "30",
        ])
    static let watermark = LayerReport(
        name: .watermark, status: .present, declaresAI: true, fields: ["Payload": "12ab", "Confidence": "z=12"])

    func regime(
        _ regime: RegimeReport.Regime, _ layers: [LayerReport], _ medium: RegimeAssessment.Medium = .image
    )
        -> RegimeReport?
    {
        RegimeAssessment.regimes(for: layers, medium: medium).first { $0.regime == regime }
    }

    @Test("an image with every layer meets every regime, each duty naming its layer")
    func allMet() throws {
        let layers = [Self.iptc, Self.tc260, Self.signed, Self.ocr, Self.watermark]
        for report in RegimeAssessment.regimes(for: layers, medium: .image) {
            #expect(report.status == .met, "\(report.regime): \(report.notes)")
            #expect(report.duties.allSatisfy { !$0.metBy.isEmpty && $0.remedy == nil })
        }
        let eu = try #require(regime(.eu, layers))
        #expect(eu.duties.map(\.duty) == [.machineReadable, .signedMetadata, .timeStamp, .watermark])
        #expect(eu.duties.first { $0.duty == .watermark }?.metBy == [.watermark])
        #expect(eu.duties.first { $0.duty == .timeStamp }?.metBy == [.c2pa])
    }

    @Test("stripped metadata: the watermark and visible label remain, the machine-readable mark is named gone")
    func stripped() throws {
        let kz = try #require(regime(.kz, [Self.ocr, Self.watermark]))
        #expect(kz.status == .partial)
        let mark = try #require(kz.duties.first { $0.duty == .machineReadable })
        #expect(mark.status == .notMet)
        #expect(mark.evidence.contains("watermark is still in the pixels"))
        #expect(mark.remedy != nil)
        #expect(kz.duties.first { $0.duty == .visibleWarning }?.status == .met)
    }

    @Test("a time-stamp that does not validate, or none, does not meet the EU duty")
    func timeStamp() throws {
        var unvalidated = Self.signed
        unvalidated.fields["TimeStampValidated"] = "false"
        var none = Self.signed
        none.fields["TimeStamp"] = nil
        for layer in [unvalidated, none] {
            let duty = try #require(regime(.eu, [layer])?.duties.first { $0.duty == .timeStamp })
            #expect(duty.status == .notMet)
            #expect(duty.remedy != nil)
        }
    }

    @Test("a label only recorded in the metadata is not checked, never met")
    func recordedOnly() throws {
        let recorded = LayerReport(name: .visible, status: .present, fields: ["Source": "recorded", "Text": "AI"])
        let cn = try #require(regime(.cn, [Self.tc260, recorded]))
        #expect(cn.status == .partial)
        #expect(cn.duties.first { $0.duty == .explicitLabel }?.status == .notChecked)
    }

    @Test("a notice without Chinese, or under 5 %, misses the CN explicit label")
    func explicitLabel() throws {
        var small = Self.ocr
        small.fields["MeetsHeight"] = "false"
        var russian = Self.ocr
        russian.fields["Language"] = "ru"
        for layer in [small, russian] {
            #expect(regime(.cn, [Self.tc260, layer])?.status == .partial)
        }
    }

    @Test("text: the notice is the warning, the signed text manifest the invisible mark")
    func text() throws {
        let notice = LayerReport(
            name: .notice, status: .present, fields: ["Languages": "kk,ru,zh", "Position": "start"])
        let layers = [notice, Self.tc260, Self.signed]
        for report in RegimeAssessment.regimes(for: layers, medium: .text) {
            #expect(report.status == .met, "\(report.regime): \(report.notes)")
        }
        #expect(regime(.eu, layers, .text)?.duties.first { $0.duty == .watermark }?.metBy == [.c2pa])
        #expect(regime(.kz, [notice], .text)?.status == .partial)
        // A JSON response without the notice in its content: the remedy says where it goes.
        let json = LayerReport(name: .jsonDisclosure, status: .present, declaresAI: true)
        let warning = regime(.kz, [json], .text)?.duties.first { $0.duty == .visibleWarning }
        #expect(warning?.status == .notMet && warning?.remedy?.contains("--notice-in") == true)
        #expect(regime(.eu, [], .text)?.status == .notMet)
    }
}
