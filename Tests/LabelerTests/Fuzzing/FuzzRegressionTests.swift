import Foundation
import Testing
@_spi(Fuzzing) import Labeler

/// Replays every input the fuzzers once crashed on (`Tests/Fixtures/fuzz/<target>/crash-<sha1>`,
/// see FUZZING.md) through the same entry point as the fuzz target: it must neither trap nor break
/// the invariant the entry point checks.
///
/// Each input runs in an exit test (a child process), so a regression shows up as one failing test
/// naming the file instead of a crash of the whole test run. Finding the fixtures from `#filePath`
/// keeps the root Package.swift unchanged (no test resources) and reads only inside the repository.
@Suite struct FuzzRegressionTests {
    /// A fuzz target's folder name (as in `Fuzz/run.sh`) and its entry point.
    static let entryPoints: [String: @Sendable (UnsafeRawBufferPointer) -> String?] = [
        "png-walker": FuzzEntryPoints.pngWalker,
        "jpeg-walker": FuzzEntryPoints.jpegWalker,
        "xml-parser": FuzzEntryPoints.xmlParser,
        "xmp-merge": FuzzEntryPoints.xmpMerge,
        "annex-e": FuzzEntryPoints.annexE,
        "exif-reader": FuzzEntryPoints.exifReader,
    ]

    /// Reproducers of bugs reported but not yet fixed in the library (`<target>/<file>`: the bug).
    /// Their failure is expected; once the bug is fixed the test fails with "known issue was not
    /// recorded", and the entry must be removed here.
    /// Reproducers of bugs not fixed yet (none: the self-closing rdf:RDF merge is fixed).
    static let knownIssues: [String: String] = [:]

    /// `Tests/Fixtures/fuzz`, found from this file: the nearest ancestor folder holding Package.swift.
    static let fixtures: URL = {
        var folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while !FileManager.default.fileExists(atPath: folder.appendingPathComponent("Package.swift").path),
            folder.path != "/"
        {
            folder.deleteLastPathComponent()
        }
        return folder.appendingPathComponent("Tests/Fixtures/fuzz")
    }()

    struct Reproducer: Sendable, CustomTestStringConvertible {
        var target: String
        var path: String
        var testDescription: String { "\(target)/\(URL(fileURLWithPath: path).lastPathComponent)" }
    }

    static func reproducers() -> [Reproducer] {
        let manager = FileManager.default
        let targets = (try? manager.contentsOfDirectory(atPath: fixtures.path)) ?? []
        return targets.sorted().flatMap { target in
            let folder = fixtures.appendingPathComponent(target)
            let files = (try? manager.contentsOfDirectory(atPath: folder.path)) ?? []
            return files.filter { !$0.hasPrefix(".") }.sorted().map {
                Reproducer(target: target, path: folder.appendingPathComponent($0).path)
            }
        }
    }

    @Test("every fixture folder is a fuzz target and holds reproducers")
    func layout() throws {
        let targets = try FileManager.default.contentsOfDirectory(atPath: Self.fixtures.path).filter {
            !$0.hasPrefix(".")
        }
        #expect(!targets.isEmpty)
        for target in targets { #expect(Self.entryPoints[target] != nil, "unknown fuzz target folder \(target)") }
        #expect(!Self.reproducers().isEmpty)
    }

    @Test("a saved fuzz crash runs clean", arguments: reproducers())
    func replay(_ reproducer: Reproducer) async throws {
        #expect(FileManager.default.isReadableFile(atPath: reproducer.path))
        // The child exits non-zero on a broken invariant (message on stderr) and dies on a trap.
        // To see the message or the trap: `Fuzz/.build/release/Fuzz<Target> <file>` (FUZZING.md).
        if let bug = Self.knownIssues[reproducer.testDescription] {
            await withKnownIssue(Comment(rawValue: bug)) { await Self.replayInChildProcess(reproducer) }
        } else {
            await Self.replayInChildProcess(reproducer)
        }
    }

    static func replayInChildProcess(_ reproducer: Reproducer) async {
        await #expect(processExitsWith: .success, "\(reproducer.testDescription)") {
            [target = reproducer.target as String, path = reproducer.path as String] in
            let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
            guard let entryPoint = FuzzRegressionTests.entryPoints[target] else {
                fatalError("unknown target \(target)")
            }
            if let problem = bytes.withUnsafeBytes({ entryPoint($0) }) {
                FileHandle.standardError.write(Data("\(target) \(path): \(problem)\n".utf8))
                exit(3)
            }
        }
    }
}
