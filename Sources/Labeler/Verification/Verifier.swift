import LabelerCInterop

/// Finds every disclosure site in a PNG or JPEG and checks it (regulation.md §7.6).
///
/// Sites read: XMP (`Iptc4xmpExt:*`, `TC260:AIGC` as element or attribute, any prefix), PNG
/// `tEXt`/`zTXt`/`iTXt` keyed `AIGC`, EXIF UserComment / ImageDescription holding Annex E JSON,
/// C2PA manifest presence. Never throws: unreadable input is a ``VerificationReport/Verdict/error``.
public struct Verifier: Sendable {
    public init() {}

    public func verify(_ bytes: [UInt8]) -> VerificationReport {
        let format = ContainerFormat.sniff(bytes.prefix(ContainerFormat.sniffLength))
        let sites: MetadataSites
        do {
            switch format {
            case .png: sites = try PNG.Handler(bytes).sites()
            case .jpeg: sites = try JPEG.Handler(bytes).sites()
            case nil: throw Stamper.unsupported(bytes)
            }
        } catch {
            let wrapped = LabelerError.wrapping(error, path: nil)
            return VerificationReport(format: format, verdict: .error, layers: [], regimes: [], error: wrapped)
        }
        return report(for: sites, format: format, bytes: bytes)
    }

    func report(for sites: MetadataSites, format: ContainerFormat?, bytes: [UInt8]) -> VerificationReport {
        var iptc = LayerReport(name: .iptc, status: .absent)
        var tc260 = LayerReport(name: .tc260, status: .absent)
        var labels: [(label: TC260Label, location: String)] = []
        var generalProblems = sites.carrierProblems

        var packetsWithLabels = 0
        for packet in sites.xmp {
            let document: XMP.Document
            do {
                document = try XMP.Document(parsing: packet.bytes)
            } catch {
                generalProblems.append("\(packet.carrier): \(error.shifted(by: packet.offset).description)")
                continue
            }
            readIPTC(document, carrier: packet.carrier, into: &iptc)
            let aigc = document.properties(.aigc)
            if !aigc.isEmpty { packetsWithLabels += 1 }
            for property in aigc { labels.append((TC260Label(parsing: property.value), "\(packet.carrier): TC260:AIGC")) }
        }
        if sites.xmp.count > 1 {
            let message = "\(sites.xmp.count) standard XMP packets (readers disagree which one counts)"
            if packetsWithLabels > 1 { generalProblems.append(message) } else { iptc.warnings.append(message) }
        }
        for text in sites.texts where text.keyword.uppercased() == "AIGC" {
            labels.append((TC260Label(parsing: text.text), text.carrier))
        }
        let exif = readEXIF(sites.exif, labels: &labels)
        summarise(labels, into: &tc260)
        let c2pa = readProvenance(sites, bytes: bytes)

        let layers = [
            iptc, tc260, exif, c2pa,
            LayerReport(name: .visible, status: .notChecked, warnings: ["visible warnings in pixels are not detected by this version"]),
            LayerReport(name: .watermark, status: .notChecked, warnings: ["pixel watermarks are not detected by this version"]),
        ]
        var verdict: VerificationReport.Verdict = .unlabelled
        if !generalProblems.isEmpty || layers.contains(where: { $0.status == .invalid }) {
            verdict = .invalid
        } else if layers.contains(where: { $0.status == .present && $0.declaresAI == true }) {
            verdict = .labelled
        }
        var reportLayers = layers
        if !generalProblems.isEmpty {
            reportLayers[0].problems += generalProblems  // XMP-level problems belong to the XMP (iptc) layer
            reportLayers[0].status = .invalid
        }
        return VerificationReport(format: format, verdict: verdict, layers: reportLayers, regimes: Self.regimes(for: reportLayers))
    }

