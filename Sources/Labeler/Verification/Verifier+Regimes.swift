extension Verifier {
    /// Reads the layers against each regime's marking duties (regulation.md §7.7). Only what a file
    /// can show is judged; duties this version cannot check are named in the notes, never assumed.
    static func regimes(for layers: [LayerReport]) -> [RegimeReport] {
        func layer(_ name: LayerReport.Name) -> LayerReport? { layers.first { $0.name == name } }
        let aiMarks = layers.filter { $0.name != .visible && $0.status == .present && $0.declaresAI == true }
            .map(\.name.rawValue)
        let visible = visibleFindings(layer(.visible))
        let machineReadable =
            aiMarks.isEmpty
            ? "machine-readable AI mark: none found"
            : "machine-readable AI mark: present (\(aiMarks.joined(separator: ", ")))"

        let kzStatus: RegimeReport.Status =
            visible.found ? (aiMarks.isEmpty ? .partial : .met) : (aiMarks.isEmpty ? .notMet : .partial)
        let kz = RegimeReport(regime: .kz, status: kzStatus, notes: [machineReadable, visible.kz])

        let c2pa = layer(.c2pa)
        var euNotes = [machineReadable]
        let signed = c2pa?.status == .present
        switch c2pa?.status {
        case .present?:
            euNotes.append(
                "signed metadata: C2PA manifest valid (\(c2pa?.fields["Algorithm"] ?? "signed"); trust anchors not configured)"
            )
        case .invalid?: euNotes.append("signed metadata: C2PA manifest present but invalid (tampered or broken)")
        default: euNotes.append("signed, time-stamped metadata (Code of Practice 1.1.1): no C2PA manifest")
        }
        let watermark = layer(.watermark)
        switch watermark?.status {
        case .present?:
            euNotes.append(
                "imperceptible watermark (1.1.2): present (payload \(watermark?.fields["Payload"] ?? "?"), "
                    + "\(watermark?.fields["Confidence"] ?? "?"))")
        case .invalid?: euNotes.append("imperceptible watermark (1.1.2): present but not the one the metadata records")
        case .absent?: euNotes.append("imperceptible watermark (1.1.2): none found")
        default: euNotes.append("imperceptible watermark (1.1.2): not checked")
        }
        let eu = RegimeReport(regime: .eu, status: signed && !aiMarks.isEmpty ? .partial : .notMet, notes: euNotes)

        let tc260 = layer(.tc260)
        let implicitOK = tc260?.status == .present && tc260?.declaresAI == true
        var cnNotes: [String] = []
        switch tc260?.status {
        case .present?:
            cnNotes.append("implicit label (§6.1, Annex E): present, Label \(tc260?.fields["Label"] ?? "?")")
        case .invalid?: cnNotes.append("implicit label (§6.1, Annex E): invalid")
        default: cnNotes.append("implicit label (§6.1, Annex E): none")
        }
        cnNotes.append(visible.cn)
        let cnStatus: RegimeReport.Status =
            implicitOK && visible.cnExplicit ? .met : (implicitOK || visible.cnExplicit ? .partial : .notMet)
        let cn = RegimeReport(regime: .cn, status: cnStatus, notes: cnNotes)
        return [kz, eu, cn]
    }

    /// What the `visible` layer means for KZ Art. 21 (2) (a warning accompanies the content) and
    /// GB 45438-2025 §5.2 (an explicit label with "AI"/"人工智能" and "生成"/"合成", text at least
    /// 5 % of the shortest side): only a notice read from the pixels counts; a recorded one is named.
    static func visibleFindings(_ layer: LayerReport?) -> (found: Bool, cnExplicit: Bool, kz: String, cn: String) {
        let cnRule = "explicit label (§5.2, text ≥ 5 % of the shortest side)"
        guard let layer, layer.status == .present else {
            if layer?.status == .absent {
                return (
                    false, false, "visible or other warning: none found in the pixels (Art. 21 (2))", "\(cnRule): none"
                )
            }
            return (
                false, false, "visible or other warning: not checked (must accompany the content, Art. 21 (2))",
                "\(cnRule): not checked"
            )
        }
        guard layer.fields["Source"] == "ocr" else {
            let recorded = "recorded in the metadata, not checked in the pixels"
            return (false, false, "visible or other warning: \(recorded)", "\(cnRule): \(recorded)")
        }
        let text = layer.fields["Text"] ?? ""
        let languages = (layer.fields["Language"] ?? "").split(separator: ",")
        let meets = layer.fields["MeetsHeight"] == "true"
        let explicit = languages.contains("zh") && meets
        let height = "glyphs \(layer.fields["GlyphHeight"] ?? "?") px, \(meets ? "≥" : "<") 5 %"
        let cn =
            languages.contains("zh")
            ? "\(cnRule): \(meets ? "present" : "too small") ('\(text)', \(height))"
            : "\(cnRule): no Chinese notice (found '\(text)')"
        return (true, explicit, "visible warning: present ('\(text)', \(height))", cn)
    }
}
