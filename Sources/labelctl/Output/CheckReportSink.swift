import ArgumentParser
import Labeler
import Synchronization

/// Collects `check` results and renders them as text, JSON Lines or JUnit XML.
final class CheckReportSink: Sendable {
    private struct State {
        var lines: [String] = []
        var total = 0
        var failed = 0
    }

    private let format: CheckCommand.Format
    private let state = Mutex(State())

    init(format: CheckCommand.Format) { self.format = format }

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
            }
            line = ReportRenderer.json(
                Entry(path: report.path, passed: failures.isEmpty, verdict: report.verdict, failures: failures))
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
            if let line { state.lines.append(line) }
        }
    }

    func finish(to path: FilePath?) throws {
        let (lines, total, failed) = state.withLock { ($0.lines, $0.total, $0.failed) }
        var text: String
        switch format {
        case .text:
            text =
                lines.map { $0 + "\n" }.joined()
                + "\(total) files checked: \(total - failed) passed, \(failed) failed\n"
        case .json:
            text = lines.map { $0 + "\n" }.joined()
        case .junit:
            text =
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites tests=\"\(total)\" failures=\"\(failed)\">\n"
            text += "  <testsuite name=\"labelctl check\" tests=\"\(total)\" failures=\"\(failed)\">\n"
            text += lines.map { $0 + "\n" }.joined() + "  </testsuite>\n</testsuites>\n"
        }
        guard let path else {
            print(text, terminator: "")
            return
        }
        let file = try ReportFile(path: path)
        file.write(text)
        try file.close()
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
