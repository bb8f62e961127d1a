import Labeler
import Synchronization

/// A one-line progress line on standard error: shown only when stderr is a terminal, never under
/// `--quiet`, without colour when `NO_COLOR` is set (https://no-color.org). The walk streams, so
/// it shows files done and rates, not a fraction of a total.
final class ProgressBar: Sendable {
    private let enabled: Bool
    private let useColor: Bool
    private let lastDraw = Mutex<Double>(-1)

    init(enabled: Bool) {
        self.enabled = enabled && StandardStreams.errorIsTerminal
        useColor = StandardStreams.environment("NO_COLOR") == nil
    }

    /// Redraws at most ten times a second.
    func update(done: Int, bytes: Int, seconds: Double) {
        guard enabled else { return }
        let shouldDraw = lastDraw.withLock { last in
            guard seconds - last >= 0.1 else { return false }
            last = seconds
            return true
        }
        guard shouldDraw else { return }
        let rate = seconds > 0 ? Double(done) / seconds : 0
        let megabytes = seconds > 0 ? Double(bytes) / 1_000_000 / seconds : 0
        let count = useColor ? "\u{1B}[36m\(done)\u{1B}[0m" : String(done)
        StandardStreams.writeError(
            "\r\(count) files, \(decimal(rate, 0)) files/s, \(decimal(megabytes, 1)) MB/s \u{1B}[K")
    }

    /// Prints a line above the progress line.
    func printAbove(_ line: String) {
        StandardStreams.writeError((enabled ? "\r\u{1B}[K" : "") + "labelctl: " + line + "\n")
    }

    func finish() {
        if enabled { StandardStreams.writeError("\r\u{1B}[K") }
    }
}
