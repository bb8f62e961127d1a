/// One input read whole into memory, with the identity it had when read, so a file that changes
/// while it is being stamped is caught instead of half-copied.
///
/// Inputs are read (`pread`), not mapped: a mapped file truncated by another process raises
/// `SIGBUS` and kills the batch, and one written to while mapped can feed torn bytes to the output.
/// A private copy is consistent by construction: the walker checks it (every PNG CRC), the output is
/// written from it, and ``Check/run()`` compares size, mtime and ctime afterwards.
struct InputFile: Sendable {
    /// Largest input read into memory (a file beyond this is refused, not half-read).
    static let maxBytes = 1 << 31

    let path: FilePath
    /// The whole file, or only its first bytes when ``isComplete`` is false.
    let bytes: [UInt8]
    /// False when the file was not read past its first bytes (its format was not accepted).
    let isComplete: Bool
    /// The file's size, from `fstat`.
    let size: Int
    /// Permission bits, owner and group, and the identity, from the `fstat` before reading.
    let mode: System.Mode
    let owner: System.UserID
    let group: System.GroupID
    let linkCount: Int
    /// What ``Check/run()`` compares against after the output is written.
    let check: Check

    /// The path and identity of an input, small enough to keep until its output is renamed.
    struct Check: Sendable {
        let path: FilePath
        let identity: Identity

        /// Throws when the file at ``path`` is no longer the one read: replaced, resized, or written
        /// to (its modification or change time moved).
        func run() throws {
            guard let now = try System.stat(path), Identity(now) == identity else { throw InputFile.changedError(path) }
        }
    }

    struct Identity: Sendable, Equatable {
        var device: UInt64
        var inode: UInt64
        var size: Int
        var modified: Int64
        var changed: Int64

        init(_ status: System.FileStatus) {
            device = status.device
            inode = status.inode
            size = status.byteCount
            modified = status.modifiedNanoseconds
            changed = status.changedNanoseconds
        }
    }

    /// Reads the regular file at `path` (following a symlink to it).
    /// - Throws: ``LabelerError`` (`.io`, `.tooLarge`) naming the path.
    /// - Parameter accept: when given, only the first ``ContainerRegistry/sniffLength`` bytes are
    ///   read first, and the rest only if `accept` takes them (a video met in a folder is not read
    ///   whole just to be skipped); otherwise ``isComplete`` is false and ``bytes`` is that prefix.
    init(reading path: FilePath, onlyIf accept: (([UInt8]) -> Bool)? = nil) throws {
        self.path = path
        let fd = try System.open(path, System.OpenFlags.read, action: "open for reading")
        defer { System.close(fd) }
        let status = try System.fstat(fd, path)
        guard System.Kind(status) == .regular else {
            throw LabelerError(.io, "not a regular file", path: path.description)
        }
        guard status.byteCount <= Self.maxBytes else {
            throw LabelerError(
                .tooLarge, "file of \(status.byteCount) bytes exceeds the \(Self.maxBytes)-byte limit",
                path: path.description)
        }
        size = status.byteCount
        if let accept {
            var prefix = [UInt8](repeating: 0, count: min(size, ContainerRegistry.sniffLength))
            let count = try prefix.withUnsafeMutableBytes {
                try System.pread(fd, $0.baseAddress, $0.count, at: 0, path)
            }
            if !accept(Array(prefix.prefix(count))) {
                bytes = Array(prefix.prefix(count))
                isComplete = false
                mode = status.permissions
                owner = status.owner
                group = status.group
                linkCount = status.linkCount
                check = Check(path: path, identity: Identity(status))
                return
            }
        }
        isComplete = true
        var shortRead = false
        let fileSize = status.byteCount
        bytes = try [UInt8](unsafeUninitializedCapacity: fileSize) { buffer, initialized in
            var total = 0
            while total < fileSize {
                let count = try System.pread(
                    fd, buffer.baseAddress.map { UnsafeMutableRawPointer($0 + total) }, fileSize - total, at: total,
                    path)
                if count == 0 { shortRead = true; break }
                total += count
            }
            initialized = total
        }
        if shortRead { throw Self.changedError(path) }
        mode = status.permissions
        owner = status.owner
        group = status.group
        linkCount = status.linkCount
        check = Check(path: path, identity: Identity(status))
    }

    static func changedError(_ path: FilePath) -> LabelerError {
        LabelerError(
            .io,
            "the file changed while it was being read or stamped (size, mtime or ctime moved); nothing was written",
            path: path.description)
    }
}
