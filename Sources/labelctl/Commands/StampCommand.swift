import ArgumentParser
import Foundation
import Labeler
import LabelerC2PA

struct StampCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stamp",
        abstract: "Write the disclosure into PNG/JPEG files (lossless: only the label's bytes change).",
        discussion: """
            Inputs are files or folders (walked recursively; hidden entries and symlinks skipped). The format is \
            sniffed from magic bytes. With -o, outputs mirror relative paths under OUTDIR (a single file lands at \
            OUTDIR/<name>); OUTDIR may not be an input folder or lie inside one. With --in-place, each file is \
            replaced atomically (temp file, sync, rename), keeping its owner, group and permission bits; a named \
            symlink's target is stamped; files with several hard links are refused.
            Files carrying a C2PA manifest are refused unless --sign (the old manifest becomes the new one's parent \
            ingredient) or --force (editing them breaks the manifest's signature).
            The journal (for --resume) lives outside the output tree, under $XDG_STATE_HOME/labelctl/journals/.

            \(RunStatus.table)
            """)

    @OptionGroup var disclosure: DisclosureOptions
    @OptionGroup var discovery: DiscoveryOptions

    @Option(name: [.short, .customLong("output")], help: "Output folder.")
    var outputDirectory: String?

    @Flag(name: .long, help: "Replace the inputs atomically.")
    var inPlace = false

    @Flag(name: .long, help: "Stamp files that carry a C2PA manifest anyway (the manifest will no longer validate).")
    var force = false

    @Flag(
        name: .long,
        help: """
            Also sign: a C2PA manifest (claim v2, c2pa.actions.v2 with the digital source type, cawg.metadata, \
            c2pa.hash.data); a manifest already in the file is kept as the parent ingredient.
            """)
    var sign = false

    @Option(
        name: .long,
        help: "With --sign: the certificate chain, PEM, leaf first (default: the per-user development key).")
    var cert: String?

    @Option(name: .long, help: "With --sign: the private key, PEM (PKCS#8 or SEC1; P-256, P-384 or Ed25519).")
    var key: String?

    @Option(
        name: .long,
        help:
            "With --sign and --cert: a program that signs (reads the bytes on stdin, writes the signature on stdout), run with /bin/sh -c, instead of --key: a KMS, HSM or PKCS#11 client."
    )
    var signerCommand: String?

    @Option(
        name: .long,
        help:
            "With --sign: an RFC 3161 time-stamp authority (http or https URL) that time-stamps each signature (sigTst2). Without it, signing is offline."
    )
    var tsa: String?

    @Flag(name: .long, help: "Do not fill EXIF Software / ImageDescription in JPEGs.")
    var noExif = false

    @Flag(name: .long, help: "Stop at the first failure.")
    var failFast = false

    @Option(
        name: .long,
        help:
            "Append-only journal of finished files (default with -o: under $XDG_STATE_HOME/labelctl/journals/, mode 0600)."
    )
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
        guard (outputDirectory != nil) != inPlace else {
            throw ValidationError("give exactly one of -o OUTDIR or --in-place")
        }
        if resume, journal == nil, inPlace { throw ValidationError("--resume with --in-place needs --journal PATH") }
        if let signerCommand {
            guard sign, cert != nil, key == nil, !signerCommand.isEmpty else {
                throw ValidationError("--signer-command goes with --sign and --cert CHAIN.pem, instead of --key")
            }
        } else if sign, (cert == nil) != (key == nil) {
            throw ValidationError("give both --cert CHAIN.pem and --key KEY.pem, or neither (the development key)")
        }
        if !sign, cert != nil || key != nil { throw ValidationError("--cert and --key are for --sign") }
        if tsa != nil, !sign { throw ValidationError("--tsa URL time-stamps signatures: it goes with --sign") }
        if disclosure.contentID != nil, inputs.count > 1 {
            throw ValidationError("--content-id names one output; \(inputs.count) inputs were given")
        }
    }

    func run() throws {
        let signer = try loadSigner()
        let stamper = try Stamper(
            disclosure: try disclosure.disclosure(),
            options: StampOptions(
                force: force, writeEXIF: !noExif, signer: signer, timeStampAuthority: try timeStampAuthority()))
        let inputs = CommandSupport.paths(inputs)
        let destination: BatchPipeline.Destination =
            outputDirectory.map { .directory(StandardStreams.argumentPath($0)) } ?? .inPlace
        let journalPath =
            journal.map(StandardStreams.argumentPath) ?? BatchPipeline.defaultJournalPath(for: destination)
        let pipeline = BatchPipeline(
            stamper: stamper,
            configuration: .init(
                jobs: discovery.workerCount, failFast: failFast, journalPath: journalPath, resume: resume,
                discovery: discovery.discovery))
        let reportFile: ReportFile?
        do { reportFile = try report.map { try ReportFile(path: StandardStreams.argumentPath($0)) } } catch let error
            as LabelerError
        { throw CommandSupport.fail(error) }
        let progress = ProgressBar(enabled: !quiet)
        let summary: BatchSummary
        do {
            summary = try pipeline.stamp(inputs, to: destination) { record, summary in
                if record.outcome == .failed, let error = record.error { progress.printAbove("error: \(error)") }
                if let warning = record.warning { progress.printAbove("warning: \(record.path): \(warning)") }
                reportFile?.write(ReportRenderer.json(record) + "\n")
                progress.update(done: summary.processed, bytes: summary.bytesRead, seconds: summary.seconds)
            }
        } catch let error as LabelerError {
            progress.finish()
            throw CommandSupport.fail(error)
        }
        progress.finish()
        do { try reportFile?.close() } catch let error as LabelerError { throw CommandSupport.fail(error) }
        if !quiet { CommandSupport.printSummary(summary) }
        let status = RunStatus(summary)
        if status != .ok { throw status.exitCode }
    }

    /// The authority of `--tsa`; a malformed URL is a usage error, before any file is read.
    private func timeStampAuthority() throws -> (any TimeStampAuthority)? {
        guard let tsa else { return nil }
        do {
            guard let url = URL(string: tsa) else { throw ValidationError("--tsa: '\(tsa)' is not a URL") }
            return try HTTPTimeStampAuthority(url: url)
        } catch {
            CommandSupport.printError("--tsa: \(error)")
            throw RunStatus.usage.exitCode
        }
    }

    /// The signer of `--sign`, from `--cert` and `--key`; a key that does not match the leaf
    /// certificate is refused here, before any file is read.
    private func loadSigner() throws -> (any Signer)? {
        guard sign else { return nil }
        if let signerCommand, let cert {
            do {
                return try CommandSigner(
                    command: signerCommand, chainPEM: try ReportFile.readText(StandardStreams.argumentPath(cert)))
            } catch let error as LabelerError {
                throw CommandSupport.fail(error)
            } catch {
                CommandSupport.printError("--signer-command: \(error)")
                throw RunStatus.usage.exitCode
            }
        }
        guard let cert, let key else {
            do {
                let (signer, created) = try DevelopmentKeyStore.signer()
                if created {
                    CommandSupport.printError(
                        "note: made a development signing key and root in \(DevelopmentKeyStore.folder) (validators trust it once root.pem is among their anchors)"
                    )
                }
                return signer
            } catch let error as LabelerError {
                throw CommandSupport.fail(error)
            }
        }
        do {
            let chain = try ReportFile.readText(StandardStreams.argumentPath(cert))
            let pem = try ReportFile.readText(StandardStreams.argumentPath(key))
            return try LocalSigner(keyPEM: pem, chainPEM: chain)
        } catch let error as LabelerError {
            throw CommandSupport.fail(error)
        } catch {
            CommandSupport.printError("--sign: \(error)")
            throw RunStatus.usage.exitCode
        }
    }
}
