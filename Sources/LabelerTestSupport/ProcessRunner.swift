public import Foundation
import Dispatch

/// Runs a program as a user would and captures what it printed and how it ended: the one process
/// runner the test targets share (labelctl, exiftool, exempi, python).
public enum ProcessRunner {
    public struct Result: Sendable {
        public var status: Int32
        public var stdout: String
        public var stderr: String
        public var stdoutBytes: [UInt8]
    }

    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// Runs `executable` (an absolute path, or a name looked up on `PATH`) with `arguments`.
    /// - Parameters:
    ///   - environment: the whole environment of the child; `nil` inherits ours.
    ///   - directory: working folder of the child; `nil` keeps ours.
    ///   - input: bytes written to the child's standard input (it is closed afterwards).
    public static func run(
        _ executable: String, _ arguments: [String], environment: [String: String]? = nil, in directory: URL? = nil,
        input: [UInt8]? = nil
    ) throws -> Result {
        let process = Process()
        if executable.hasPrefix("/") {
            process.executableURL = URL(fileURLWithPath: executable)
            process.arguments = arguments
        } else {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = [executable] + arguments
        }
        if let environment { process.environment = environment }
        if let directory { process.currentDirectoryURL = directory }
        let out = Pipe()
        let err = Pipe()
        let stdin = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = stdin
        try process.run()
        if let input { stdin.fileHandleForWriting.write(Data(input)) }
        try? stdin.fileHandleForWriting.close()
        // Read both pipes concurrently so a child that fills stderr cannot block on it.
        let errorBox = DataBox()
        let done = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            errorBox.data = err.fileHandleForReading.readDataToEndOfFile()
            done.signal()
        }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        done.wait()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errorBox.data, as: UTF8.self), stdoutBytes: Array(outData))
    }

    /// Like ``run(_:_:environment:in:input:)`` but throws ``Failure`` on a non-zero exit status.
    @discardableResult
    public static func runChecked(
        _ executable: String, _ arguments: [String], in directory: URL? = nil
    ) throws -> Result {
        let result = try run(executable, arguments, in: directory)
        guard result.status == 0 else {
            throw Failure(description: "\(executable) \(arguments) exited \(result.status): \(result.stderr)")
        }
        return result
    }

    private final class DataBox: @unchecked Sendable {
        var data = Data()
    }
}
