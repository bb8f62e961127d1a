public import LabelerC2PA
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Finds and checks the disclosures in a text (regulation.md §7.6 for text): the visible notice
/// (which languages, where), the Markdown front matter `AIGC:` mapping, the JSON disclosure object,
/// the GB 45438 Annex E label wherever it is (reported as `tc260`), and the C2PA 2.4 §A.8 text
/// manifest (`c2pa`: validated as for images, the NFC text bound by its data hash); a notice
/// without the invisible manifest is a warning (a sanitiser may have stripped it).
///
/// Never throws: text that is not UTF-8, or JSON that does not parse, is a
/// ``VerificationReport/Verdict/error`` report naming the byte.
public struct TextVerifier: Sendable {
    /// The format to assume; `nil`: by extension, else by content.
    public var format: TextFormat?
    /// Notice sentences to recognise besides the defaults (a custom wording used when stamping).
    public var wording: TextNoticeWording
    /// Where the JSON disclosure object is looked for.
    public var jsonKeyPath: JSONKeyPath

    /// Roots the signer of a C2PA text manifest is checked against (`nil`: none).
    public var trustAnchors: TrustAnchors?

    public init(
        format: TextFormat? = nil, wording: TextNoticeWording? = nil, jsonKeyPath: JSONKeyPath = .defaultDisclosure,
        trustAnchors: TrustAnchors? = nil
    ) {
        self.trustAnchors = trustAnchors
        self.format = format
        self.wording = wording ?? TextStampOptions.defaultWording
        self.jsonKeyPath = jsonKeyPath
    }

    /// What was found while reading one text.
    struct Findings {
        var notice = LayerReport(name: .notice, status: .absent)
        var frontMatter = LayerReport(name: .frontMatter, status: .absent)
        var json = LayerReport(name: .jsonDisclosure, status: .absent)
        var labels: [(label: TC260Label, location: String, warnings: [String])] = []
    }

    public func verify(_ input: [UInt8], fileName: String? = nil) -> VerificationReport {
        // The C2PA text manifest first (C2PA 2.4 §A.8); the other layers are read without it.
        let manifest = TextManifestValidator(trustAnchors: trustAnchors).validate(input)
        var bytes = input
        if let wrapper = manifest.wrapper { bytes.removeSubrange(wrapper) }
        let layout: TextLayout
        do {
            layout = try TextLayout(validating: bytes)
        } catch {
            return VerificationReport(
                format: nil, verdict: .error, layers: [], regimes: [], error: LabelerError.wrapping(error, path: nil))
        }
        let body = layout.bomLength ..< bytes.count
        let detection = TextFormatDetection.detect(bytes[body], fileName: fileName, requested: format)
        var findings = Findings()
        do {
            switch detection.format {
            case .plain:
                readNotice(bytes, lines: TextLine.split(bytes, body)[...], into: &findings.notice, location: "")
            case .markdown:
                readMarkdown(bytes, body: body, into: &findings)
            case .json:
                try readJSON(bytes, [(body, "")], into: &findings)
            case .jsonl:
                let records = try JSONLinesDocument(bytes[body], validate: false).records
                try readJSON(bytes, records.map { ($0.range, "line \($0.line): ") }, into: &findings)
            }
        } catch {
            var report = VerificationReport(
                format: detection.format.containerFormat, verdict: .error, layers: [], regimes: [],
                error: LabelerError.wrapping(error, path: nil))
            report.detectedBy = detection.detectedBy
            return report
        }
        let c2pa = Self.c2paLayer(manifest)
        if findings.labels.isEmpty, c2pa.status == .present, let label = Self.manifestLabel(manifest.validation) {
            // Plain text has no metadata of its own: the signed manifest is where its Annex E label lives.
            findings.labels.append((label, "C2PA text manifest cawg.metadata: TC260:AIGC", []))
        }
        if findings.notice.status == .present, c2pa.status == .absent {
            findings.notice.warnings.append(
                Finding(
                    .invisibleLayerMissing,
                    "the visible notice is there but no C2PA text manifest: the text was not signed, or a "
                        + "sanitiser stripped its invisible characters (U+FEFF and variation selectors)"))
        }
        let layers = [
            findings.notice, findings.frontMatter, findings.json, Self.tc260Layer(findings.labels), c2pa,
        ]
        var verdict: VerificationReport.Verdict = .unlabelled
        if layers.contains(where: { $0.status == .invalid }) {
            verdict = .invalid
        } else if layers.contains(where: { $0.status == .present && $0.declaresAI == true }) {
            verdict = .labelled
        }
        var report = VerificationReport(
            format: detection.format.containerFormat, verdict: verdict, layers: layers,
            regimes: RegimeAssessment.regimes(for: layers, medium: .text))
        report.detectedBy = detection.detectedBy
        return report
    }

