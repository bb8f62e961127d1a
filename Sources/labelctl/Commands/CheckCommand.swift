import ArgumentParser
import Labeler
import Synchronization

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "CI gate: verify a whole tree against a policy; exit 0 only if every file meets it.",
        discussion: """
            Requirements (--require, or per folder in --policy FILE): any (a machine-readable AI label; the default), \
            xmp/iptc, tc260, exif, c2pa (a valid manifest), c2pa-trusted (signed by a chain to --trust-anchors). Invalid labels and unreadable files always fail; a path that does not exist \
            is one failing entry. Files that are not PNG/JPEG inside folders are skipped. --format junit writes JUnit \
            XML that CI systems list per file.

            \(RunStatus.table)
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, junit, html }

    @OptionGroup var discovery: DiscoveryOptions
    @OptionGroup var trust: TrustOptions

    @Flag(name: .long, help: "Always decode image pixels to look for the invisible watermark.")
    var pixels = false

    @Flag(name: .long, help: "Never decode pixels (metadata only; the watermark layer reads not_checked).")
    var metadataOnly = false

    @Option(
        name: .long,
        help: "Comma-separated layers every file must carry (any, xmp, iptc, tc260, exif, c2pa, c2pa-trusted).")
    var require: String?

    @Flag(
        name: .long,
        help: "Also require every file's C2PA manifest to be signed by a chain to the trust anchors (c2pa-trusted).")
    var trusted = false

    @Flag(
        name: .long,
        help: "Read the pixels with Tesseract for a visible AI notice (text, box, language, ≥ 5 % height); slow.")
    var ocr = false

    @Option(
        name: .long,
        help:
            "Comma-separated regimes every file must meet (kz, eu, cn, all): each duty met, as verify reports it.")
    var requireRegime: String?

    @Option(name: .long, help: "JSON policy file with per-folder rules (see README).")
    var policy: String?

    @Option(
        name: .long,
        help:
            "Report format: text, json (JSON Lines), junit, or html (one self-contained page for a compliance officer; use with --output)."
    )
    var format: Format = .text

    @Option(name: .long, help: "Write the report to this file instead of standard output.")
    var output: String?

    @Argument(help: "Files or folders to check.")
    var paths: [String]

    func validate() throws {
        if let requireRegime {
            do { _ = try ComplianceProfile(parsing: requireRegime) } catch {
                throw ValidationError("--require-regime: " + error.message)
            }
        }
        if pixels, metadataOnly { throw ValidationError("give --pixels or --metadata-only, not both") }
        if require != nil, policy != nil { throw ValidationError("give --require or --policy, not both") }
        if trusted, policy != nil {
            throw ValidationError("--trusted goes with --require; in a policy, require c2pa-trusted")
        }
        if let require {
            for name in require.split(separator: ",") where CheckPolicy.Requirement(name: String(name)) == nil {
                throw ValidationError(
                    "unknown layer '\(name)'; choose from any, xmp, iptc, tc260, exif, c2pa, c2pa-trusted")
            }
        }
    }

    func run() throws {
        let rules: CheckPolicy
        if let policy {
            do { rules = try CheckPolicy(contentsOf: StandardStreams.argumentPath(policy)) } catch let error
                as LabelerError
            { throw CommandSupport.fail(error) }
        } else {
            var requirements =
                require.map { $0.split(separator: ",").compactMap { CheckPolicy.Requirement(name: String($0)) } }
                ?? [.any]
            if trusted, !requirements.contains(.c2paTrusted) { requirements.append(.c2paTrusted) }
            rules = CheckPolicy(default: requirements)
        }
        let regimes = try requireRegime.map { try ComplianceProfile(parsing: $0).regimes } ?? []
        let sink: CheckReportSink
        do {
            sink = try CheckReportSink(
                format: format, output: output.map(StandardStreams.argumentPath),
                context: .init(command: CommandLine.arguments, requiredRegimes: regimes))
        } catch let error as LabelerError {
            throw CommandSupport.fail(error)
        }
        let worst = Mutex(RunStatus.ok)
        BatchVerifier(
            jobs: discovery.workerCount, discovery: discovery.discovery, trustAnchors: try trust.anchors(),
            pixels: pixels ? .always : metadataOnly ? .never : .auto
        )
        .readingVisibleNotices(ocr)
        .verify(CommandSupport.paths(paths)) {
            item, report in
            let requirements = item.map { rules.requirements(for: $0.relativePath) } ?? rules.default
            let failures =
                CheckPolicy.failures(of: report, against: requirements)
                + CheckPolicy.failures(of: report, meeting: regimes)
            worst.withLock { $0 = $0.worst(RunStatus(report, failures: failures)) }
            sink.add(report: report, failures: failures)
        }
        do {
            try sink.finish()
        } catch let error as LabelerError {
            throw CommandSupport.fail(error)
        }
        let status = worst.withLock { $0 }
        if status != .ok { throw status.exitCode }
    }
}
