/// One marking duty a regime places on published AI output, and what in the file meets it
/// (regulation.md §7.7).
///
/// A duty is `met` only by a layer that was read and found intact; a layer recorded in the
/// metadata but not looked for in the pixels is `not_checked`, never `met`.
public struct DutyReport: Sendable, Codable, Hashable {
    public enum Duty: String, Sendable, Codable, Hashable, CaseIterable {
        /// A machine-readable AI mark in the file's metadata (KZ Art. 21 (2); EU Art. 50 (2)).
        case machineReadable = "machine_readable"
        /// A warning the viewer perceives: a visible label in the pixels, a notice in the text (KZ Art. 21 (2)).
        case visibleWarning = "visible_warning"
        /// Signed metadata (EU Code of Practice Measure 1.1.1): a valid C2PA manifest.
        case signedMetadata = "signed_metadata"
        /// The signature time-stamped by an RFC 3161 authority (EU Code of Practice 1.1.1).
        case timeStamp = "time_stamp"
        /// An imperceptible mark that survives stripped metadata (EU Code of Practice 1.1.2): the
        /// pixel watermark; for text, the invisible signed C2PA text manifest.
        case watermark
        /// GB 45438-2025 §6 + Annex E: the `AIGC` implicit label.
        case implicitLabel = "implicit_label"
        /// GB 45438-2025 §5: an explicit label with "AI"/"人工智能" and "生成"/"合成" (images: text at
        /// least 5 % of the shortest side).
        case explicitLabel = "explicit_label"

        public var title: String {
            switch self {
            case .machineReadable: return "machine-readable mark"
            case .visibleWarning: return "visible warning"
            case .signedMetadata: return "signed metadata"
            case .timeStamp: return "time-stamp"
            case .watermark: return "imperceptible watermark"
            case .implicitLabel: return "implicit label"
            case .explicitLabel: return "explicit label"
            }
        }
    }

    public enum Status: String, Sendable, Codable, Hashable {
        case met
        case notMet = "not_met"
        /// The layer that would meet it was not read (`--metadata-only`, or pixels not decoded).
        case notChecked = "not_checked"
    }

    public var duty: Duty
    /// The clause that sets the duty (`Art. 21 (2)`, `Code of Practice 1.1.2`, `GB 45438 §5.2`).
    public var clause: String
    public var status: Status
    /// The layers that meet it (empty unless met).
    public var metBy: [LayerReport.Name]
    /// What was found, in words.
    public var evidence: String
    /// What would meet it (nil when met): the flag or profile to stamp with.
    public var remedy: String?

    public init(
        _ duty: Duty, clause: String, status: Status, metBy: [LayerReport.Name] = [], evidence: String,
        remedy: String? = nil
    ) {
        self.duty = duty
        self.clause = clause
        self.status = status
        self.metBy = metBy
        self.evidence = evidence
        self.remedy = status == .met ? nil : remedy
    }

    /// One line for people: `visible warning (Art. 21 (2)): met by visible — 'ЖИ жасаған' …`.
    public var line: String {
        let state: String
        switch status {
        case .met: state = "met by " + metBy.map(\.rawValue).joined(separator: ", ")
        case .notMet: state = "NOT MET"
        case .notChecked: state = "not checked"
        }
        return "\(duty.title) (\(clause)): \(state) — \(evidence)" + (remedy.map { " → \($0)" } ?? "")
    }
}
