import LabelerCInterop

/// Crash-safe replacement of files: write a temporary file beside the destination, make it durable,
/// check the input did not change meanwhile, rename it over the destination, make the folder durable.
///
/// Durability is by group commit: ``stage(_:from:to:)`` writes temp files without syncing;
/// ``commit(_:)`` syncs a whole batch (one `syncfs` per file system instead of one `fsync` per
/// file), then renames, then fsyncs each folder once. Until the rename a destination is entirely
/// old; after it, entirely new. A crash leaves at most `.labeler-*.tmp` files, which
/// ``isTemporaryName(_:)`` recognises so discovery skips them and the next run removes them.
struct AtomicFileWriter: Sendable {
    /// A written, not yet committed, output.
    struct Staged: Sendable {
        let temporaryPath: FilePath
        let destination: FilePath
        let fd: Int32
        /// Run just before the rename: throws when the input changed while it was stamped.
        let inputCheck: InputFile.Check?
    }

    /// Permissions and ownership of a new output.
    struct Attributes: Sendable {
        var mode: System.Mode
        /// Owner and group to keep (in-place replacement), where the process may set them.
        var owner: (uid: System.UserID, gid: System.GroupID)?

        /// A new file under an output folder: the input's permission bits less the umask, never
        /// setuid, setgid or sticky (a setuid input must not become a setuid output owned by us).
        static func newFile(like input: InputFile) -> Attributes {
            Attributes(mode: input.mode & 0o777 & ~System.umask, owner: nil)
        }

        /// A replacement of `input` in place: its permission bits (without setuid/setgid/sticky),
        /// owner and group.
        static func replacing(_ input: InputFile) -> Attributes {
            Attributes(mode: input.mode & 0o777, owner: (input.owner, input.group))
        }
    }

    static let temporaryPrefix = ".labeler-"
    /// This process's part of every temporary name, so the leftover cleanup of a run never removes
    /// the files its own workers are still writing.
    static let runToken = String(UInt64.random(in: 0 ... .max), radix: 36)
    /// Outputs at least this large start their writeback as soon as they are written.
    static let writebackThreshold = 64 << 10
    /// Batches up to this size are synced file by file; larger ones with one `syncfs`.
    static let fdatasyncBatchLimit = 2

    /// Our temporary names: `.labeler-<run>-<random>.tmp` (short, whatever the destination's name,
    /// so a 255-byte name still fits NAME_MAX), and the older `.<name>.labeler-<random>.tmp`.
    static func isTemporaryName(_ name: [UInt8]) -> Bool {
        guard let text = String(validating: name, as: UTF8.self) else { return false }
        return text.hasPrefix(".") && text.contains(temporaryPrefix) && text.hasSuffix(".tmp")
    }

    /// A temporary file an earlier, interrupted run left (not one this process is writing).
    static func isLeftover(_ name: [UInt8]) -> Bool {
        isTemporaryName(name) && !name.starts(with: Array((temporaryPrefix + runToken + "-").utf8))
    }

    /// Writes `plan` over `source` to a new temporary file in `destination`'s folder.
    func stage(
        _ plan: SplicePlan, from source: [UInt8], to destination: FilePath, attributes: Attributes,
        inputCheck: InputFile.Check?
    ) throws -> Staged {
        let directory = destination.split.directory
        let temporary = directory.appending(
            Self.temporaryPrefix + Self.runToken + "-" + String(UInt64.random(in: 0 ... .max), radix: 36) + ".tmp")
        let fd = try System.open(
            temporary, System.OpenFlags.createExclusive, mode: attributes.mode & 0o700 | 0o600,
            action: "create a file in '\(directory)'")
        do {
            try FileIO.write(plan, from: source, to: fd, path: destination)
            if let owner = attributes.owner, !System.fchown(fd, owner: owner.uid, group: owner.gid) {
                // Not permitted (not root): keep at least the group where we are a member.
                _ = System.fchown(fd, owner: System.UserID.max, group: owner.gid)
            }
            try System.fchmod(fd, attributes.mode, destination)
            // Overlap disk I/O with the next file (commit waits for the rest); for small files the
            // extra call costs more than it saves.
            if plan.outputSize >= Self.writebackThreshold { FileSystem.startWriteback(fd) }
        } catch {
            System.close(fd)
            System.unlink(temporary)
            throw error
        }
        return Staged(temporaryPath: temporary, destination: destination, fd: fd, inputCheck: inputCheck)
    }

    /// Makes `batch` durable and visible: sync data, check inputs, rename each over its destination,
    /// fsync the folders.
    /// - Returns: per staged file, `nil` when it is in place, or the error that kept it out (its
    ///   temporary file is removed and its destination left as it was).
    @discardableResult
    func commit(_ batch: [Staged]) -> [LabelerError?] {
        var results = [LabelerError?](repeating: nil, count: batch.count)
        // A few files: fdatasync each (syncfs would also flush unrelated dirty data). A group: one
        // syncfs per file system is one journal commit for all of it.
        var syncedDevices: [UInt64: LabelerError?] = [:]
        for (index, staged) in batch.enumerated() {
            do {
                if batch.count <= Self.fdatasyncBatchLimit {
                    try System.fdatasync(staged.fd, staged.destination)
                } else {
                    let device = try System.fstat(staged.fd, staged.destination).device
                    if syncedDevices[device] == nil {
                        syncedDevices[device] =
                            FileSystem.sync(containing: staged.fd) == 0
                            ? .some(nil) : System.error("sync", staged.destination)
                    }
                    if let failure = syncedDevices[device] ?? nil { throw failure }
                }
                try staged.inputCheck?.run()
            } catch {
                results[index] = LabelerError.wrapping(error, path: staged.destination.description)
            }
        }
        var directories: Set<FilePath> = []
        for (index, staged) in batch.enumerated() {
            System.close(staged.fd)
            if results[index] == nil {
                do { try System.rename(staged.temporaryPath, staged.destination) } catch {
                    results[index] = LabelerError.wrapping(error, path: nil)
                }
            }
            if results[index] != nil { System.unlink(staged.temporaryPath); continue }
            directories.insert(staged.destination.split.directory)
        }
        for directory in directories {
            guard let fd = try? System.open(directory, System.OpenFlags.readFolder) else { continue }
            try? System.fsync(fd, directory)
            System.close(fd)
        }
        return results
    }
}
