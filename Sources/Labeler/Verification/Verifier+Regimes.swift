extension Verifier {
    /// Reads the layers against each regime's marking duties (regulation.md §7.7). Only what a file
    /// can show is judged; duties this version cannot check are named in the notes, never assumed.
    static func regimes(for layers: [LayerReport]) -> [RegimeReport] {
        func layer(_ name: LayerReport.Name) -> LayerReport? { layers.first { $0.name == name } }
        let aiMarks = layers.filter { $0.status == .present && $0.declaresAI == true }.map(\.name.rawValue)
        let machineReadable =
            aiMarks.isEmpty
            ? "machine-readable AI mark: none found"
            : "machine-readable AI mark: present (\(aiMarks.joined(separator: ", ")))"

        let kz = RegimeReport(
            regime: .kz, status: aiMarks.isEmpty ? .notMet : .partial,
            notes: [machineReadable, "visible or other warning: not checked (must accompany the content, Art. 21 (2))"])

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
        cnNotes.append("explicit label (§5.2, text ≥ 5 % of the shortest side): not checked")
        let cn = RegimeReport(regime: .cn, status: implicitOK ? .partial : .notMet, notes: cnNotes)
        return [kz, eu, cn]
    }
}
