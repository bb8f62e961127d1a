import Foundation
import Testing

/// Runs the built `labelctl` (and other tools) as a user would, capturing output and exit status.
enum CLI {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let sampleMedia = packageRoot.appendingPathComponent("SampleMedia")

    /// The labelctl built next to the test bundle.
    static var binary: URL {
        let candidates = [
            Bundle.main.executableURL?.deletingLastPathComponent().appendingPathComponent("labelctl"),
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("labelctl"),
            packageRoot.appendingPathComponent(".build/debug/labelctl"),
        ].compactMap { $0 }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[candidates.count - 1]
    }

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static func labelctl(_ arguments: [String]) throws -> Result { try run(binary, arguments) }

    static func run(_ executable: URL, _ arguments: [String], environment: [String: String]? = nil) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let environment { process.environment = environment }
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self), stderr: String(decoding: errData, as: UTF8.self))
    }

    static func exiftool(_ arguments: [String]) throws -> Result {
        try run(URL(fileURLWithPath: "/usr/bin/exiftool"), arguments)
    }

    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("labelctl-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Copies SampleMedia files into a fresh folder and returns it.
    static func copySamples(_ names: [String]) throws -> URL {
        let folder = try temporaryDirectory()
        for name in names {
            let source = sampleMedia.appendingPathComponent(name)
            try FileManager.default.copyItem(at: source, to: folder.appendingPathComponent(source.lastPathComponent))
        }
        return folder
    }

    static let stampFlags = ["--generator", "TestGen", "--generator-version", "2.1", "--producer-code", "001191110000EXAMPLE00X1AB01", "-q"]
}
