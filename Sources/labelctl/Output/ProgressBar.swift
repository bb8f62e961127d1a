import Labeler
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// A one-line progress bar on standard error: shown only when stderr is a terminal, never under
/// `--quiet`, and without colour when `NO_COLOR` is set (https://no-color.org).
final class ProgressBar: Sendable {
    private let enabled: Bool
    private let total: Int
    private let useColor: Bool
    private let lastDraw = Mutex<Double>(-1)

    init(enabled: Bool, total: Int) {
        self.enabled = enabled && isatty(2) == 1 && total > 1
        self.total = total
        useColor = getenv("NO_COLOR") == nil
    }

    /// Redraws at most ten times a second.
    func update(done: Int, bytes: Int, seconds: Double) {
        guard enabled else { return }
        let shouldDraw = lastDraw.withLock { last in
            guard seconds - last >= 0.1 || done == total else { return false }
            last = seconds
            return true
        }
        guard shouldDraw else { return }
        let fraction = total > 0 ? Double(done) / Double(total) : 1
        let width = 28
        let filled = Int(fraction * Double(width))
        let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
        let rate = seconds > 0 ? Double(done) / seconds : 0
        let megabytes = seconds > 0 ? Double(bytes) / 1_000_000 / seconds : 0
        let eta = rate > 0 ? Double(total - done) / rate : 0
        let colored = useColor ? "\u{1B}[36m\(bar)\u{1B}[0m" : bar
        FileHandleStderr.write("\r[\(colored)] \(done)/\(total) \(decimal(rate, 0)) files/s \(decimal(megabytes, 1)) MB/s ETA \(decimal(eta, 0)) s \u{1B}[K")
    }

    /// Prints a line above the bar.
    func printAbove(_ line: String) {
        FileHandleStderr.write((enabled ? "\r\u{1B}[K" : "") + "labelctl: " + line + "\n")
    }

    func finish() {
        if enabled { FileHandleStderr.write("\r\u{1B}[K") }
    }
}
