#if canImport(Glibc)
@preconcurrency import Glibc
#endif

/// The one place Labeler calls POSIX (swift-nio's `System.swift` and swift-system's
/// `valueOrErrno` do the same): every call retries on `EINTR`, and `-1` + `errno` becomes a
/// ``LabelerError`` naming the action and the path. `errno` is read right after the call, before
/// anything else can change it.
///
/// Linux only, like the rest of the package (`syncfs`, `sync_file_range`).
enum System {
    typealias FileStatus = stat
    typealias Mode = mode_t
    typealias UserID = uid_t
    typealias GroupID = gid_t
    typealias IOVector = iovec

    /// `open(2)` flags (`O_CLOEXEC` is always added).
    enum OpenFlags {
        static let read = O_RDONLY
        static let readFolder = O_RDONLY | O_DIRECTORY
        /// A new file that must not exist yet.
        static let createExclusive = O_WRONLY | O_CREAT | O_EXCL
        static let createOrTruncate = O_WRONLY | O_CREAT | O_TRUNC
        static let createOrAppend = O_WRONLY | O_CREAT | O_APPEND
    }

    /// What kind of file a status or a folder entry describes.
    enum Kind: Sendable, Equatable {
        case regular, directory, symlink, other, unknown

        init(_ status: FileStatus) {
            switch status.st_mode & S_IFMT {
            case S_IFREG: self = .regular
            case S_IFDIR: self = .directory
            case S_IFLNK: self = .symlink
            default: self = .other
            }
        }

        /// From a `readdir` `d_type` (``unknown`` when the file system does not say).
        init(entryType: UInt8) {
            switch Int32(entryType) {
            case Int32(DT_REG): self = .regular
            case Int32(DT_DIR): self = .directory
            case Int32(DT_LNK): self = .symlink
            case Int32(DT_UNKNOWN): self = .unknown
            default: self = .other
            }
        }
    }

    /// Calls `body` until it does not fail with `EINTR`; a `-1` result throws.
    @discardableResult
    static func call<R: BinaryInteger>(
        _ action: @autoclosure () -> String, _ path: FilePath, _ body: () -> R
    ) throws -> R {
        while true {
            let result = body()
            if result != -1 { return result }
            let code = errno
            if code == EINTR { continue }
            throw error(action(), path, code)
        }
    }

    /// The error for a failed call, with the C library's words for `code`.
    static func error(_ action: String, _ path: FilePath, _ code: Int32 = errno) -> LabelerError {
        LabelerError(.io, "cannot \(action): \(message(code))", path: path.description)
    }

    static func message(_ code: Int32) -> String { String(cString: strerror(code)) }

    // MARK: Files

    static func open(_ path: FilePath, _ flags: Int32, mode: mode_t = 0, action: String = "open") throws -> Int32 {
        try call(action, path) { path.withCString { Glibc.open($0, flags | O_CLOEXEC, mode) } }
    }

    /// Opens `path` relative to the folder `directory` (a descriptor), so long paths never pass `PATH_MAX`.
    static func open(
        at directory: Int32, _ name: [UInt8], _ flags: Int32, mode: mode_t = 0, path: FilePath
    ) throws -> Int32 {
        try call("open", path) { FilePath(bytes: name).withCString { openat(directory, $0, flags | O_CLOEXEC, mode) } }
    }

    static func close(_ fd: Int32) { _ = Glibc.close(fd) }

    /// An unnamed file in `folder`, readable and writable, gone when closed (`mkstemp`, then the
    /// name is unlinked at once).
    static func openUnnamedTemporary(in folder: FilePath) throws -> Int32 {
        var template = folder.appending(".labelctl-scratch-XXXXXX").bytes.map { CChar(bitPattern: $0) } + [0]
        let fd = try call("create a scratch file in", folder) { mkstemp(&template) }
        _ = Glibc.unlink(template)
        return fd
    }

    /// `close(2)`, reporting failure (data that never reached the disk).
    static func closeChecked(_ fd: Int32, _ path: FilePath, action: String) throws {
        if Glibc.close(fd) != 0 { throw error(action, path) }
    }

    /// Whether descriptor `fd` is a terminal.
    static func isTerminal(_ fd: Int32) -> Bool { isatty(fd) == 1 }

    /// The bytes of a NUL-terminated C string.
    static func bytes(ofCString pointer: UnsafePointer<CChar>) -> [UInt8] {
        Array(UnsafeRawBufferPointer(start: pointer, count: strlen(pointer)))
    }

    static func fstat(_ fd: Int32, _ path: FilePath) throws -> FileStatus {
        var status = FileStatus()
        try call("stat", path) { Glibc.fstat(fd, &status) }
        return status
    }

    /// `stat` (following symlinks) or `lstat`; `nil` when the path does not exist.
    static func stat(_ path: FilePath, followingSymlinks: Bool = true) throws -> FileStatus? {
        var status = FileStatus()
        let result = path.withCString { followingSymlinks ? posixStat($0, &status) : lstat($0, &status) }
        if result == 0 { return status }
        if errno == ENOENT || errno == ENOTDIR { return nil }
        throw error("stat", path)
    }

    /// Reads up to `count` bytes at `offset` into `buffer`; returns how many (0 at end of file).
    static func pread(
        _ fd: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int, at offset: Int, _ path: FilePath
    ) throws -> Int {
        try call("read", path) { Glibc.pread(fd, buffer, count, off_t(offset)) }
    }

    /// Writes all of `buffer`, retrying short writes.
    static func writeAll(
        _ fd: Int32, _ buffer: UnsafeRawBufferPointer, _ path: FilePath, action: String = "write"
    ) throws {
        var written = 0
        while written < buffer.count {
            written += try call(action, path) {
                Glibc.write(fd, buffer.baseAddress.map { $0 + written }, buffer.count - written)
            }
        }
    }

