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
        let evidence = report.detectedBy.map { ", by \($0.rawValue)" } ?? ""
        let format = report.format.map { " (\($0.rawValue)\(evidence))" } ?? ""
        var headline = "\(report.path?.description ?? "-"): \(report.verdict.rawValue)\(format)"
        if report.verdict == .unlabelled {
            headline += " — no AI disclosure found (this does not mean a human made it)"
        }
        lines.append(headline)
        if let error = report.error {
            lines.append("  error: \(Self.escapeControls(error))")
            return lines.joined(separator: "\n")
        }
        for layer in report.layers {
            var line =
                "  " + pad(layer.name.rawValue, 10)
                + pad(layer.status.rawValue.split(separator: "_").joined(separator: " "), 12)
            let fields = layer.fields.sorted { $0.key < $1.key }.map { "\($0.key)=\(Self.escapeControls($0.value))" }
            if !fields.isEmpty { line += fields.joined(separator: " ") }
            lines.append(line)
            for location in layer.locations { lines.append("      at \(Self.escapeControls(location))") }
            for problem in layer.problems { lines.append("      problem: \(Self.escapeControls(problem.description))") }
            for warning in layer.warnings where layer.status != .notChecked {
                lines.append("      warning: \(Self.escapeControls(warning.description))")
            }
        }
        for regime in report.regimes {
            lines.append(
                "  \(regime.regime.title): \(regime.status.rawValue.split(separator: "_").joined(separator: " "))")
            for duty in regime.duties { lines.append("      " + Self.escapeControls(duty.line)) }
        }
        return lines.joined(separator: "\n")
    }

    /// `text` with control characters escaped, so a crafted value cannot start a fake report line.
    static func escapeControls(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) else { return text }
        var escaped = ""
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x0A: escaped += "\\n"
            case 0x0D: escaped += "\\r"
            case 0x09: escaped += "\\t"
            case 0 ..< 0x20, 0x7F:
                escaped += "\\x" + (scalar.value < 0x10 ? "0" : "") + String(scalar.value, radix: 16, uppercase: true)
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }

    static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text + " " : text + String(repeating: " ", count: width - text.count)
    }
}
