public import LabelerC2PA
import LabelerCInterop

/// Finds every disclosure site in a file of any registered format and checks it (regulation.md §7.6).
///
/// Sites read: XMP (`Iptc4xmpExt:*`, `TC260:AIGC` as element or attribute, any prefix), PNG
/// `tEXt`/`zTXt`/`iTXt` keyed `AIGC`, EXIF UserComment / ImageDescription holding Annex E JSON,
/// C2PA manifest presence, and (PNG/JPEG pixels, per ``pixels``) the invisible watermark.
/// Never throws: unreadable input is a ``VerificationReport/Verdict/error``.
public struct Verifier: Sendable {
    /// Roots a C2PA signer's chain is checked against; `nil`: none (intact reads `valid`, untrusted).
    public var trustAnchors: TrustAnchors?
    /// Whether the `visible` layer is read from the pixels with OCR (`verify --ocr`); slow.
    public var readsVisibleNotices: Bool
    /// When to decode the pixels for the invisible watermark (``PixelCheck``).
    public var pixels: PixelCheck

    public init(trustAnchors: TrustAnchors? = nil, pixels: PixelCheck = .auto, readsVisibleNotices: Bool = false) {
        self.trustAnchors = trustAnchors
        self.pixels = pixels
        self.readsVisibleNotices = readsVisibleNotices
    }

    public func verify(_ bytes: [UInt8]) -> VerificationReport {
        let container: any Container
        do {
            container = try ContainerRegistry.walk(bytes)
        } catch {
            let format = ContainerFormat.sniff(bytes.prefix(ContainerRegistry.sniffLength))
            return VerificationReport(
                format: format, verdict: .error, layers: [], regimes: [], error: LabelerError.wrapping(error, path: nil)
            )
        }
        return report(for: container)
    }

    /// The report for an already walked container.
    func report(for container: any Container) -> VerificationReport {
        let sites = container.sites()
        var iptc = LayerReport(name: .iptc, status: .absent)
        var tc260 = LayerReport(name: .tc260, status: .absent)
        var labels: [(label: TC260Label, location: String)] = []
        // Problems of the XMP packets themselves belong to the XMP (iptc) layer.
        var packetProblems = sites.carrierProblems.map { Finding(.carrierUndecodable, $0) }

        var packetsWithLabels = 0
        var visibleRecord: [String: String] = [:]
        var recordedWatermark: String?
        for packet in sites.xmp {
            let document: XMP.Document
            do {
                document = try XMP.Document(parsing: packet.bytes)
            } catch {
                packetProblems.append(
                    Finding(.xmpMalformed, error.shifted(by: packet.offset).description, at: packet.carrier))
                continue
            }
            readIPTC(document, carrier: packet.carrier, into: &iptc)
            if visibleRecord.isEmpty { visibleRecord = Self.visibleRecord(in: document) }
            recordedWatermark = recordedWatermark ?? document.value(.watermarkPayload)
            let aigc = document.properties(.aigc)
            if !aigc.isEmpty { packetsWithLabels += 1 }
            for property in aigc {
                labels.append((TC260Label(parsing: property.value), "\(packet.carrier): TC260:AIGC"))
            }
        }
        if sites.xmp.count > 1 {
            let finding = Finding(
                .xmpMultiplePackets, "\(sites.xmp.count) standard XMP packets (readers disagree which one counts)")
            if packetsWithLabels > 1 { packetProblems.append(finding) } else { iptc.warnings.append(finding) }
        }
        for text in sites.texts where text.keyword.uppercased() == "AIGC" {
            labels.append((TC260Label(parsing: text.text), text.carrier))
        }
        let exif = readEXIF(sites.exif, labels: &labels)
        summarise(labels, into: &tc260)
        let c2pa = readC2PA(container, sites: sites)
        if !packetProblems.isEmpty {
            iptc.problems += packetProblems
            iptc.status = .invalid
        }
        let labelFound = [iptc, tc260, exif, c2pa].contains { $0.status == .present && $0.declaresAI == true }
        let layers = [
            iptc, tc260, exif, c2pa, visibleLayer(for: container, record: visibleRecord),
            watermarkLayer(container, recorded: recordedWatermark, labelFound: labelFound),
        ]
        var verdict: VerificationReport.Verdict = .unlabelled
        if layers.contains(where: { $0.status == .invalid }) {
            verdict = .invalid
        } else if layers.contains(where: { $0.name != .visible && $0.status == .present && $0.declaresAI == true }) {
            // A notice read from the pixels is reported, but "labelled" means a machine-readable label.
            verdict = .labelled
        }
        return VerificationReport(
            format: type(of: container).format, verdict: verdict, layers: layers,
            regimes: RegimeAssessment.regimes(for: layers, medium: .image))
    }

