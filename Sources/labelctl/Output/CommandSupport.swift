import ArgumentParser
import Labeler
#if canImport(Glibc)
import Glibc
#endif

/// Pieces the commands share: discovery with readable errors, folders, summaries, stderr.
enum CommandSupport {
    static func discover(_ inputs: [String], with discovery: FileDiscovery) throws -> (items: [FileDiscovery.Item], skipped: FileDiscovery.Counts) {
        do {
            return try discovery.discover(inputs)
        } catch let error as LabelerError {
            printError(error.description)
            throw ExitStatus(error).exitCode
        }
    }

    /// `mkdir -p path`, failing with exit 74 and a message if it cannot be made or written.
    static func makeDirectory(_ path: String) throws {
        var status = stat()
        if stat(path, &status) == 0 {
            guard (status.st_mode & S_IFMT) == S_IFDIR else { throw failure("\(path): output exists and is not a folder") }
            guard access(path, W_OK) == 0 else { throw failure("\(path): output folder is not writable") }
            return
        }
        let parent = path.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
        if !parent.isEmpty { try makeDirectory(parent) }
        if mkdir(path, 0o755) != 0, errno != EEXIST {
            throw failure("\(path): cannot create the output folder: \(String(cString: strerror(errno)))")
        }
    }

    private static func failure(_ message: String) -> ExitCode {
        printError(message)
        return ExitStatus.ioError.exitCode
    }

    static func printError(_ message: String) {
        FileHandleStderr.write("labelctl: " + message + "\n")
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
        let rate = "\(decimal(summary.seconds, 2)) s, \(decimal(summary.filesPerSecond, 0)) files/s, \(decimal(summary.megabytesPerSecond, 1)) MB/s"
        FileHandleStderr.write("\(parts.isEmpty ? "nothing to do" : parts.joined(separator: ", ")) in \(rate)\n")
    }
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

/// Unbuffered writes to standard error.
enum FileHandleStderr {
    static func write(_ text: String) {
        var bytes = Array(text.utf8)
        bytes.withUnsafeMutableBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(2, buffer.baseAddress.map { $0 + offset }, buffer.count - offset)
                if written <= 0 { return }
                offset += written
            }
        }
    }
}
