import ArgumentParser
import Foundation
import Labeler
import LabelerC2PA

struct StampCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stamp",
        abstract:
            "Write the disclosure into PNG/JPEG files (lossless: only the label's bytes change; --visible also draws it).",
        discussion: """
            Inputs are files or folders (walked recursively; hidden entries and symlinks skipped). The format is \
            sniffed from magic bytes. With -o, outputs mirror relative paths under OUTDIR (a single file lands at \
            OUTDIR/<name>); OUTDIR may not be an input folder or lie inside one. With --in-place, each file is \
            replaced atomically (temp file, sync, rename), keeping its owner, group and permission bits; a named \
            symlink's target is stamped; files with several hard links are refused.
            Files carrying a C2PA manifest are refused unless --sign (the old manifest becomes the new one's parent \
            ingredient) or --force (editing them breaks the manifest's signature).
            With --visible, the notice (--lang languages, one line each: "AI-generated", "Создано с помощью ИИ", \
            "ЖИ жасаған", "AI生成") is drawn on an opaque contrasting plate in a corner of the picture as viewed \
            (EXIF orientation honoured), glyphs at least 5 % of the shortest side (GB 45438 §5.2), wrapped or \
            shortened on narrow images; the image is re-encoded like its source (PNG lossless; JPEG at its \
            estimated quality and subsampling) with its metadata carried over, then labelled and signed as usual.
            With --watermark, an invisible spread-spectrum mark (64 bits: scheme, an ID from the content ID, CRC; \
            luma only, 128-px tiles, PSNR ≥ --watermark-psnr, default 40 dB) is embedded after any visible label; \
            the XMP records it (LabelerWatermark namespace) and, with --sign, the manifest carries it as a \
            c2pa.soft-binding. Images under 128 px a side or too flat are refused ("cannot watermark").
            The journal (for --resume) lives outside the output tree, under $XDG_STATE_HOME/labelctl/journals/.

            \(RunStatus.table)
            """)

    @OptionGroup var disclosure: DisclosureOptions
    @OptionGroup var profiles: ProfileOptions
    @OptionGroup var discovery: DiscoveryOptions
    @OptionGroup var signing: SigningOptions

    @Option(name: [.short, .customLong("output")], help: "Output folder.")
    var outputDirectory: String?

    @Flag(name: .long, help: "Replace the inputs atomically.")
    var inPlace = false

    @Flag(name: .long, help: "Stamp files that carry a C2PA manifest anyway (the manifest will no longer validate).")
    var force = false

    @Flag(name: .long, help: "Do not fill EXIF Software / ImageDescription in JPEGs.")
    var noExif = false

    @Flag(
        inversion: .prefixedNo,
        help: "Also draw the notice into the pixels (re-encodes the image; see above). Default: on for --profile kz/cn."
    )
    var visible: Bool?

    @Flag(
        inversion: .prefixedNo,
        help:
            "Also embed the invisible watermark (luma, blind-detectable by verify; re-encodes the image). Default: on for --profile eu."
    )
    var watermark: Bool?

    @Option(name: .long, help: "Target PSNR of the watermark in dB (with --watermark; higher is weaker).")
    var watermarkPsnr: Double = WatermarkOptions.defaultTargetPSNR

    @Option(name: .long, help: "Corner of the visible label (with --visible; default bottom-right).")
    var corner: LabelCorner?

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
        // --corner and --watermark-psnr are checked in run(), against the layers the profile turns on.
        if !(30 ... 60).contains(watermarkPsnr) { throw ValidationError("--watermark-psnr must be 30…60 dB") }
        if resume, journal == nil, inPlace { throw ValidationError("--resume with --in-place needs --journal PATH") }
        // Signing options are checked in run(), once the profile and config file are merged in.
        if disclosure.contentID != nil, inputs.count > 1 {
            throw ValidationError("--content-id names one output; \(inputs.count) inputs were given")
        }
    }

    func run() throws {
        let config = try profiles.loadConfig()
        let profile = try profiles.resolvedProfile(config)
        let signing = try self.signing.merged(
            with: config, signs: profile?.signs ?? false, timeStamps: profile?.timeStamps ?? false, profile: profile)
        let drawsLabel = visible ?? profile?.visibleLabel ?? false
        let marks = watermark ?? profile?.watermark ?? false
        var corner = self.corner
        if corner == nil, let name = config?.corner {
            guard let named = LabelCorner(rawValue: name) else {
                throw ValidationError(
                    "corner = \"\(name)\" in \(config?.path ?? "the config"): top-left, top-right, bottom-left or bottom-right"
                )
            }
            corner = named
        }
        if self.corner != nil, !drawsLabel { throw ValidationError("--corner needs --visible") }
        if watermarkPsnr != WatermarkOptions.defaultTargetPSNR, !marks {
            throw ValidationError("--watermark-psnr needs --watermark")
        }
        let signer = try signing.loadSigner()
        let stamper = try Stamper(
            disclosure: try disclosure.merged(with: config, profile: profile).disclosure(),
            options: StampOptions(
                force: force, writeEXIF: !noExif, signer: signer, timeStampAuthority: try signing.timeStampAuthority(),
                visibleLabel: drawsLabel ? VisibleLabelOptions(corner: (corner ?? .bottomRight).option) : nil,
                watermark: marks ? WatermarkOptions(targetPSNR: watermarkPsnr) : nil))
        if !quiet, let profile {
            CommandSupport.printError(
                "note: profile \(profile): "
                    + Self.layers(
                        drawsLabel: drawsLabel, marks: marks, signs: signer != nil, stamps: signing.tsa != nil))
        }
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
}

extension StampCommand {
    /// The layers a run writes, in words, for the profile note.
    static func layers(drawsLabel: Bool, marks: Bool, signs: Bool, stamps: Bool) -> String {
        var layers = ["XMP/IPTC + TC260 + EXIF"]
        if drawsLabel { layers.append("visible label") }
        if marks { layers.append("watermark") }
        if signs { layers.append(stamps ? "C2PA signed + time-stamped" : "C2PA signed") }
        return layers.joined(separator: ", ")
    }
}

/// `--corner`: the corner of the picture as viewed that holds the visible label.
enum LabelCorner: String, ExpressibleByArgument, CaseIterable {
    case topLeft = "top-left"
    case topRight = "top-right"
    case bottomLeft = "bottom-left"
    case bottomRight = "bottom-right"

    var option: VisibleLabelOptions.Corner { VisibleLabelOptions.Corner(rawValue: rawValue) ?? .bottomRight }
}
