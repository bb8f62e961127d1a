public import Foundation
import Dispatch

/// A real RFC 3161 time-stamp authority on 127.0.0.1 for one test: `Tests/interop/loopback_tsa.py`
/// (`openssl ts -reply` behind Python's http.server, the same one the interop script uses) with
/// fresh credentials in a temporary folder. It stops when ``stop()`` closes its standard input
/// (and is terminated if it lingers); the folder is removed.
public final class LoopbackTSA: @unchecked Sendable {
    // Immutable after init; `stop()` is called once, from the test's own thread.
    /// `http://127.0.0.1:PORT/`.
    public let url: URL
    /// Holds `root.pem` (the TSA's root, a trust anchor for `timeStamp.trusted`) and `tsa.pem`.
    public let directory: URL
    private let process: Process
    private let input: Pipe

    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    public init() throws {
        directory = try TestFiles.temporaryDirectory("labeler-tsa")
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "python3", TestFiles.packageRoot.appendingPathComponent("Tests/interop/loopback_tsa.py").path,
            directory.path,
        ]
        input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        var line: [UInt8] = []
        while !line.contains(0x0A) {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }  // the server ended before saying where it listens
            line += chunk
        }
        let text = String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard text.hasPrefix("http://127.0.0.1:"), let url = URL(string: text) else {
            process.terminate()
            throw Failure(description: "the loopback TSA did not start (said '\(text)')")
        }
        self.url = url
    }

    /// The PEM of the TSA's root certificate.
    public func rootPEM() throws -> String {
        try String(contentsOf: directory.appendingPathComponent("root.pem"), encoding: .utf8)
    }

    /// Stops the server and removes its folder.
    public func stop() {
        try? input.fileHandleForWriting.close()
        let deadline = Date().addingTimeInterval(5)
        while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        try? FileManager.default.removeItem(at: directory)
    }
}

/// Runs blocking synchronous code (``HTTPTimeStampAuthority`` waits on a semaphore for URLSession)
/// on a Dispatch worker, awaiting it instead of blocking a thread of the cooperative pool, which
/// has only as many threads as cores (two here).
public func onDispatchWorker<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        DispatchQueue.global().async { continuation.resume(with: Result { try body() }) }
    }
}