    /// The notice blocks at the start and end of `lines`, added to `layer`.
    func readNotice(_ bytes: [UInt8], lines: ArraySlice<TextLine>, into layer: inout LayerReport, location: String) {
        guard let first = lines.first else { return }
        let head = NoticeBlock.atStart(bytes, lines: lines, wording: wording)
        let tail = NoticeBlock.atEnd(
            bytes, lines: lines, wording: wording, floor: head?.range.upperBound ?? first.start)
        var languages = layer.fields["Languages"].map { $0.split(separator: ",").map(String.init) } ?? []
        var positions = layer.fields["Position"].map { $0.split(separator: ",").map(String.init) } ?? []
        for (block, position) in [(head, "start"), (tail, "end")] {
            guard let block else { continue }
            layer.status = .present
            layer.declaresAI = true
            layer.locations.append("\(location)\(position) (byte \(block.range.lowerBound))")
            for language in block.languages.map(\.rawValue) where !languages.contains(language) {
                languages.append(language)
            }
            if !positions.contains(position) { positions.append(position) }
        }
        if !languages.isEmpty { layer.fields["Languages"] = languages.joined(separator: ",") }
        if !positions.isEmpty { layer.fields["Position"] = positions.joined(separator: ",") }
    }

    private func readMarkdown(_ bytes: [UInt8], body: Range<Int>, into findings: inout Findings) {
        let lines = TextLine.split(bytes, body)
        let found: (MarkdownStructure.FrontMatter, lineCount: Int)?
        do {
            found = try MarkdownStructure.frontMatter(bytes, lines: lines)
        } catch {
            // An unclosed `---` is the user's business unless it was meant to hold the label.
            if bytes[body].firstRange(of: Array("AIGC".utf8)) != nil {
                findings.frontMatter.status = .invalid
                findings.frontMatter.problems.append(
                    Finding(.frontMatterMalformed, LabelerError.wrapping(error, path: nil).message))
            }
            readNotice(bytes, lines: lines[...], into: &findings.notice, location: "")
            return
        }
        readNotice(bytes, lines: lines[(found?.lineCount ?? 0)...], into: &findings.notice, location: "")
        guard let frontMatter = found?.0 else { return }
        let location = "front matter at byte \(frontMatter.range.lowerBound)"
        do {
            let root = try FrontMatterLabel.parse(bytes, frontMatter)
            guard let (label, warnings) = FrontMatterLabel.label(root) else { return }
            findings.frontMatter.status = .present
            findings.frontMatter.locations.append(location + ": AIGC")
            findings.frontMatter.fields["Keys"] = label.fields.map(\.key).joined(separator: ",")
            findings.frontMatter.declaresAI = label.isValid && AnnexE.labelValues.contains(label.value("Label") ?? "")
            findings.labels.append((label, location + ": AIGC", warnings))
        } catch {
            guard bytes[frontMatter.content].firstRange(of: Array("AIGC".utf8)) != nil else { return }
            findings.frontMatter.status = .invalid
            findings.frontMatter.locations.append(location)
            findings.frontMatter.problems.append(
                Finding(.frontMatterMalformed, LabelerError.wrapping(error, path: nil).message, at: location))
        }
    }

    /// The Annex E labels found, checked (GB 45438 Annex E; one per document or record).
    static func tc260Layer(_ labels: [(label: TC260Label, location: String, warnings: [String])]) -> LayerReport {
        var layer = LayerReport(name: .tc260, status: .absent)
        guard let first = labels.first else { return layer }
        layer.locations =
            labels.prefix(10).map(\.location) + (labels.count > 10 ? ["and \(labels.count - 10) more"] : [])
        for field in first.label.fields { layer.fields[field.key] = field.value }
        layer.problems = labels.flatMap { entry in
            entry.label.problems.map { Finding(.tc260Invalid, $0, at: entry.location) }
        }
        layer.warnings = labels.flatMap { entry in
            (entry.label.warnings + entry.warnings).map { Finding(.tc260Unusual, $0, at: entry.location) }
        }
        layer.status = layer.problems.isEmpty ? .present : .invalid
        layer.declaresAI = labels.contains {
            $0.label.isValid && AnnexE.labelValues.contains($0.label.value("Label") ?? "")
        }
        return layer
    }
}

extension TextVerifier {
    /// The GB 45438 Annex E label inside a validated manifest's `cawg.metadata` assertion (the
    /// `TC260:AIGC` member ``Stamper`` writes), if any.
    static func manifestLabel(_ validation: ManifestValidation?) -> TC260Label? {
        struct Metadata: Decodable {
            var aigc: String?
            enum CodingKeys: String, CodingKey { case aigc = "TC260:AIGC" }
        }
        guard let json = validation?.metadataJSON,
            let metadata = try? JSONDecoder().decode(Metadata.self, from: Data(json)), let aigc = metadata.aigc
        else { return nil }
        return TC260Label(parsing: aigc)
    }

    /// The `c2pa` layer of a text: absent without a wrapper; else its validation, reported as for
    /// images (``Verifier/fill(_:with:store:)``).
    static func c2paLayer(_ manifest: TextManifestValidation) -> LayerReport {
        guard let validation = manifest.validation else { return LayerReport(name: .c2pa, status: .absent) }
        var layer = LayerReport(
            name: .c2pa, status: .present,
            locations: manifest.wrapper.map { ["C2PA text manifest wrapper at byte \($0.lowerBound)"] } ?? [])
        Verifier.fill(&layer, with: validation, store: manifest.store)
        return layer
    }
}
