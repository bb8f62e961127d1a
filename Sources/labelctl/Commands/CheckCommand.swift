import ArgumentParser
import Labeler
import Synchronization

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "CI gate: verify a whole tree against a policy; exit 0 only if every file meets it.",
        discussion: """
            Requirements (--require, or per folder in --policy FILE): any (a machine-readable AI label; the default), \
            xmp/iptc, tc260, exif, c2pa. Invalid labels and unreadable files always fail. Files that are not \
            PNG/JPEG inside folders are skipped. --format junit writes JUnit XML that CI systems list per file.

            \(ExitStatus.table)
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, junit }

    @OptionGroup var discovery: DiscoveryOptions

    @Option(name: .long, help: "Comma-separated layers every file must carry (any, xmp, iptc, tc260, exif, c2pa).")
    var require: String?

    @Option(name: .long, help: "JSON policy file with per-folder rules (see README).")
    var policy: String?

    @Option(name: .long, help: "Report format: text, json (JSON Lines) or junit.")
    var format: Format = .text

    @Option(name: .long, help: "Write the report to this file instead of standard output.")
    var output: String?

    @Argument(help: "Files or folders to check.")
    var paths: [String]

    func validate() throws {
        if require != nil, policy != nil { throw ValidationError("give --require or --policy, not both") }
        if let require {
            for name in require.split(separator: ",") where CheckPolicy.Requirement(name: String(name)) == nil {
                throw ValidationError("unknown layer '\(name)'; choose from any, xmp, iptc, tc260, exif, c2pa")
            }
        }
    }

    func run() throws {
        let rules: CheckPolicy
        if let policy {
            do { rules = try CheckPolicy(contentsOf: policy) } catch let error as LabelerError {
                CommandSupport.printError(error.description)
                throw ExitStatus(error).exitCode
            }
        } else {
            rules = CheckPolicy(default: require.map { $0.split(separator: ",").compactMap { CheckPolicy.Requirement(name: String($0)) } } ?? [.any])
        }
        let found = try CommandSupport.discover(paths, with: discovery.discovery)
        let sink = CheckReportSink(format: format)
        let worst = Mutex(ExitStatus.ok)
        BatchVerifier(jobs: discovery.workerCount).verify(found.items) { item, report in
            guard let report else { return }
            let failures = CheckPolicy.failures(of: report, against: rules.requirements(for: item.relativePath))
            if !failures.isEmpty {
                let status = report.verdict == .labelled ? ExitStatus.unlabelled
                    : ExitStatus(report.verdict, errorIsIO: report.errorCode == LabelerError.Code.io.description)
                worst.withLock { $0 = max($0, status == .ok ? .unlabelled : status) }
            }
            sink.add(report: report, failures: failures)
        }
        try sink.finish(to: output)
        let status = worst.withLock { $0 }
        if status != .ok { throw status.exitCode }
    }
}
