import Foundation
import Testing
import LabelerTestSupport

/// Runs the built `labelctl` (and other tools) as a user would, capturing output and exit status.
enum CLI {
    static let packageRoot = TestFiles.packageRoot
    static let sampleMedia = TestFiles.sampleMedia

    /// The labelctl built next to the test bundle.
    static var binary: URL {
        let candidates = [
            Bundle.main.executableURL?.deletingLastPathComponent().appendingPathComponent("labelctl"),
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent(
                "labelctl"),
            packageRoot.appendingPathComponent(".build/debug/labelctl"),
        ].compactMap { $0 }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
            ?? candidates[candidates.count - 1]
    }

    typealias Result = ProcessRunner.Result

    /// Runs labelctl; without `environment`, ours with `XDG_CONFIG_HOME` pointing at a fresh empty
    /// folder for this call, so no development key (a default trust anchor) made by the user or by
    /// another test ever changes what a test sees.
    static func labelctl(
        _ arguments: [String], environment: [String: String]? = nil, input: [UInt8]? = nil
    ) throws -> Result {
        try ProcessRunner.run(binary.path, arguments, environment: environment ?? hermetic(), input: input)
    }

    static func hermetic() throws -> [String: String] {
        var environment = ProcessInfo.processInfo.environment
        environment["XDG_CONFIG_HOME"] = try TestFiles.temporaryDirectory("labelctl-config").path
        return environment
    }

    static func run(_ executable: URL, _ arguments: [String], environment: [String: String]? = nil) throws -> Result {
        try ProcessRunner.run(executable.path, arguments, environment: environment)
    }

    static func exiftool(_ arguments: [String]) throws -> Result {
        try ProcessRunner.run("/usr/bin/exiftool", arguments)
    }

    static func temporaryDirectory() throws -> URL { try TestFiles.temporaryDirectory("labelctl-tests") }

    /// Copies SampleMedia files into a fresh folder and returns it.
    static func copySamples(_ names: [String]) throws -> URL {
        let folder = try temporaryDirectory()
        for name in names {
            let source = sampleMedia.appendingPathComponent(name)
            try FileManager.default.copyItem(at: source, to: folder.appendingPathComponent(source.lastPathComponent))
        }
        return folder
    }

    static let stampFlags = [
        "--generator", "TestGen", "--generator-version", "2.1", "--producer-code", "001191110000EXAMPLE00X1AB01", "-q",
    ]
}
