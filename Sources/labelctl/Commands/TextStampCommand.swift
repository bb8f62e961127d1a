import ArgumentParser
import Foundation
import Labeler
import LabelerC2PA

struct TextStampCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stamp",
        abstract: "Write a visible notice and machine-readable disclosure into text files or standard input.",
        discussion: """
            plain: a notice line per --lang language at the start or end. markdown: a blockquote notice (never \
            inside front matter or a fenced code block) and YAML front matter AIGC: with the seven GB 45438 Annex E \
            keys, merged into existing front matter. json/jsonl: a disclosure object at --json-key in the (each) \
            object, and with --notice-in the notice inside that string. Re-stamping replaces, never doubles. BOM, \
            line endings and the final newline are kept; UTF-16 is refused (convert to UTF-8 first).
            Without -o or --in-place the result goes to standard output (one input). FILE '-' or none: standard input, \
            streamed as plain text (unless --format says otherwise) with constant memory: the notice goes out at once, \
            the text as it arrives, and with --sign the C2PA text manifest at the end covers all of it. With several \
            inputs or folders, -o names a folder; folders are walked (.txt .md .json .jsonl …) through the same \
            crash-safe batch pipeline as images (atomic, journaled, --resume). --sign appends a C2PA 2.4 A.8 text \
            manifest (invisible characters; in JSON, inside the disclosure object's c2pa_manifest string).

            \(RunStatus.table)
            """)

    @OptionGroup var disclosure: DisclosureOptions
    @OptionGroup var profiles: ProfileOptions
    @OptionGroup var text: TextFormatOptions
    @OptionGroup var signing: SigningOptions
    @OptionGroup var discovery: DiscoveryOptions

    @Flag(name: .long, help: "Skip files the journal lists as finished (folders; after an interruption).")
    var resume = false

    @Option(name: .long, help: "Where the notice goes: start or end.")
    var position: String = "start"

    @Option(
        name: .customLong("notice-in"),
        help: "JSON: key path of a string that gets the notice (choices.0.message.content).")
    var noticeIn: String?

    @Flag(name: .long, help: "Write no visible notice (machine-readable layers only).")
    var noNotice = false

    @Option(name: [.short, .customLong("output")], help: "Output file (one input) or folder.")
    var output: String?

    @Flag(name: .long, help: "Replace the inputs atomically.")
    var inPlace = false

    @Flag(name: .shortAndLong, help: "Print only errors.")
    var quiet = false

    @Argument(help: "Text files, or '-' for standard input (the default).")
    var inputs: [String] = []

    private var sources: [String] { inputs.isEmpty ? ["-"] : inputs }

    func validate() throws {
        guard NoticePosition(rawValue: position) != nil else {
            throw ValidationError("--position must be start or end")
        }
        if inPlace, output != nil { throw ValidationError("give -o OUT or --in-place, not both") }
        if inPlace, sources.contains("-") { throw ValidationError("--in-place needs files, not standard input") }
        if sources.filter({ $0 == "-" }).count > 1 { throw ValidationError("standard input can be read once") }
        if sources.count > 1, output == nil, !inPlace {
            throw ValidationError("several inputs need -o FOLDER or --in-place")
        }
        if let noticeIn { _ = try Self.keyPath(noticeIn, "--notice-in") }
        // Signing options are checked in run(), once the profile and config file are merged in.
        if disclosure.contentID != nil, sources.count > 1 {
            throw ValidationError("--content-id names one output; \(sources.count) inputs were given")
        }
    }

    func run() throws {
        var options = TextStampOptions(
            position: NoticePosition(rawValue: position) ?? .start, format: try text.textFormat(),
            wording: try text.wording(), writeNotice: !noNotice,
            jsonKeyPath: try text.keyPath(), noticeIn: try noticeIn.map { try Self.keyPath($0, "--notice-in") })
        let config = try profiles.loadConfig()
        let profile = try profiles.resolvedProfile(config)
        let signing = try self.signing.merged(
            with: config, signs: profile?.signsText ?? false, timeStamps: profile?.timeStamps ?? false,
            profile: profile)
        options.signer = try signing.loadSigner()
        options.timeStampAuthority = try signing.timeStampAuthority()
        if profile?.visibleLabel == true, noNotice {
            throw ValidationError(
                "--no-notice contradicts --profile \(profile?.description ?? ""): its regimes need the notice")
        }
        let mayBeJSON =
            [.json, .jsonl].contains(try text.textFormat())
            || sources.contains { $0.hasSuffix(".json") || $0.hasSuffix(".jsonl") || Self.isFolder($0) }
        if !quiet, profile?.visibleLabel == true, noticeIn == nil, mayBeJSON {
            CommandSupport.printError(
                "note: JSON and JSON Lines inputs get the notice only with --notice-in PATH (the string the reader "
                    + "sees, e.g. choices.0.message.content); without it their KZ and CN duties read not met")
        }
        let disclosure = try self.disclosure.merged(with: config, profile: profile).disclosure()
        if !quiet, let profile {
            CommandSupport.printError(
                "note: profile \(profile): notice in \(disclosure.languages.map(\.rawValue).joined(separator: ",")), "
                    + "AIGC label, "
                    + (options.signer == nil
                        ? "unsigned"
                        : signing.tsa != nil ? "C2PA text manifest signed + time-stamped" : "C2PA text manifest signed")
            )
        }
        let stamper: TextStamper
        do { stamper = try TextStamper(disclosure: disclosure, options: options) } catch let error
            as LabelerError
        { throw CommandSupport.fail(error) }
        if sources == ["-"], output == nil, options.format == nil || options.format == .plain {
            return try TextStreamCommand.run(stamper, quiet: quiet)
        }
        if inPlace || sources.count > 1 || sources.contains(where: Self.isFolder) {
            return try TextBatch.run(
                stamper, inputs: sources, output: output, discovery: discovery, resume: resume, quiet: quiet)
        }
        var worst = RunStatus.ok
        for source in sources {
            do {
                let stamped = try stamp(source, with: stamper)
                if !quiet, output != nil || inPlace {
                    CommandSupport.printError(
                        "note: \(source == "-" ? "<stdin>" : source): stamped as \(stamped.format.rawValue) "
                            + "(by \(stamped.detection.detectedBy.rawValue)), ProduceID \(stamped.disclosure.contentID ?? "")"
                    )
                }
            } catch let error as LabelerError {
                CommandSupport.printError(error.description)
                worst = worst.worst(RunStatus(error.code))
            }
        }
        if worst != .ok { throw worst.exitCode }
    }

    private func stamp(_ source: String, with stamper: TextStamper) throws -> StampedText {
        if source == "-" {
            let bytes = [UInt8](FileHandle.standardInput.readDataToEndOfFile())
            guard let destination = try destination(for: nil) else {
                let stamped: StampedText
                do { stamped = try stamper.stamp(bytes) } catch let error as LabelerError {
                    throw error.at(path: "<stdin>")
                }
                try writeStandardOutput(stamped.output(from: bytes))
                return stamped
            }
            return try Labeler.stampText(bytes, to: destination, with: stamper)
        }
        let path = StandardStreams.argumentPath(source)
        guard let destination = try inPlace ? path : destination(for: path) else {
            let (stamped, bytes) = try Labeler.stampText(file: path, with: stamper)
            try writeStandardOutput(bytes)
            return stamped
        }
        return try Labeler.stampText(file: path, to: destination, with: stamper)
    }

    /// `-o` as a file (one input) or a folder (several inputs, or an existing folder); `nil`: stdout.
    private func destination(for input: FilePath?) throws -> FilePath? {
        guard let output else { return nil }
        let target = StandardStreams.argumentPath(output)
        var isFolder: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: output, isDirectory: &isFolder)
        guard sources.count > 1 || (exists && isFolder.boolValue) else { return target }
        if !exists { try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true) }
        guard let input else {
            throw LabelerError(.invalidRequest, "standard input has no name: give -o a file name, not a folder")
        }
        return target.appending(input.name)
    }

    private func writeStandardOutput(_ bytes: [UInt8]) throws {
        let stdout = ReportFile.standardOutput()
        stdout.write(bytes)
        try stdout.close()
    }

    static func isFolder(_ path: String) -> Bool {
        var isFolder: ObjCBool = false
        return path != "-" && FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) && isFolder.boolValue
    }

    static func keyPath(_ text: String, _ option: String) throws -> JSONKeyPath {
        do { return try JSONKeyPath(parsing: text) } catch let error as LabelerError {
            throw ValidationError("\(option): " + error.message)
        }
    }
}
