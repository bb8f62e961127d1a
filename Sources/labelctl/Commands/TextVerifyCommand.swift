import ArgumentParser
import Foundation
import Labeler

struct TextVerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Find and check AI disclosures in text, per layer and per regime (KZ, EU, CN).",
        discussion: """
            Layers: notice (visible lines at the start or end: which languages), front_matter (Markdown AIGC: \
            mapping), json_disclosure (the object at --json-key; in JSON Lines, every record), tc260 (the GB 45438 \
            Annex E label wherever it is), c2pa (the C2PA 2.4 A.8 text manifest: signature, NFC data hash, trust). \
            A notice without the invisible manifest is a warning (unsigned, or stripped by a sanitiser). The report says \
            which format the text was taken to be and why (detectedBy: option, extension or content).
            --json prints one object per input (JSON Lines), as verify does for images.

            \(RunStatus.table)
            """)

    @OptionGroup var text: TextFormatOptions
    @OptionGroup var trust: TrustOptions

    @Flag(name: .long, help: "One JSON object per input, one per line.")
    var json = false

    @Flag(name: .shortAndLong, help: "Print nothing; only the exit code tells.")
    var quiet = false

    @Argument(help: "Text files, or '-' for standard input (the default).")
    var inputs: [String] = []

    func run() throws {
        let verifier = TextVerifier(
            format: try text.textFormat(), wording: try text.wording(), jsonKeyPath: try text.keyPath(),
            trustAnchors: try trust.anchors())
        var worst = RunStatus.ok
        for source in inputs.isEmpty ? ["-"] : inputs {
            var report: VerificationReport
            if source == "-" {
                report = verifier.verify([UInt8](FileHandle.standardInput.readDataToEndOfFile()))
                report.path = FilePath("-")
            } else {
                report = Labeler.verifyText(file: StandardStreams.argumentPath(source), with: verifier)
            }
            worst = worst.worst(RunStatus(report))
            if !quiet { print(json ? ReportRenderer.json(report) : ReportRenderer.text(report)) }
        }
        if worst != .ok { throw worst.exitCode }
    }
}
