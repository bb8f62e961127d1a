/// What verification found in one input: per layer and per regime. A value, not an error.
///
/// "No label found" is ``Verdict/unlabelled``; it never means "made by a human".
public struct VerificationReport: Sendable, Codable, Hashable {
    public enum Verdict: String, Sendable, Codable, Hashable {
        /// At least one machine-readable AI disclosure was found and none is invalid.
        case labelled
        /// No machine-readable AI disclosure was found (this says nothing about who made the content).
        case unlabelled
        /// A label is present but broken, duplicated or tampered with.
        case invalid
        /// The input could not be read or parsed.
        case error
    }

    public var path: FilePath?
    public var format: ContainerFormat?
    /// Text only (text has no magic bytes): whether ``format`` came from `--format`, the file
    /// name's extension or the content. Absent for images (always sniffed by magic bytes).
    public var detectedBy: TextFormatDetection.Source?
    public var verdict: Verdict
    public var layers: [LayerReport]
    public var regimes: [RegimeReport]
    /// For ``Verdict/error``: what went wrong and where.
    public var error: String?
    public var errorOffset: Int?
    /// For ``Verdict/error``: the ``LabelerError/Code`` (`corrupt`, `unsupportedFormat`, `io`, …).
    public var errorCode: LabelerError.Code?

    public init(
        path: FilePath? = nil, format: ContainerFormat?, verdict: Verdict, layers: [LayerReport],
        regimes: [RegimeReport],
        error: LabelerError? = nil
    ) {
        self.path = path
        self.format = format
        self.verdict = verdict
        self.layers = layers
        self.regimes = regimes
        self.error = error?.message
        self.errorOffset = error?.offset
        self.errorCode = error?.code
    }

    public func layer(_ name: LayerReport.Name) -> LayerReport? { layers.first { $0.name == name } }
}

/// One carrier of a disclosure and what was found in it.
public struct LayerReport: Sendable, Codable, Hashable {
    public enum Name: String, Sendable, Codable, Hashable, CaseIterable, CodingKeyRepresentable {
        /// XMP `Iptc4xmpExt:DigitalSourceType` and the IPTC 2025.1 AI properties.
        case iptc
        /// The GB 45438 Annex E `AIGC` label, wherever it is (XMP, PNG text, EXIF).
        case tc260
        /// EXIF Software / ImageDescription / UserComment.
        case exif
        /// C2PA manifest store (JPEG APP11 / PNG caBX; for text, the C2PA 2.x A.8 text manifest).
        case c2pa
        /// A visible warning drawn in the pixels.
        case visible
        /// An imperceptible pixel watermark.
        case watermark
        /// Text: the visible notice line(s) at the start or end (GB 45438 §5.1, KZ Art. 21 (2)).
        case notice
        /// Markdown: the YAML front matter `AIGC:` mapping (TC260-PG-20258A); its Annex E checks
        /// are reported under ``tc260``.
        case frontMatter = "front_matter"
        /// JSON and JSON Lines: the disclosure object at its key path.
        case jsonDisclosure = "json_disclosure"
    }

    public enum Status: String, Sendable, Codable, Hashable {
        case present, absent, invalid
        /// This version of Labeler cannot check this layer.
        case notChecked = "not_checked"
    }

    public var name: Name
    public var status: Status
    /// Whether the layer declares AI involvement (nil when unknown or absent).
    public var declaresAI: Bool?
    /// Where the layer was found (`iTXt chunk 'XML:com.adobe.xmp' at byte 33`, …).
    public var locations: [String]
    /// Field values read from the layer, for display.
    public var fields: [String: String]
    /// What makes the layer invalid.
    public var problems: [Finding]
    /// What is worth reporting but does not invalidate the layer.
    public var warnings: [Finding]

    public init(
        name: Name, status: Status, declaresAI: Bool? = nil, locations: [String] = [], fields: [String: String] = [:],
        problems: [Finding] = [], warnings: [Finding] = []
    ) {
        self.name = name
        self.status = status
        self.declaresAI = declaresAI
        self.locations = locations
        self.fields = fields
        self.problems = problems
        self.warnings = warnings
    }
}

/// Whether a regime's marking duties look met, as far as a file can show.
public struct RegimeReport: Sendable, Codable, Hashable {
    public enum Regime: String, Sendable, Codable, Hashable, CaseIterable {
        /// Kazakhstan, Law "On Artificial Intelligence" No. 230-VIII, Art. 21 (2).
        case kz
        /// EU AI Act Art. 50 (2) with the June 2026 Code of Practice, Measure 1.1.
        case eu
        /// China, Labeling Measures + GB 45438-2025 (§5 explicit, §6 + Annex E implicit).
        case cn

        public var title: String {
            switch self {
            case .kz: return "KZ Law on AI Art. 21"
            case .eu: return "EU AI Act Art. 50"
            case .cn: return "CN GB 45438-2025"
            }
        }
    }

    public enum Status: String, Sendable, Codable, Hashable {
        /// Every duty this regime places on the file is visibly met.
        case met
        /// Some duties met, others not met or not checked (see ``RegimeReport/duties``).
        case partial
        case notMet = "not_met"
    }

    public var regime: Regime
    /// `met` when every duty is met; `partial` when some are; `not_met` when none is.
    public var status: Status
    /// Each duty and what meets it, or what would.
    public var duties: [DutyReport]
    /// The duties as lines for people (``DutyReport/line``).
    public var notes: [String]

    public init(regime: Regime, duties: [DutyReport]) {
        self.regime = regime
        self.duties = duties
        let met = duties.filter { $0.status == .met }.count
        status = met == duties.count ? .met : met > 0 ? .partial : .notMet
        notes = duties.map(\.line)
    }

    /// The duties not met, with what would meet them.
    public var unmet: [DutyReport] { duties.filter { $0.status != .met } }
}
