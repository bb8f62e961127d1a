import ArgumentParser
import Labeler

struct TextCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "text",
        abstract: "Stamp and verify AI disclosures in text: plain, Markdown, JSON and JSON Lines.",
        subcommands: [TextStampCommand.self, TextVerifyCommand.self])
}