    private func readIPTC(_ document: XMP.Document, carrier: String, into layer: inout LayerReport) {
        let found = [
            ("DigitalSourceType", XMP.PropertyName.digitalSourceType), ("AISystemUsed", .aiSystemUsed),
            ("AISystemVersionUsed", .aiSystemVersionUsed), ("AIPromptInformation", .aiPromptInformation),
            ("CreateDate", .createDate), ("InstanceID", .instanceID),
        ].compactMap { key, name in document.value(name).map { (key, $0) } }
        guard !found.isEmpty else { return }
        for (key, value) in found where layer.fields[key] == nil { layer.fields[key] = value }
        guard let source = document.value(.digitalSourceType) else { return }
        layer.locations.append(carrier)
        layer.status = .present
        let type = DigitalSourceType(uri: source)
        layer.declaresAI = (layer.declaresAI ?? false) || type.isAI
        if !type.isAI { layer.warnings.append("DigitalSourceType '\(type.term)' does not declare generative AI") }
        if document.properties(.digitalSourceType).count > 1 { layer.warnings.append("DigitalSourceType appears more than once") }
    }

    private func readEXIF(_ packets: [MetadataSites.Packet], labels: inout [(label: TC260Label, location: String)]) -> LayerReport {
        var layer = LayerReport(name: .exif, status: .absent)
        for packet in packets {
            let tags: EXIFTags
            do {
                tags = try EXIFEditor.readTags(packet.bytes[...])
            } catch {
                layer.warnings.append("\(packet.carrier): libexif could not read it: \(error.message)")
                continue
            }
            layer.status = .present
            layer.locations.append(packet.carrier)
            for (key, value) in [("Software", tags.software), ("ImageDescription", tags.imageDescription), ("UserComment", tags.userComment)] {
                guard let value, !value.isEmpty else { continue }
                layer.fields[key] = value
                if Self.looksLikeAnnexE(value) { labels.append((TC260Label(parsing: value), "\(packet.carrier): \(key)")) }
            }
        }
        return layer
    }

    /// JSON that names `AIGC` or `Label` (some generators put Annex E JSON in EXIF text tags).
    static func looksLikeAnnexE(_ value: String) -> Bool {
        let trimmed = value.trimmingXMLWhitespace()
        return trimmed.hasPrefix("{") && (trimmed.contains("\"AIGC\"") || trimmed.contains("\"Label\""))
    }

    private func summarise(_ labels: [(label: TC260Label, location: String)], into layer: inout LayerReport) {
        guard let first = labels.first else { return }
        layer.locations = labels.map(\.location)
        for field in first.label.fields { layer.fields[field.key] = field.value }
        layer.problems = labels.flatMap { entry in entry.label.problems.map { "\(entry.location): \($0)" } }
        layer.warnings = labels.flatMap { entry in entry.label.warnings.map { "\(entry.location): \($0)" } }
        if labels.count > 1 {
            layer.problems.append("\(labels.count) copies of the AIGC label; GB 45438 §6.1 c allows only one")
        }
        layer.status = layer.problems.isEmpty ? .present : .invalid
        layer.declaresAI = labels.contains { $0.label.isValid && AnnexE.labelValues.contains($0.label.value("Label") ?? "") }
    }

    /// C2PA presence; AI involvement is read from the `digitalSourceType` URI text inside the CBOR
    /// assertions (C2PA 2.x §18.15 `c2pa.actions`), which is stored as a plain UTF-8 string.
    private func readProvenance(_ sites: MetadataSites, bytes: [UInt8]) -> LayerReport {
        guard !sites.provenance.isEmpty else { return LayerReport(name: .c2pa, status: .absent) }
        let aiTerms = ["digitalsourcetype/trainedAlgorithmicMedia", "digitalsourcetype/compositeWithTrainedAlgorithmicMedia",
                       "digitalsourcetype/compositeSynthetic"].map { Array($0.utf8) }
        let declaresAI = sites.provenance.contains { site in aiTerms.contains { bytes[site.range].containsRun($0) } }
        return LayerReport(
            name: .c2pa, status: .present, declaresAI: declaresAI, locations: sites.provenance.map(\.carrier),
            warnings: ["C2PA signature and hard binding are not validated by this version"])
    }
}
