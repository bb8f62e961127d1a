#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Synchronization

/// An append-only JSON Lines journal of finished files, for `--resume` after `kill -9` or power loss.
///
/// A line is appended only after its output was renamed into place and the folder synced, and the
/// journal is `fdatasync`ed with each group commit. So every key in the journal is finished; any
/// file not in it is redone (stamping is idempotent: re-stamping replaces our label). A torn last
/// line (crash mid-append) is ignored on reading.
///
/// The journal leaks nothing: by default it lives outside the deliverable tree, under
/// `$XDG_STATE_HOME/labelctl/journals/` (else `~/.local/state/…`), named by a hash of the resolved
/// output folder, mode 0600; it stores each file's key (its path relative to the output folder,
/// or the resolved input path for in-place runs), never the other paths given.
final class Journal: Sendable {
    /// One line: the key of a finished file and its content ID.
    struct Line: Codable {
        var key: String
        var contentID: String?
    }

    let path: FilePath
    private let fd: Int32
    private let lock = Mutex(())

    init(path: FilePath) throws {
        self.path = path
        try BatchPipeline.makeFolder(path.split.directory, mode: 0o700)
        fd = try System.open(path, System.OpenFlags.createOrAppend, mode: 0o600, action: "open the journal")
        // Only a regular file is ours to chmod: `--journal /dev/full` must not change the device.
        if let status = try? System.fstat(fd, path), System.Kind(status) == .regular {
            _ = try? System.fchmod(fd, 0o600, path)
        }
    }

    deinit { System.close(fd) }

    /// The default journal for runs writing into `outputFolder`.
    static func defaultPath(forOutputFolder outputFolder: FilePath) -> FilePath {
        // Resolved as far as it exists: a first run names `out` before creating it, a rerun after.
        let resolved = BatchPipeline.Destination.resolve(outputFolder)
        let home = System.environment("HOME").map { FilePath($0) } ?? FilePath("/tmp")
        let state = System.environment("XDG_STATE_HOME").map { FilePath($0) } ?? home.appending(".local/state")
        let digits = String(FNV1a.hash(resolved.bytes), radix: 16)
        return state.appending("labelctl/journals").appending(
            String(repeating: "0", count: 16 - digits.count) + digits + ".jsonl")
    }

    /// Appends the keys of `records` and makes them durable.
    func append(_ lines: [Line]) throws {
        guard !lines.isEmpty else { return }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var bytes: [UInt8] = []
        for line in lines {
            bytes += Array(try encoder.encode(line))
            bytes.append(0x0A)
        }
        try lock.withLock { _ in
            try bytes.withUnsafeBytes { try System.writeAll(fd, $0, path, action: "append to the journal") }
            try System.fdatasync(fd, path)
        }
    }

    /// Keys recorded as finished in the journal at `path` (empty if there is none yet), as hashes:
    /// eight bytes a file, whatever its path's length.
    static func finishedKeys(at path: FilePath) throws -> Set<UInt64> {
        guard try System.stat(path) != nil else { return [] }
        let fd = try System.open(path, System.OpenFlags.read, action: "read the journal")
        defer { System.close(fd) }
        let decoder = JSONDecoder()
        var finished: Set<UInt64> = []
        var carry: [UInt8] = []
        var block = [UInt8](repeating: 0, count: 1 << 20)
        var offset = 0
        while true {
            let count = try block.withUnsafeMutableBytes {
                try System.pread(fd, $0.baseAddress, $0.count, at: offset, path)
            }
            if count == 0 { break }
            offset += count
            carry += block[..<count]
            guard let lastNewline = carry.lastIndex(of: 0x0A) else { continue }
            for line in carry[..<lastNewline].split(separator: 0x0A) {
                guard let entry = try? decoder.decode(Line.self, from: Data(line)) else { continue }
                finished.insert(FNV1a.hash(entry.key.utf8))
            }
            carry.removeSubrange(...lastNewline)
        }
        return finished  // a torn last line (no newline) is not a finished file
    }
}
