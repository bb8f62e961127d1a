import ArgumentParser
import Labeler

@main
struct LabelCtl: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "labelctl",
        abstract: "Stamp and verify \"AI-generated\" disclosures in PNG and JPEG files and in text.",
        discussion: """
            Writes one disclosure record as XMP (IPTC DigitalSourceType + IPTC 2025.1 AI fields + TC260:AIGC, \
            GB 45438 Annex E) and EXIF, losslessly: every byte outside the label is kept.

            \(RunStatus.table)
            """,
        version: "0.1.0",
        subcommands: [
            StampCommand.self, VerifyCommand.self, CheckCommand.self, InspectCommand.self, KeygenCommand.self,
            TextCommand.self,
        ]
    )
}
