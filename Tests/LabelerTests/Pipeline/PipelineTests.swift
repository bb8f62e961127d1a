import Foundation
import Testing
import LabelerTestSupport
@testable import Labeler

@Suite struct PipelineTests {
    let stamper = try! Stamper(disclosure: .sample)

    /// A tree: a/ b/c/ with PNGs, a text file, a hidden file, a symlink and an old temp file.
    func makeTree() throws -> URL {
        let root = try TestPaths.temporaryDirectory()
        let fm = FileManager.default
        try fm.createDirectory(at: root.appendingPathComponent("a"), withIntermediateDirectories: true)
        try fm.createDirectory(at: root.appendingPathComponent("b/c"), withIntermediateDirectories: true)
        let png = Data(PNGBuilder.minimal())
        for name in ["a/1.png", "a/2.png", "b/c/3.png", "top.png"] {
            try png.write(to: root.appendingPathComponent(name))
        }
        try Data(try JPEGBuilder.encoded()).write(to: root.appendingPathComponent("b/4.jpg"))
        try Data("notes".utf8).write(to: root.appendingPathComponent("a/readme.txt"))
        try png.write(to: root.appendingPathComponent(".hidden.png"))
        try png.write(to: root.appendingPathComponent("a/.x.png.labeler-abc.tmp"))
        try fm.createSymbolicLink(
            atPath: root.appendingPathComponent("link.png").path,
            withDestinationPath: root.appendingPathComponent("top.png").path)
        return root
    }

    @Test("discovery walks recursively, sorted, skipping hidden files, temp files and symlinks")
    func discovery() throws {
        let root = try makeTree()
        let (entries, skipped) = FileDiscovery().discover([root.path])
        let items = entries.compactMap(\.item)
        #expect(items.map(\.relativePath) == ["a/1.png", "a/2.png", "a/readme.txt", "b/4.jpg", "b/c/3.png", "top.png"])
        #expect(skipped.hidden == 2 && skipped.symlinks == 1)
        #expect(items.allSatisfy { !$0.isExplicit })
        let followed = FileDiscovery(followSymlinks: true).discover([root.path]).entries.compactMap(\.item)
        #expect(followed.contains { $0.relativePath == "link.png" })
        // A missing input is one entry, and the walk goes on with the next input.
        let mixed = FileDiscovery().discover([root.path + "/missing", root.path + "/top.png"]).entries
        #expect(mixed.count == 2)
        guard case .missing(let path, let error) = mixed[0] else { Issue.record("expected a missing entry"); return }
        #expect(path == FilePath(root.path + "/missing") && error.code == .io)
        #expect(mixed[1].item?.isExplicit == true)
    }

    @Test("shards partition a tree deterministically and completely")
    func shards() throws {
        let paths = (0 ..< 1000).map { "dir\($0 % 7)/file-\($0).png" }
        var seen: [String: Int] = [:]
        for index in 1 ... 4 {
            let shard = try #require(Shard("\(index)/4"))
            for path in paths where shard.contains(FilePath(path)) { seen[path, default: 0] += 1 }
            let share = paths.filter { shard.contains(FilePath($0)) }.count
            #expect((150 ... 350).contains(share), "shard \(index) has \(share) of 1000")
        }
        #expect(seen.count == 1000 && seen.values.allSatisfy { $0 == 1 })
        #expect(Shard("0/4") == nil && Shard("5/4") == nil && Shard("x") == nil)
    }

    @Test("the pipeline stamps a tree, skips non-images, and reports each file in order")
    func stampsTree() throws {
        let root = try makeTree()
        let out = try TestPaths.temporaryDirectory().appendingPathComponent("out")
        let items = FileDiscovery().discover([root.path]).entries.compactMap(\.item)
        let recorded = RecordBox()
        let pipeline = BatchPipeline(
            stamper: stamper,
            configuration: .init(jobs: 2, groupCommitFiles: 2, journalPath: FilePath(out.path + ".journal")))
        let summary = try pipeline.stamp([root.path], to: .directory(FilePath(out.path))) { record, _ in
            recorded.append(record)
        }
        #expect(summary.count(.stamped) == 5 && summary.count(.skippedUnsupported) == 1 && summary.count(.failed) == 0)
        #expect(recorded.records.map(\.path) == items.map(\.path))
        for record in recorded.records where record.outcome == .stamped {
            let output = try #require(record.output)
            #expect(Labeler.verify(file: output).verdict == .labelled)
            #expect(record.contentID != nil && record.bytes > 0)
        }
        #expect(try Journal.finishedKeys(at: FilePath(out.path + ".journal")).count == 5)
    }

