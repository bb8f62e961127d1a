#if canImport(FoundationEssentials)
public import FoundationEssentials
#else
public import Foundation
#endif
import Foundation

/// Where tests find their files: the package root, SampleMedia, and the fixtures kept in
/// `Tests/Fixtures/` with their licences. Nothing outside the repository is ever read, so a
/// fresh clone passes `make test` on its own.
public enum TestFiles {
    /// The folder holding `Package.swift`, found by walking up from this source file.
    public static let packageRoot: URL = {
        var directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while !FileManager.default.fileExists(atPath: directory.appendingPathComponent("Package.swift").path) {
            let parent = directory.deletingLastPathComponent()
            if parent.path == directory.path { preconditionFailure("no Package.swift above \(#filePath)") }
            directory = parent
        }
        return directory
    }()

    /// `SampleMedia/` (public-domain photos and generated edge and malformed cases).
    public static var sampleMedia: URL { packageRoot.appendingPathComponent("SampleMedia") }

    /// `Tests/Fixtures/`.
    public static var fixtures: URL { packageRoot.appendingPathComponent("Tests/Fixtures") }

    /// A file of `Tests/Fixtures/c2pa-rs/` (files signed by the C2PA reference implementation; MIT, see SOURCE.md).
    public static func c2paRS(_ name: String) -> URL {
        fixtures.appendingPathComponent("c2pa-rs").appendingPathComponent(name)
    }

    /// The bytes of the file at `url`.
    public static func read(_ url: URL) throws -> [UInt8] { Array(try Data(contentsOf: url)) }

    /// A fresh, empty temporary folder.
    public static func temporaryDirectory(_ prefix: String = "labeler-tests") throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent(
            "\(prefix)-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Runs `body` with a fresh temporary folder that is removed afterwards.
    public static func withTemporaryDirectory<R>(_ body: (URL) throws -> R) throws -> R {
        let url = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: url) }
        return try body(url)
    }
}
