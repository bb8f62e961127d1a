/// Reads a file's layers against each regime's marking duties (regulation.md §7.7), for images and
/// texts alike. Only what the file shows is judged; each duty names the layer that meets it, or
/// what would (the `--profile` that turns it on).
///
/// | regime | duty | met by |
/// |---|---|---|
/// | KZ Art. 21 (2) | machine-readable mark | iptc, tc260, exif, c2pa, front matter or JSON disclosure declaring AI |
/// |                | visible warning | image: a notice read in the pixels (OCR); text: the notice |
/// | EU Art. 50 (2) + CoP 1.1 | machine-readable mark | as KZ, or the watermark |
/// |                | signed metadata (1.1.1) | a valid C2PA manifest |
/// |                | time-stamp (1.1.1) | a validated RFC 3161 token on that signature |
/// |                | watermark (1.1.2) | image: the watermark; text: the invisible signed text manifest |
/// | CN GB 45438 | implicit label (§6, Annex E) | a valid `AIGC` label declaring AI |
/// |             | explicit label (§5) | a zh notice: in the pixels at ≥ 5 % (images), in the text |
///
/// The EU duty to offer free detection (CoP 1.2) is the provider's, not the file's: `labelctl
/// verify` is such a detector and is not judged here.
public enum RegimeAssessment {
    public enum Medium: Sendable { case image, text }

    public static func regimes(for layers: [LayerReport], medium: Medium) -> [RegimeReport] {
        let facts = Facts(layers: layers, medium: medium)
        return [
            RegimeReport(regime: .kz, duties: [facts.machineReadable(clause: "Art. 21 (2)"), facts.visibleWarning()]),
            RegimeReport(
                regime: .eu,
                duties: [
                    facts.machineReadable(clause: "Art. 50 (2)", countingWatermark: true), facts.signedMetadata(),
                    facts.timeStamp(), facts.watermark(),
                ]),
            RegimeReport(regime: .cn, duties: [facts.implicitLabel(), facts.explicitLabel()]),
        ]
    }

    /// The layers, looked up once.
    struct Facts {
        let layers: [LayerReport]
        let medium: Medium

        func layer(_ name: LayerReport.Name) -> LayerReport? { layers.first { $0.name == name } }

        /// A JSON or JSON Lines text: its notice goes into a string the reader sees, if anywhere.
        var isJSON: Bool { layer(.jsonDisclosure).map { $0.status != .absent } ?? false }
        static let jsonNoticeRemedy =
            "text stamp --notice-in PATH: the notice inside the string the reader sees (choices.0.message.content)"

        static let metadataLayers: [LayerReport.Name] = [.iptc, .tc260, .exif, .c2pa, .frontMatter, .jsonDisclosure]

        func machineReadable(clause: String, countingWatermark: Bool = false) -> DutyReport {
            let names = Self.metadataLayers + (countingWatermark ? [.watermark] : [])
            let marks = layers.filter { names.contains($0.name) && $0.status == .present && $0.declaresAI == true }
                .map(\.name)
            guard marks.isEmpty else {
                return DutyReport(
                    .machineReadable, clause: clause, status: .met, metBy: marks,
                    evidence: "AI declared in " + marks.map(\.rawValue).joined(separator: ", "))
            }
            var evidence = "no AI mark in the metadata"
            if layer(.watermark)?.status == .present {
                evidence +=
                    " (gone; the watermark is still in the pixels: payload \(layer(.watermark)?.fields["Payload"] ?? "?"))"
            }
            return DutyReport(
                .machineReadable, clause: clause, status: .notMet, evidence: evidence,
                remedy: "labelctl stamp (any profile) writes XMP/IPTC, TC260 and EXIF")
        }

