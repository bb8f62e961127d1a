import ArgumentParser
import Foundation
import Labeler
import Synchronization

/// `check --format html`: one self-contained page a compliance officer can file — inline CSS, no
/// scripts, no network. Counts per regime and per layer, every failing file with its reasons,
/// the signer and time-stamp of every signed file, and the command and version that made it.
///
/// Streamed like the JUnit report: rows go to two unnamed scratch files as files are checked and
/// are copied under the summary (which needs the final counts) at the end, so memory stays flat.
/// Every count cell carries an `id` (`total`, `passed`, `failed`, `regime-kz-met`,
/// `layer-c2pa-present`, …) so a reader — or a test in a headless browser — can find it.
final class HTMLAuditReport: Sendable {
    struct Counts {
        var total = 0
        var failed = 0
        var regimes: [RegimeReport.Regime: [RegimeReport.Status: Int]] = [:]
        var layers: [LayerReport.Name: [LayerReport.Status: Int]] = [:]
        var signed = 0
    }

    private let counts = Mutex(Counts())
    private let failures: ReportFile
    private let signed: ReportFile
    private let context: CheckReportSink.Context

    init(context: CheckReportSink.Context) throws {
        self.context = context
        failures = try ReportFile.scratch()
        signed = try ReportFile.scratch()
    }

    /// Counts `report` and writes its rows; called in walk order, one call at a time.
    func add(report: VerificationReport, failures reasons: [CheckPolicy.Failure]) {
        let path = Self.escape(report.path?.description ?? "-")
        counts.withLock { counts in
            counts.total += 1
            if !reasons.isEmpty { counts.failed += 1 }
            for regime in report.regimes { counts.regimes[regime.regime, default: [:]][regime.status, default: 0] += 1 }
            for layer in report.layers { counts.layers[layer.name, default: [:]][layer.status, default: 0] += 1 }
            if report.layer(.c2pa)?.status == .present { counts.signed += 1 }
        }
        if !reasons.isEmpty {
            let items = reasons.map { "<li>\(Self.escape($0.message))</li>" }.joined()
            failures.write(
                "<tr class=\"failing\"><td><code>\(path)</code></td><td>\(report.verdict.rawValue)</td><td><ul>\(items)</ul></td></tr>\n"
            )
        }
        if let c2pa = report.layer(.c2pa), c2pa.status == .present {
            let field = { (name: String) in Self.escape(c2pa.fields[name] ?? "—") }
            signed.write(
                "<tr class=\"signed\"><td><code>\(path)</code></td><td>\(field("Signer"))</td><td>\(field("ValidationState"))</td>"
                    + "<td>\(field("TimeStamp"))</td><td>\(field("TimeStampAuthority"))</td></tr>\n")
        }
    }

    /// Writes the page to `output`.
    func finish(into output: ReportFile) throws {
        let counts = counts.withLock { $0 }
        let generated = ISO8601DateFormatter().string(from: Date())
        var page = """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8">
            <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
            <title>labelctl audit report</title>
            <style>
            body{font:14px/1.45 system-ui,sans-serif;margin:2em;color:#111}table{border-collapse:collapse;margin:.5em 0 1.5em}
            td,th{border:1px solid #bbb;padding:.3em .6em;text-align:left;vertical-align:top}th{background:#eee}
            td.n{text-align:right;font-variant-numeric:tabular-nums}.bad{color:#a00;font-weight:600}.ok{color:#070;font-weight:600}
            ul{margin:0;padding-left:1.2em}code{font-size:13px}
            </style></head><body>
            <h1>AI-content labelling audit</h1>
            <p>Made by <code>\(Self.escape(context.command.joined(separator: " ")))</code> —
            labelctl \(LabelCtl.configuration.version), \(generated).</p>
            <h2>Summary</h2>
            <table><tr><th>files checked</th><th>passed</th><th>failed</th><th>signed (C2PA valid)</th></tr>
            <tr><td class="n" id="total">\(counts.total)</td><td class="n ok" id="passed">\(counts.total - counts.failed)</td>
            <td class="n\(counts.failed > 0 ? " bad" : "")" id="failed">\(counts.failed)</td><td class="n" id="signed">\(counts.signed)</td></tr></table>

            """
        if !context.requiredRegimes.isEmpty {
            page += "<p>Required regimes: \(context.requiredRegimes.map { $0.title }.joined(separator: ", ")).</p>\n"
        }
        page += "<h2>Per regime</h2>\n<table><tr><th>regime</th><th>met</th><th>partial</th><th>not met</th></tr>\n"
        for regime in RegimeReport.Regime.allCases {
            let row = counts.regimes[regime] ?? [:]
            page += "<tr><td>\(Self.escape(regime.title))</td>"
            for status in [RegimeReport.Status.met, .partial, .notMet] {
                page += "<td class=\"n\" id=\"regime-\(regime.rawValue)-\(status.rawValue)\">\(row[status] ?? 0)</td>"
            }
            page += "</tr>\n"
        }
        page += "</table>\n<h2>Per layer</h2>\n"
        page += "<table><tr><th>layer</th><th>present</th><th>absent</th><th>invalid</th><th>not checked</th></tr>\n"
        for layer in LayerReport.Name.allCases where counts.layers[layer] != nil {
            let row = counts.layers[layer] ?? [:]
            page += "<tr><td>\(layer.rawValue)</td>"
            for status in [LayerReport.Status.present, .absent, .invalid, .notChecked] {
                page += "<td class=\"n\" id=\"layer-\(layer.rawValue)-\(status.rawValue)\">\(row[status] ?? 0)</td>"
            }
            page += "</tr>\n"
        }
        page += "</table>\n<h2>Failing files</h2>\n"
        output.write(page)
        if counts.failed == 0 {
            output.write("<p class=\"ok\">None: every file meets what was required.</p>\n")
        } else {
            output.write("<table id=\"failing\"><tr><th>file</th><th>verdict</th><th>why</th></tr>\n")
            output.append(contentsOf: failures)
            output.write("</table>\n")
        }
        output.write("<h2>Signed files</h2>\n")
        if counts.signed == 0 {
            output.write("<p>No file carries a valid C2PA manifest.</p>\n")
        } else {
            output.write(
                "<table id=\"signed-files\"><tr><th>file</th><th>signer</th><th>state</th><th>time-stamp</th><th>time-stamp authority</th></tr>\n"
            )
            output.append(contentsOf: signed)
            output.write("</table>\n")
        }
        output.write("</body></html>\n")
        try failures.close()
        try signed.close()
    }

    static func escape(_ text: String) -> String { CheckReportSink.escape(text) }
}
