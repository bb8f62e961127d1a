/// The layers that meet a set of regimes' marking duties (regulation.md §7.7), so one flag —
/// `--profile kz|eu|cn|all` — turns on exactly what each duty needs:
///
/// | regime | images | texts |
/// |---|---|---|
/// | KZ Art. 21 (2) | metadata + visible label in Kazakh and Russian | metadata + notice in kk, ru |
/// | EU Art. 50 + CoP 1.1 | signed, time-stamped C2PA + watermark | signed, time-stamped text manifest |
/// | CN GB 45438 | Annex E label (always written) + visible label with 人工智能/AI 生成 | notice in zh + Annex E label (front matter, JSON disclosure; plain text: in the signed manifest) |
///
/// The machine-readable metadata (XMP/IPTC, TC260, EXIF) is always written. A profile only turns
/// layers on; the command's own flags still decide (and can turn a layer off).
public struct ComplianceProfile: Sendable, Hashable, CustomStringConvertible {
    public var regimes: [RegimeReport.Regime]

    public init(_ regimes: [RegimeReport.Regime]) {
        self.regimes = RegimeReport.Regime.allCases.filter(regimes.contains)
    }

    /// `kz`, `eu`, `cn`, `all`, or a comma-separated list of them.
    /// - Throws: ``LabelerError`` (`.invalidRequest`) naming the unknown profile.
    public init(parsing text: String) throws(LabelerError) {
        var regimes: [RegimeReport.Regime] = []
        for name in text.split(separator: ",").map({ $0.filter { $0 != " " }.lowercased() }) {
            if name == "all" {
                regimes = RegimeReport.Regime.allCases
            } else if let regime = RegimeReport.Regime(rawValue: name) {
                regimes.append(regime)
            } else {
                throw LabelerError(.invalidRequest, "unknown profile '\(name)'; choose kz, eu, cn or all")
            }
        }
        guard !regimes.isEmpty else { throw LabelerError(.invalidRequest, "empty profile; choose kz, eu, cn or all") }
        self.init(regimes)
    }

    public static let all = ComplianceProfile(RegimeReport.Regime.allCases)

    public var description: String {
        regimes == Self.all.regimes ? "all" : regimes.map(\.rawValue).joined(separator: ",")
    }

    /// Notice languages: Kazakh and Russian for KZ (the state and the official language, Law on
    /// Languages Art. 4–5), Chinese for CN (GB 45438 §5: 人工智能/AI and 生成/合成); EU alone asks
    /// for none, so English.
    public var languages: [NoticeLanguage] {
        var languages: [NoticeLanguage] = []
        if regimes.contains(.kz) { languages += [.kk, .ru] }
        if regimes.contains(.cn) { languages.append(.zh) }
        return languages.isEmpty ? [.en] : languages
    }

    /// A perceivable warning: KZ Art. 21 (2), GB 45438 §5.
    public var visibleLabel: Bool { regimes.contains(.kz) || regimes.contains(.cn) }
    /// Signed C2PA metadata, time-stamped (EU Code of Practice 1.1.1).
    public var signs: Bool { regimes.contains(.eu) }
    /// A time-stamp authority is needed (EU Code of Practice 1.1.1).
    public var timeStamps: Bool { regimes.contains(.eu) }
    /// The invisible pixel watermark (EU Code of Practice 1.1.2).
    public var watermark: Bool { regimes.contains(.eu) }
    /// Texts: signed text manifests for EU (1.1.1, 1.1.2) and for CN (plain text has no other place
    /// for the Annex E label).
    public var signsText: Bool { regimes.contains(.eu) || regimes.contains(.cn) }
}