    private func readIPTC(_ document: XMP.Document, carrier: String, into layer: inout LayerReport) {
        let found = [
            ("DigitalSourceType", XMP.PropertyName.digitalSourceType), ("AISystemUsed", .aiSystemUsed),
            ("AISystemVersionUsed", .aiSystemVersionUsed), ("AIPromptInformation", .aiPromptInformation),
            ("CreateDate", .createDate), ("InstanceID", .instanceID), ("Publisher", .publisher),
        ].compactMap { key, name in document.value(name).map { (key, $0) } }
        guard !found.isEmpty else { return }
        for (key, value) in found where layer.fields[key] == nil { layer.fields[key] = value }
        guard let source = document.value(.digitalSourceType) else { return }
        layer.locations.append(carrier)
        layer.status = .present
        let type = DigitalSourceType(uri: source)
        layer.declaresAI = (layer.declaresAI ?? false) || type.isAI
        if !type.isAI {
            layer.warnings.append(
                Finding(.iptcNotAI, "DigitalSourceType '\(type.term)' does not declare generative AI", at: carrier))
        }
        if document.properties(.digitalSourceType).count > 1 {
            layer.warnings.append(Finding(.iptcRepeated, "DigitalSourceType appears more than once", at: carrier))
        }
    }

    private func readEXIF(
        _ packets: [MetadataSites.Packet], labels: inout [(label: TC260Label, location: String)]
    ) -> LayerReport {
        var layer = LayerReport(name: .exif, status: .absent)
        for packet in packets {
            let tags: EXIFTags
            do {
                tags = try EXIFEditor.readTags(packet.bytes[...])
            } catch {
                layer.warnings.append(
                    Finding(.exifUnreadable, "libexif could not read it: \(error.message)", at: packet.carrier))
                continue
            }
            layer.status = .present
            layer.locations.append(packet.carrier)
            for (key, value) in [
                ("Software", tags.software), ("ImageDescription", tags.imageDescription),
                ("UserComment", tags.userComment),
            ] {
                guard let value, !value.isEmpty else { continue }
                layer.fields[key] = value
                if AnnexE.looksLikeLabel(value) {
                    labels.append((TC260Label(parsing: value), "\(packet.carrier): \(key)"))
                }
            }
        }
        return layer
    }

    private func summarise(_ labels: [(label: TC260Label, location: String)], into layer: inout LayerReport) {
        guard let first = labels.first else { return }
        layer.locations = labels.map(\.location)
        for field in first.label.fields { layer.fields[field.key] = field.value }
        layer.problems = labels.flatMap { entry in
            entry.label.problems.map { Finding(.tc260Invalid, $0, at: entry.location) }
        }
        layer.warnings = labels.flatMap { entry in
            entry.label.warnings.map { Finding(.tc260Unusual, $0, at: entry.location) }
        }
        if labels.count > 1 {
            layer.problems.append(
                Finding(.tc260Duplicated, "\(labels.count) copies of the AIGC label; GB 45438 §6.1 c allows only one"))
        }
        layer.status = layer.problems.isEmpty ? .present : .invalid
        layer.declaresAI = labels.contains {
            $0.label.isValid && AnnexE.labelValues.contains($0.label.value("Label") ?? "")
        }
    }

}