        func visibleWarning() -> DutyReport {
            let clause = "Art. 21 (2)"
            let remedy = "stamp --profile kz (a visible notice in Kazakh and Russian)"
            switch medium {
            case .text:
                guard let notice = layer(.notice), notice.status == .present else {
                    return DutyReport(
                        .visibleWarning, clause: clause, status: .notMet,
                        evidence: "no notice at the start or end of the text",
                        remedy: isJSON ? Self.jsonNoticeRemedy : "text " + remedy)
                }
                return DutyReport(
                    .visibleWarning, clause: clause, status: .met, metBy: [.notice],
                    evidence:
                        "notice in \(notice.fields["Languages"] ?? "?") at the \(notice.fields["Position"] ?? "?")")
            case .image:
                let visible = pixelNotice()
                return DutyReport(
                    .visibleWarning, clause: clause, status: visible.status,
                    metBy: visible.status == .met ? [.visible] : [],
                    evidence: visible.evidence, remedy: visible.status == .notChecked ? "verify --ocr" : remedy)
            }
        }

        /// The `visible` layer as a duty status: only a notice read in the pixels meets it.
        func pixelNotice() -> (status: DutyReport.Status, evidence: String) {
            guard let visible = layer(.visible) else { return (.notChecked, "pixels not read") }
            switch visible.status {
            case .present where visible.fields["Source"] == "ocr":
                let height = "glyphs \(visible.fields["GlyphHeight"] ?? "?") px"
                return (.met, "'\(visible.fields["Text"] ?? "")' (\(visible.fields["Language"] ?? "?"), \(height))")
            case .present:
                return (
                    .notChecked, "recorded in the metadata (\(visible.fields["Text"] ?? "?")), not read in the pixels"
                )
            case .absent: return (.notMet, "no notice found in the pixels")
            case .invalid, .notChecked: return (.notChecked, "pixels not read")
            }
        }

        func signedMetadata() -> DutyReport {
            let clause = "Code of Practice 1.1.1"
            let remedy = "stamp --profile eu (or --sign)"
            let c2pa = layer(.c2pa)
            switch c2pa?.status {
            case .present?:
                let state = c2pa?.fields["ValidationState"] ?? "valid"
                let signer = c2pa?.fields["Signer"].map { ", signer \($0)" } ?? ""
                return DutyReport(
                    .signedMetadata, clause: clause, status: .met, metBy: [.c2pa],
                    evidence: "C2PA manifest \(state) (\(c2pa?.fields["Algorithm"] ?? "?")\(signer))")
            case .invalid?:
                return DutyReport(
                    .signedMetadata, clause: clause, status: .notMet,
                    evidence: "C2PA manifest present but invalid", remedy: "stamp --sign again from the original")
            case .notChecked?:
                return DutyReport(.signedMetadata, clause: clause, status: .notChecked, evidence: "C2PA not checked")
            default:
                return DutyReport(
                    .signedMetadata, clause: clause, status: .notMet, evidence: "no C2PA manifest", remedy: remedy)
            }
        }

        func timeStamp() -> DutyReport {
            let clause = "Code of Practice 1.1.1"
            let c2pa = layer(.c2pa)
            guard c2pa?.status == .present, let time = c2pa?.fields["TimeStamp"] else {
                return DutyReport(
                    .timeStamp, clause: clause, status: .notMet,
                    evidence: c2pa?.status == .present ? "the signature carries no time-stamp" : "nothing signed",
                    remedy: "stamp --profile eu with a time-stamp authority (--tsa URL or tsa in labelctl.toml)")
            }
            let authority = c2pa?.fields["TimeStampAuthority"].map { " by \($0)" } ?? ""
            guard c2pa?.fields["TimeStampValidated"] == "true" else {
                return DutyReport(
                    .timeStamp, clause: clause, status: .notMet,
                    evidence:
                        "time-stamp \(time)\(authority) does not validate (\(c2pa?.fields["TimeStampStatus"] ?? ""))",
                    remedy: "sign again with a working time-stamp authority")
            }
            return DutyReport(
                .timeStamp, clause: clause, status: .met, metBy: [.c2pa], evidence: "time-stamped \(time)\(authority)")
        }