    @Test("--resume skips what the journal lists and redoes the rest")
    func resume() throws {
        let root = try makeTree()
        let out = try TestPaths.temporaryDirectory()
        let journal = out.path + "/journal.jsonl"
        _ = try BatchPipeline(stamper: stamper, configuration: .init(journalPath: FilePath(journal))).stamp(
            [root.path], to: .directory(FilePath(out.path)))
        // Keep two finished lines and add a torn last line, as a crash mid-append would leave it.
        let lines = try String(contentsOfFile: journal, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 5)
        try (lines.prefix(2).joined(separator: "\n") + "\n{\"key\":\"/torn").write(
            toFile: journal, atomically: false, encoding: .utf8)
        // Resume matches by the path under the output folder, so a differently spelled input (./, absolute) still matches.
        let respelled = root.path + "/./"
        let summary = try BatchPipeline(
            stamper: stamper, configuration: .init(journalPath: FilePath(journal), resume: true)
        )
        .stamp([respelled], to: .directory(FilePath(out.path)))
        #expect(summary.count(.skippedDone) == 2 && summary.count(.stamped) == 3)
    }

    @Test("every run removes temporary files an interrupted run left, and nothing else")
    func resumeCleansLeftovers() throws {
        let root = try makeTree()
        let out = try TestPaths.temporaryDirectory()
        try FileManager.default.createDirectory(at: out.appendingPathComponent("a"), withIntermediateDirectories: true)
        let leftover = out.appendingPathComponent("a/.1.png.labeler-x1y2.tmp")
        let newLeftover = out.appendingPathComponent("a/.labeler-x1y3.tmp")
        let unrelated = out.appendingPathComponent("a/.keep-me")
        try Data("half".utf8).write(to: leftover)
        try Data("half".utf8).write(to: newLeftover)
        try Data("mine".utf8).write(to: unrelated)
        _ = try BatchPipeline(stamper: stamper, configuration: .init(journalPath: FilePath(out.path + "/j.jsonl")))
            .stamp([root.path], to: .directory(FilePath(out.path)))
        #expect(!FileManager.default.fileExists(atPath: leftover.path))
        #expect(!FileManager.default.fileExists(atPath: newLeftover.path))
        #expect(FileManager.default.fileExists(atPath: unrelated.path))
    }

    @Test("an unwritable destination fails per file and leaves no temporary files")
    func unwritable() throws {
        let root = try makeTree()
        let blocker = try TestPaths.temporaryDirectory().appendingPathComponent("file")
        try Data().write(to: blocker)
        // An output folder that cannot be made is refused before any file.
        #expect(throws: LabelerError.self) {
            try BatchPipeline(stamper: self.stamper).stamp(
                [root.path + "/a"], to: .directory(FilePath(blocker.path + "/out")))
        }
        // A subfolder that cannot be made fails its files, one record each, and the rest goes on.
        let out = try TestPaths.temporaryDirectory()
        try Data().write(to: out.appendingPathComponent("a"))
        let summary = try BatchPipeline(stamper: stamper).stamp([root.path], to: .directory(FilePath(out.path)))
        #expect(summary.count(.failed) == 2 && summary.count(.stamped) == 3 && summary.worstError == .io)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: root.path + "/a").filter {
            $0.hasSuffix(".tmp") && !$0.contains("abc")
        }
        #expect(leftovers.isEmpty)
    }

    @Test("fail-fast stops claiming new files after the first failure")
    func failFast() throws {
        let root = try TestPaths.temporaryDirectory()
        try Data(PNGBuilder.minimal().prefix(40)).write(to: root.appendingPathComponent("0.png"))  // a truncated PNG
        for index in 1 ... 20 { try Data(PNGBuilder.minimal()).write(to: root.appendingPathComponent("\(index).png")) }
        let out = try TestPaths.temporaryDirectory()
        let summary = try BatchPipeline(
            stamper: stamper, configuration: .init(jobs: 1, failFast: true, groupCommitFiles: 1)
        )
        .stamp([root.path], to: .directory(FilePath(out.path)))
        #expect(summary.count(.failed) == 1)
        #expect(summary.count(.stamped) < 20)
    }

    @Test("policy globs: ** spans folders, * stays in one, first matching rule wins")
    func policy() {
        #expect(CheckPolicy.glob("renders/**", matches: "renders/a/b.png"))
        #expect(CheckPolicy.glob("**/*.png", matches: "x/y/z.png"))
        #expect(!CheckPolicy.glob("renders/*.png", matches: "renders/a/b.png"))
        #expect(CheckPolicy.glob("a?c/*", matches: "abc/d"))
        let policy = CheckPolicy(
            default: [.any],
            rules: [.init(path: "renders/**", require: [.iptc, .tc260]), .init(path: "**", require: [])])
        #expect(policy.requirements(for: "renders/x.png") == [.iptc, .tc260])
        #expect(policy.requirements(for: "drafts/x.png") == [])
        #expect(CheckPolicy.Requirement(name: "XMP") == .iptc)
    }
}

