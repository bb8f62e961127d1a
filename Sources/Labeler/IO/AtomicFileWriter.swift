#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import LabelerCInterop

/// Crash-safe replacement of files: write a temporary file beside the destination, make it durable,
/// rename it over the destination, make the directory entry durable.
///
/// Durability is by group commit: ``stage(_:from:to:mode:)`` writes temp files without syncing;
/// ``commit(_:)`` syncs a whole batch (one `syncfs` per file system instead of one `fsync` per
/// file), then renames, then fsyncs each directory once. Until the rename a destination is entirely
/// old; after it, entirely new. A crash leaves at most `.*.labeler-*.tmp` files, which
/// ``isTemporaryName(_:)`` recognises so discovery skips them and `--resume` removes them.
struct AtomicFileWriter: Sendable {
    /// A written, not yet committed, output.
    struct Staged: Sendable {
        let temporaryPath: String
        let destination: String
        let fd: Int32
    }

    static let temporaryMarker = ".labeler-"
    /// Batches up to this size are synced file by file; larger ones with one `syncfs`.
    static let fdatasyncBatchLimit = 2

    static func isTemporaryName(_ name: String) -> Bool {
        name.hasPrefix(".") && name.contains(temporaryMarker) && name.hasSuffix(".tmp")
    }

    /// Writes `plan` to a new temporary file in `destination`'s folder.
    /// - Parameter mode: permission bits for the new file (the input's, so outputs keep them).
    func stage(_ plan: SplicePlan, from source: [UInt8], to destination: String, mode: mode_t) throws -> Staged {
        try source.withUnsafeBytes { try stage(plan, from: $0, to: destination, mode: mode) }
    }

    /// Writes `plan` over the bytes of `source` (a mapped input) to a new temporary file.
    func stage(_ plan: SplicePlan, from source: UnsafeRawBufferPointer, to destination: String, mode: mode_t) throws -> Staged {
        let (directory, name) = Self.split(destination)
        let temporary = directory + "/." + name + Self.temporaryMarker + String(UInt64.random(in: 0 ... .max), radix: 36) + ".tmp"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        guard fd >= 0 else { throw FileIO.ioError("create a file in '\(directory)'", destination) }
        do {
            try FileIO.write(plan, from: source, to: fd, path: destination)
            if fchmod(fd, mode) != 0 { throw FileIO.ioError("set permissions", destination) }
            FileSystem.startWriteback(fd)  // overlap disk I/O with the next file; commit waits for the rest
        } catch {
            close(fd)
            unlink(temporary)
            throw error
        }
        return Staged(temporaryPath: temporary, destination: destination, fd: fd)
    }

    /// Makes `batch` durable and visible: sync data, rename each over its destination, fsync the folders.
    /// - Returns: per staged file, `nil` when it is in place, or the error that kept it out (its
    ///   temporary file is removed and its destination left as it was).
    @discardableResult
    func commit(_ batch: [Staged]) -> [LabelerError?] {
        var results = [LabelerError?](repeating: nil, count: batch.count)
        // A few files: fdatasync each (syncfs would also flush unrelated dirty data, which made
        // one-process-per-file runs wait on other writers). A group: one syncfs per file system
        // is one journal commit for all of it.
        if batch.count <= Self.fdatasyncBatchLimit {
            for (index, staged) in batch.enumerated() where fdatasync(staged.fd) != 0 {
                results[index] = FileIO.ioError("sync", staged.destination)
            }
        }
        var syncedDevices: [UInt64: LabelerError?] = [:]
        for (index, staged) in batch.enumerated() where batch.count > Self.fdatasyncBatchLimit {
            var status = stat()
            guard fstat(staged.fd, &status) == 0 else { results[index] = FileIO.ioError("stat", staged.destination); continue }
            let device = UInt64(status.st_dev)
            if syncedDevices[device] == nil {
                syncedDevices[device] = FileSystem.sync(containing: staged.fd) == 0 ? .some(nil) : FileIO.ioError("sync", staged.destination)
            }
            if let failure = syncedDevices[device] ?? nil { results[index] = failure }
        }
        var directories: Set<String> = []
        for (index, staged) in batch.enumerated() {
            close(staged.fd)
            if results[index] == nil, rename(staged.temporaryPath, staged.destination) != 0 {
                results[index] = FileIO.ioError("rename the finished output into place", staged.destination)
            }
            if results[index] != nil { unlink(staged.temporaryPath); continue }
            directories.insert(Self.split(staged.destination).directory)
        }
        for directory in directories {
            let fd = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            if fd >= 0 {
                _ = fsync(fd)
                close(fd)
            }
        }
        return results
    }

    static func split(_ path: String) -> (directory: String, name: String) {
        guard let slash = path.lastIndex(of: "/") else { return (".", path) }
        let directory = String(path[..<slash])
        return (directory.isEmpty ? "/" : directory, String(path[path.index(after: slash)...]))
    }
}
