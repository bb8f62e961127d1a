import ArgumentParser
import Labeler

/// What the commands share: paths from argv, errors on stderr, exit codes, the stamp summary.
enum CommandSupport {
    /// The command-line paths as the kernel knows them (a name that is not UTF-8 survives).
    static func paths(_ arguments: [String]) -> [FilePath] { StandardStreams.argumentPaths(arguments) }

    static func printError(_ message: String) {
        StandardStreams.writeError("labelctl: " + message + "\n")
    }

    /// Prints `error` and returns the exit code its ``RunStatus`` maps to.
    static func fail(_ error: LabelerError) -> ExitCode {
        printError(error.description)
        return RunStatus(error.code).exitCode
    }

    static func printSummary(_ summary: BatchSummary) {
        var parts: [String] = []
        for outcome in BatchRecord.Outcome.allCases where summary.count(outcome) > 0 {
            parts.append("\(summary.count(outcome)) \(outcome.rawValue.split(separator: "_").joined(separator: " "))")
        }
        let skipped = summary.skippedByDiscovery
        if skipped.hidden > 0 { parts.append("\(skipped.hidden) hidden skipped") }
        if skipped.symlinks > 0 { parts.append("\(skipped.symlinks) symlinks skipped") }
        if skipped.other > 0 { parts.append("\(skipped.other) special files skipped") }
        if summary.unjournaled > 0 { parts.append("\(summary.unjournaled) stamped but not journaled") }
        let rate =
            "\(decimal(summary.seconds, 2)) s, \(decimal(summary.filesPerSecond, 0)) files/s, \(decimal(summary.megabytesPerSecond, 1)) MB/s"
        StandardStreams.writeError("\(parts.isEmpty ? "nothing to do" : parts.joined(separator: ", ")) in \(rate)\n")
    }
}

extension RunStatus {
    /// The process exit code for this status.
    var exitCode: ExitCode { ExitCode(rawValue) }
}

/// `value` with `places` decimals (no Foundation formatting needed).
func decimal(_ value: Double, _ places: Int) -> String {
    guard value.isFinite else { return "-" }
    var scale = 1.0
    for _ in 0 ..< places { scale *= 10 }
    let scaled = (value * scale).rounded()
    let whole = Int(scaled / scale)
    guard places > 0 else { return String(whole) }
    let fraction = String(Int(abs(scaled).truncatingRemainder(dividingBy: scale)))
    let sign = value < 0 && whole == 0 ? "-" : ""
    return sign + String(whole) + "." + String(repeating: "0", count: places - fraction.count) + fraction
}
