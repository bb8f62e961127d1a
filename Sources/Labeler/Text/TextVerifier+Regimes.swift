extension TextVerifier {
    /// Reads a text's layers against each regime's marking duties (regulation.md §6, §7.7), as
    /// ``Verifier`` does for images; only what the text shows is judged.
    ///
    /// - KZ Law on AI Art. 21 (2): a warning the user can perceive: a notice in any language is `met`.
    /// - EU AI Act Art. 50 (2): machine-readable and detectable; the Code of Practice asks for
    ///   signed metadata (1.1.1) and, above 200 tokens, a watermark (1.1.2): without a valid C2PA
    ///   text manifest `not_met`, with one `partial` (watermark not checked).
    /// - CN GB 45438: explicit (§5.1, a text prompt with "人工智能"/"AI" and "生成"/"合成": the zh
    ///   notice) and implicit (§6, Annex E) labels: both `met`, one `partial`.
    static func regimes(for layers: [LayerReport]) -> [RegimeReport] {
        func layer(_ name: LayerReport.Name) -> LayerReport? { layers.first { $0.name == name } }
        let marks = layers.filter { $0.name != .notice && $0.status == .present && $0.declaresAI == true }
            .map(\.name.rawValue)
        let machineReadable =
            marks.isEmpty
            ? "machine-readable AI mark: none found"
            : "machine-readable AI mark: present (\(marks.joined(separator: ", ")))"
        let notice = layer(.notice)
        let noticePresent = notice?.status == .present
        let languages = notice?.fields["Languages"] ?? ""
        let noticeNote =
            noticePresent
            ? "visible notice: present (\(languages); \(notice?.fields["Position"] ?? ""))"
            : "visible notice: none found at the start or end"

        let kz = RegimeReport(
            regime: .kz, status: noticePresent ? .met : (marks.isEmpty ? .notMet : .partial),
            notes: [noticeNote + " (Art. 21 (2) warning)", machineReadable])

        let c2pa = layer(.c2pa)
        let signed = c2pa?.status == .present
        var euNotes = [machineReadable]
        switch c2pa?.status {
        case .present?: euNotes.append("signed metadata: C2PA text manifest valid")
        case .invalid?: euNotes.append("signed metadata: C2PA text manifest present but invalid")
        case .notChecked?: euNotes.append("signed metadata (Code of Practice 1.1.1): C2PA text manifest not checked")
        default: euNotes.append("signed metadata (Code of Practice 1.1.1): no C2PA text manifest")
        }
        euNotes.append("text watermark (1.1.2, above 200 tokens): not checked")
        euNotes.append(
            notice?.fields["Position"]?.contains("start") == true
                ? "disclosure at first exposure (Art. 50 (4)): notice at the start"
                : "disclosure at first exposure (Art. 50 (4)): no notice at the start")
        let eu = RegimeReport(regime: .eu, status: signed && !marks.isEmpty ? .partial : .notMet, notes: euNotes)

        let tc260 = layer(.tc260)
        let implicit = tc260?.status == .present && tc260?.declaresAI == true
        let explicit = noticePresent && languages.split(separator: ",").contains("zh")
        var cnNotes: [String] = []
        switch tc260?.status {
        case .present?: cnNotes.append("implicit label (§6, Annex E): present, Label \(tc260?.fields["Label"] ?? "?")")
        case .invalid?: cnNotes.append("implicit label (§6, Annex E): invalid")
        default: cnNotes.append("implicit label (§6, Annex E): none")
        }
        cnNotes.append(
            explicit
                ? "explicit label (§5.1 text prompt): present (zh notice)"
                : "explicit label (§5.1 text prompt with 人工智能/AI and 生成/合成): none (add --lang zh)")
        let cn = RegimeReport(
            regime: .cn, status: implicit && explicit ? .met : (implicit || explicit ? .partial : .notMet),
            notes: cnNotes)
        return [kz, eu, cn]
    }
}