/// Thread-safe collector for pipeline callbacks in tests.
final class RecordBox: @unchecked Sendable {
    private let lock = NSLock()
    private var storage: [BatchRecord] = []
    func append(_ record: BatchRecord) { lock.lock(); storage.append(record); lock.unlock() }
    var records: [BatchRecord] { lock.lock(); defer { lock.unlock() }; return storage }
}

@Suite struct LeftoverCleanupTests {
    @Test("a run never removes its own workers' temporary files: two folders into one output root all land")
    func twoFoldersOneRoot() throws {
        let root = try TestPaths.temporaryDirectory()
        for folder in ["x", "y"] {
            try FileManager.default.createDirectory(
                at: root.appendingPathComponent(folder), withIntermediateDirectories: true)
            for index in 0 ..< 40 {
                try Data(PNGBuilder.minimal()).write(to: root.appendingPathComponent("\(folder)/\(folder)\(index).png"))
            }
        }
        let out = try TestPaths.temporaryDirectory()
        let stamper = try Stamper(disclosure: .sample)
        for _ in 0 ..< 3 {
            let summary = try BatchPipeline(stamper: stamper, configuration: .init(jobs: 4, groupCommitFiles: 8))
                .stamp([root.path + "/x", root.path + "/y"], to: .directory(FilePath(out.path)))
            #expect(summary.count(.stamped) == 80 && summary.count(.failed) == 0)
        }
        // Our own temporary names are never leftovers; another run's are.
        #expect(!AtomicFileWriter.isLeftover(Array(".labeler-\(AtomicFileWriter.runToken)-abc.tmp".utf8)))
        #expect(AtomicFileWriter.isLeftover(Array(".labeler-otherrun-abc.tmp".utf8)))
        #expect(AtomicFileWriter.isLeftover(Array(".x.png.labeler-abc.tmp".utf8)))
    }
}

@Suite struct LargeFolderWalkTests {
    /// The by-value `d_name` read ran off readdir's buffer and crashed walks of 1M files.
    @Test("folder names are read in place up to their NUL: many entries of every name length walk exactly")
    func manyEntries() throws {
        let root = try TestPaths.temporaryDirectory()
        var expected = 0
        for folder in 0 ..< 20 {
            let path = root.appendingPathComponent("f\(folder)")
            try FileManager.default.createDirectory(at: path, withIntermediateDirectories: true)
            for index in 0 ..< 250 {
                let name = String(repeating: "n", count: 1 + (index * 7) % 240) + "\(index)"
                FileManager.default.createFile(atPath: path.appendingPathComponent(name).path, contents: nil)
                expected += 1
            }
        }
        let (entries, _) = FileDiscovery().discover([root.path])
        let items = entries.compactMap(\.item)
        #expect(items.count == expected)
        #expect(Set(items.map(\.relativePath)).count == expected)
        #expect(items.allSatisfy { $0.relativePath.string != nil && $0.path.name.count <= 243 })
    }
}