    static func writev(_ fd: Int32, _ vectors: UnsafePointer<iovec>, _ count: Int, _ path: FilePath) throws -> Int {
        try call("write", path) { Glibc.writev(fd, vectors, Int32(count)) }
    }

    static func fdatasync(_ fd: Int32, _ path: FilePath) throws { try call("sync", path) { Glibc.fdatasync(fd) } }
    static func fsync(_ fd: Int32, _ path: FilePath) throws { try call("sync", path) { Glibc.fsync(fd) } }
    static func fchmod(_ fd: Int32, _ mode: mode_t, _ path: FilePath) throws {
        try call("set permissions", path) { Glibc.fchmod(fd, mode) }
    }

    /// `fchown`; `EPERM` (not root, or a group we are not in) is not an error: the caller keeps
    /// what it is permitted to keep.
    static func fchown(_ fd: Int32, owner: uid_t, group: gid_t) -> Bool { Glibc.fchown(fd, owner, group) == 0 }

    static func rename(_ from: FilePath, _ to: FilePath) throws {
        try call("rename the finished output into place", to) {
            from.withCString { source in to.withCString { Glibc.rename(source, $0) } }
        }
    }

    static func unlink(_ path: FilePath) { _ = path.withCString { Glibc.unlink($0) } }

    /// `rmdir`: removes an empty folder (errors ignored, as for ``unlink(_:)``).
    static func removeFolder(_ path: FilePath) { _ = path.withCString { Glibc.rmdir($0) } }

    static func mkdir(_ path: FilePath, mode: mode_t) throws {
        let result = path.withCString { Glibc.mkdir($0, mode) }
        if result != 0, errno != EEXIST { throw error("create the folder", path) }
    }

    static func access(_ path: FilePath, _ mode: Int32) -> Bool { path.withCString { Glibc.access($0, mode) } == 0 }

    /// The canonical absolute path (`realpath`), or `nil` when it does not resolve.
    static func realPath(_ path: FilePath) -> FilePath? {
        path.withCString { pointer -> FilePath? in
            guard let resolved = realpath(pointer, nil) else { return nil }
            defer { free(resolved) }
            return FilePath(bytes: UnsafeRawBufferPointer(start: resolved, count: strlen(resolved)))
        }
    }

    /// The process's umask, read without changing it for longer than the two calls.
    static let umask: mode_t = {
        let mask = Glibc.umask(0o022)
        Glibc.umask(mask)
        return mask
    }()

    static var effectiveUserID: uid_t { geteuid() }

    // MARK: Folders

    /// The entries of folder `path` (without `.` and `..`), as names and `d_type`s.
    static func listFolder(_ path: FilePath) throws -> [(name: [UInt8], kind: Kind)] {
        guard let handle = path.withCString({ opendir($0) }) else { throw error("list the folder", path) }
        defer { closedir(handle) }
        var entries: [(name: [UInt8], kind: Kind)] = []
        while true {
            errno = 0
            guard let entry = readdir(handle) else {
                if errno != 0 { throw error("list the folder", path) }
                break
            }
            // Read the name in place, up to its NUL: the kernel's record is only `d_reclen` bytes, so
            // loading `d_name` by value (256 bytes) can read past the end of readdir's buffer.
            guard let nameOffset = MemoryLayout<dirent>.offset(of: \dirent.d_name) else { continue }
            let name = bytes(ofCString: (UnsafeRawPointer(entry) + nameOffset).assumingMemoryBound(to: CChar.self))
            if name == [0x2E] || name == [0x2E, 0x2E] { continue }
            entries.append((name, Kind(entryType: entry.pointee.d_type)))
        }
        return entries
    }

    // MARK: Bytes

    /// The index of the first `byte` in `buffer` at or after `start` (`memchr`), or `nil`.
    static func firstIndex(of byte: UInt8, in buffer: UnsafeRawBufferPointer, from start: Int) -> Int? {
        guard let base = buffer.baseAddress, start < buffer.count else { return nil }
        guard let found = memchr(base + start, Int32(byte), buffer.count - start) else { return nil }
        return base.distance(to: UnsafeRawPointer(found))
    }

    /// Sleeps the calling thread (a worker waiting for the reorder buffer to drain).
    static func pause(microseconds: UInt32) { usleep(microseconds) }

    /// The environment variable `name`, if set and not empty.
    static func environment(_ name: String) -> String? {
        guard let value = getenv(name) else { return nil }
        let text = String(cString: value)
        return text.isEmpty ? nil : text
    }

    static var activeProcessorCount: Int { max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))) }
}

/// The fields of a status the rest of the package reads (so only this file imports Glibc).
extension System.FileStatus {
    var device: UInt64 { UInt64(st_dev) }
    var inode: UInt64 { UInt64(st_ino) }
    var byteCount: Int { Int(st_size) }
    var permissions: System.Mode { st_mode & 0o7777 }
    var owner: System.UserID { st_uid }
    var group: System.GroupID { st_gid }
    var linkCount: Int { Int(st_nlink) }
    var modifiedNanoseconds: Int64 { Int64(st_mtim.tv_sec) * 1_000_000_000 + Int64(st_mtim.tv_nsec) }
    var changedNanoseconds: Int64 { Int64(st_ctim.tv_sec) * 1_000_000_000 + Int64(st_ctim.tv_nsec) }
}

/// `stat(2)`, outside ``System`` whose own `stat` would shadow it.
private func posixStat(_ path: UnsafePointer<CChar>, _ status: UnsafeMutablePointer<stat>) -> Int32 {
    stat(path, status)
}
