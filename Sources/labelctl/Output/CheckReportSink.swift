import ArgumentParser
import Labeler
import Synchronization

/// Renders `check` results as text, JSON Lines or JUnit XML, streamed as they arrive: nothing per
/// file is held, so memory stays flat with the number of files. JUnit needs the counts in its
/// header, so its test cases go to an unnamed scratch file first and are copied after the header.
final class CheckReportSink: Sendable {
    /// What the report says about the run itself.
    struct Context: Sendable {
        var command: [String]
        var requiredRegimes: [RegimeReport.Regime]
    }

    private struct State {
        var total = 0
        var failed = 0
        var regimes: [RegimeReport.Regime: [RegimeReport.Status: Int]] = [:]
    }

    private let format: CheckCommand.Format
    private let state = Mutex(State())
    private let output: ReportFile
    private let body: ReportFile
    private let html: HTMLAuditReport?

    init(format: CheckCommand.Format, output path: FilePath?, context: Context) throws {
        self.format = format
        output = try path.map { try ReportFile(path: $0) } ?? .standardOutput()
        body = format == .junit ? try ReportFile.scratch() : output
        html = format == .html ? try HTMLAuditReport(context: context) : nil
    }

    func add(report: VerificationReport, failures: [CheckPolicy.Failure]) {
        let path = report.path?.description ?? "-"
        let reasons = failures.map(\.message)
        let line: String?
        switch format {
        case .text:
            line = failures.isEmpty ? nil : "FAIL \(path): " + reasons.joined(separator: "; ")
        case .json:
            struct Entry: Encodable {
                var path: FilePath?
                var passed: Bool
                var verdict: VerificationReport.Verdict
                var failures: [CheckPolicy.Failure]
                var regimes: [String: RegimeReport.Status]
                var layers: [String: LayerReport.Status]
            }
            line = ReportRenderer.json(
                Entry(
                    path: report.path, passed: failures.isEmpty, verdict: report.verdict, failures: failures,
                    regimes: Dictionary(uniqueKeysWithValues: report.regimes.map { ($0.regime.rawValue, $0.status) }),
                    layers: Dictionary(report.layers.map { ($0.name.rawValue, $0.status) }) { first, _ in first }))
        case .html:
            html?.add(report: report, failures: failures)
            line = nil
        case .junit:
            var testcase = "    <testcase classname=\"labelctl.check\" name=\"\(Self.escape(path))\""
            if failures.isEmpty {
                testcase += "/>"
            } else {
                let kind = report.verdict == .error ? "error" : "failure"
                testcase +=
                    ">\n      <\(kind) message=\"\(Self.escape(reasons.joined(separator: "; ")))\" type=\"\(report.verdict.rawValue)\">"
                testcase += Self.escape(ReportRenderer.text(report)) + "</\(kind)>\n    </testcase>"
            }
            line = testcase
        }
        state.withLock { state in
            state.total += 1
            if !failures.isEmpty { state.failed += 1 }
            for regime in report.regimes { state.regimes[regime.regime, default: [:]][regime.status, default: 0] += 1 }
        }
        if let line { body.write(line + "\n") }  // add is called in walk order, one call at a time
    }

    /// Writes what follows the files (the summary line, or the JUnit frame) and closes the report.
    func finish() throws {
        let (total, failed, regimes) = state.withLock { ($0.total, $0.failed, $0.regimes) }
        switch format {
        case .text:
            output.write("\(total) files checked: \(total - failed) passed, \(failed) failed\n")
            if !regimes.isEmpty { output.write(Self.regimeTable(regimes)) }
        case .json:
            break
        case .html:
            try html?.finish(into: output)
        case .junit:
            output.write(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites tests=\"\(total)\" failures=\"\(failed)\">\n")
            output.write("  <testsuite name=\"labelctl check\" tests=\"\(total)\" failures=\"\(failed)\">\n")
            output.append(contentsOf: body)
            output.write("  </testsuite>\n</testsuites>\n")
            try body.close()
        }
        try output.close()
    }

    /// Files per regime and status, as a plain-text table.
    static func regimeTable(_ counts: [RegimeReport.Regime: [RegimeReport.Status: Int]]) -> String {
        func pad(_ text: String, _ width: Int) -> String {
            String(repeating: " ", count: max(0, width - text.count)) + text
        }
        var table = "regime                      met  partial  not met\n"
        for regime in RegimeReport.Regime.allCases {
            let row = counts[regime] ?? [:]
            let title = regime.title + String(repeating: " ", count: max(0, 24 - regime.title.count))
            table +=
                title + pad(String(row[.met] ?? 0), 7) + pad(String(row[.partial] ?? 0), 9)
                + pad(String(row[.notMet] ?? 0), 9) + "\n"
        }
        return table
    }

    static func escape(_ text: String) -> String {
        var escaped = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "\n": escaped += "&#10;"
            default:
                if scalar.value < 0x20, scalar != "\t" { continue }
                escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }
}