        func watermark() -> DutyReport {
            let clause = "Code of Practice 1.1.2"
            switch medium {
            case .text:
                guard layer(.c2pa)?.status == .present else {
                    return DutyReport(
                        .watermark, clause: clause, status: .notMet,
                        evidence: "no invisible signed text manifest", remedy: "text stamp --profile eu (or --sign)")
                }
                return DutyReport(
                    .watermark, clause: clause, status: .met, metBy: [.c2pa],
                    evidence: "invisible C2PA text manifest (variation selectors) bound to the text")
            case .image:
                let mark = layer(.watermark)
                switch mark?.status {
                case .present?:
                    return DutyReport(
                        .watermark, clause: clause, status: .met, metBy: [.watermark],
                        evidence: "payload \(mark?.fields["Payload"] ?? "?"), \(mark?.fields["Confidence"] ?? "")")
                case .invalid?:
                    return DutyReport(
                        .watermark, clause: clause, status: .notMet,
                        evidence: "a watermark that is not the one the metadata records",
                        remedy: "stamp --watermark again from the original")
                case .absent?:
                    return DutyReport(
                        .watermark, clause: clause, status: .notMet, evidence: "no watermark in the pixels",
                        remedy: "stamp --profile eu (or --watermark)")
                default:
                    return DutyReport(
                        .watermark, clause: clause, status: .notChecked, evidence: "pixels not read",
                        remedy: "verify --pixels")
                }
            }
        }

        func implicitLabel() -> DutyReport {
            let clause = "GB 45438 §6, Annex E"
            let tc260 = layer(.tc260)
            switch tc260?.status {
            case .present? where tc260?.declaresAI == true:
                return DutyReport(
                    .implicitLabel, clause: clause, status: .met, metBy: [.tc260],
                    evidence:
                        "AIGC Label \(tc260?.fields["Label"] ?? "?") in \(tc260?.locations.first ?? "the metadata")")
            case .invalid?:
                return DutyReport(
                    .implicitLabel, clause: clause, status: .notMet, evidence: "AIGC label present but invalid",
                    remedy: "stamp again (the label is rewritten)")
            default:
                return DutyReport(
                    .implicitLabel, clause: clause, status: .notMet, evidence: "no AIGC label",
                    remedy: medium == .text
                        ? "text stamp --profile cn (front matter, JSON disclosure, or --sign for plain text)"
                        : "stamp --profile cn")
            }
        }

        func explicitLabel() -> DutyReport {
            let remedy = "--profile cn (a zh notice: AI生成)"
            switch medium {
            case .text:
                let notice = layer(.notice)
                let languages = (notice?.fields["Languages"] ?? "").split(separator: ",")
                guard notice?.status == .present, languages.contains("zh") else {
                    return DutyReport(
                        .explicitLabel, clause: "GB 45438 §5.1", status: .notMet,
                        evidence: notice?.status == .present ? "the notice has no Chinese line" : "no notice",
                        remedy: isJSON && notice?.status != .present ? Self.jsonNoticeRemedy : "text stamp " + remedy)
                }
                return DutyReport(
                    .explicitLabel, clause: "GB 45438 §5.1", status: .met, metBy: [.notice],
                    evidence: "zh notice at the \(notice?.fields["Position"] ?? "?")")
            case .image:
                let clause = "GB 45438 §5.2"
                let visible = pixelNotice()
                guard visible.status == .met, let layer = layer(.visible) else {
                    return DutyReport(
                        .explicitLabel, clause: clause, status: visible.status == .met ? .notMet : visible.status,
                        evidence: visible.evidence,
                        remedy: visible.status == .notChecked ? "verify --ocr" : "stamp " + remedy)
                }
                let chinese = (layer.fields["Language"] ?? "").split(separator: ",").contains("zh")
                let tall = layer.fields["MeetsHeight"] == "true"
                guard chinese, tall else {
                    return DutyReport(
                        .explicitLabel, clause: clause, status: .notMet,
                        evidence: chinese
                            ? "notice glyphs under 5 % of the shortest side"
                            : "no Chinese notice (\(visible.evidence))",
                        remedy: "stamp " + remedy)
                }
                return DutyReport(
                    .explicitLabel, clause: clause, status: .met, metBy: [.visible],
                    evidence: visible.evidence + " ≥ 5 %")
            }
        }
    }
}
