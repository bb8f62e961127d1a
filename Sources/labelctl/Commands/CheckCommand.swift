import ArgumentParser
import Labeler

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "check", abstract: "CI gate (see issue 3).")

    @Argument var paths: [String]

    func run() throws {
        throw ValidationError("check is not available yet")
    }
}
