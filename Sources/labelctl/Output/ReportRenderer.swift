import Labeler
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Renders verification reports as text for people or JSON for machines.
enum ReportRenderer {
    static func json<Value: Encodable>(_ value: Value) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(value) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }

    static func text(_ report: VerificationReport) -> String {
        var lines: [String] = []
        let format = report.format.map { " (\($0.rawValue))" } ?? ""
        var headline = "\(report.path ?? "-"): \(report.verdict.rawValue)\(format)"
        if report.verdict == .unlabelled { headline += " — no AI disclosure found (this does not mean a human made it)" }
        lines.append(headline)
        if let error = report.error {
            lines.append("  error: \(error)")
            return lines.joined(separator: "\n")
        }
        for layer in report.layers {
            var line = "  " + pad(layer.name.rawValue, 10) + pad(layer.status.rawValue.split(separator: "_").joined(separator: " "), 12)
            let fields = layer.fields.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
            if !fields.isEmpty { line += fields.joined(separator: " ") }
            lines.append(line)
            for location in layer.locations { lines.append("      at \(location)") }
            for problem in layer.problems { lines.append("      problem: \(problem)") }
            for warning in layer.warnings where layer.status != .notChecked { lines.append("      warning: \(warning)") }
        }
        for regime in report.regimes {
            lines.append("  \(regime.regime.title): \(regime.status.rawValue.split(separator: "_").joined(separator: " ")) — "
                + regime.notes.joined(separator: "; "))
        }
        return lines.joined(separator: "\n")
    }

    static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text + " " : text + String(repeating: " ", count: width - text.count)
    }
}
