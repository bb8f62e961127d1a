import ArgumentParser
import Labeler

struct StampCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stamp",
        abstract: "Write the disclosure into PNG/JPEG files (lossless: only the label's bytes change).",
        discussion: """
            Inputs are files or folders (walked recursively; hidden entries and symlinks skipped). The format is \
            sniffed from magic bytes. With -o, outputs mirror relative paths under OUTDIR (a single file lands at \
            OUTDIR/<name>); with --in-place, each file is replaced atomically (temp file, sync, rename).
            Files carrying a C2PA manifest are refused unless --force: editing them breaks the manifest's signature.

            \(ExitStatus.table)
            """)

    @OptionGroup var disclosure: DisclosureOptions
    @OptionGroup var discovery: DiscoveryOptions

    @Option(name: [.short, .customLong("output")], help: "Output folder.")
    var outputDirectory: String?

    @Flag(name: .long, help: "Replace the inputs atomically.")
    var inPlace = false

    @Flag(name: .long, help: "Stamp files that carry a C2PA manifest anyway (the manifest will no longer validate).")
    var force = false

    @Flag(name: .long, help: "Do not fill EXIF Software / ImageDescription in JPEGs.")
    var noExif = false

    @Flag(name: .long, help: "Stop at the first failure.")
    var failFast = false

    @Option(name: .long, help: "Append-only journal of finished files (default: OUTDIR/.labelctl-journal.jsonl with -o).")
    var journal: String?

    @Flag(name: .long, help: "Skip files the journal lists as finished (after an interruption).")
    var resume = false

    @Option(name: .long, help: "Write one JSON line per file (path, outcome, content ID, bytes, ms) to this file.")
    var report: String?

    @Flag(name: .shortAndLong, help: "Print only errors.")
    var quiet = false

    @Argument(help: "Files or folders to stamp.")
    var inputs: [String]

    func validate() throws {
        guard (outputDirectory != nil) != inPlace else { throw ValidationError("give exactly one of -o OUTDIR or --in-place") }
        if resume, journal == nil, inPlace { throw ValidationError("--resume with --in-place needs --journal PATH") }
    }

    func run() throws {
        let stamper = try Stamper(disclosure: try disclosure.disclosure(), options: StampOptions(force: force, writeEXIF: !noExif))
        let found = try CommandSupport.discover(inputs, with: discovery.discovery)
        if disclosure.contentID != nil, found.items.count > 1 {
            throw ValidationError("--content-id names one output; \(found.items.count) files were given")
        }
        if outputDirectory != nil, inputs.count > 1 {
            // Several inputs can mirror to the same relative path (a/x.png and b/x.png → OUT/x.png).
            var firstInput: [String: String] = [:]
            for item in found.items {
                if let other = firstInput.updateValue(item.path, forKey: item.relativePath) {
                    throw ValidationError("'\(other)' and '\(item.path)' would both be written to \(item.relativePath) under -o; stamp them separately")
                }
            }
        }
        let destination: BatchPipeline.Destination = outputDirectory.map { .directory($0) } ?? .inPlace
        let journalPath = journal ?? outputDirectory.map { ($0.hasSuffix("/") ? String($0.dropLast()) : $0) + "/.labelctl-journal.jsonl" }
        if let outputDirectory { try CommandSupport.makeDirectory(outputDirectory) }
        let pipeline = BatchPipeline(stamper: stamper, configuration: .init(
            jobs: discovery.workerCount, failFast: failFast, journalPath: journalPath, resume: resume))
        let reportWriter = try report.map(JSONLinesFile.init(path:))
        let progress = ProgressBar(enabled: !quiet, total: found.items.count)
        let summary = try pipeline.stamp(found.items, to: destination) { record, summary in
            if record.outcome == .failed, let error = record.error { progress.printAbove("error: \(error)") }
            reportWriter?.append(record)
            progress.update(done: summary.processed, bytes: summary.bytesRead, seconds: summary.seconds)
        }
        progress.finish()
        try reportWriter?.close()
        var full = summary
        full.skippedByDiscovery = found.skipped
        if !quiet { CommandSupport.printSummary(full) }
        if full.count(.failed) > 0 {
            throw (full.worstError == "io" ? ExitStatus.ioError : .dataError).exitCode
        }
    }
}
