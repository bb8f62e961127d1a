#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A read-only, private mapping of a whole file: walkers and writers read the page cache directly,
/// so stamping copies each unchanged byte once (mapping → output) instead of twice (read + write).
///
/// Inputs are assumed not to be truncated by another process while mapped (that would raise
/// SIGBUS); Labeler's own writes never modify an input in place (they rename a new file over it).
final class MappedFile {
    let path: String
    let bytes: UnsafeRawBufferPointer
    /// Permission bits, from the same `fstat` (outputs get the input's).
    let mode: mode_t
    private let mapping: UnsafeMutableRawPointer?

    /// Maps the regular file at `path`.
    /// - Throws: ``LabelerError`` (`.io` / `.tooLarge`) naming the path.
    init(_ path: String) throws {
        self.path = path
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw FileIO.ioError("open for reading", path) }
        defer { close(fd) }
        var status = stat()
        guard fstat(fd, &status) == 0 else { throw FileIO.ioError("stat", path) }
        guard (status.st_mode & S_IFMT) == S_IFREG else { throw LabelerError(.io, "not a regular file", path: path) }
        mode = status.st_mode & 0o7777
        let size = Int(status.st_size)
        guard size <= FileIO.maxFileBytes else {
            throw LabelerError(.tooLarge, "file of \(size) bytes exceeds the \(FileIO.maxFileBytes)-byte limit", path: path)
        }
        guard size > 0 else {
            mapping = nil
            bytes = UnsafeRawBufferPointer(start: nil, count: 0)
            return
        }
        guard let address = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0), address != MAP_FAILED else {
            throw FileIO.ioError("map", path)
        }
        _ = madvise(address, size, MADV_SEQUENTIAL)
        mapping = address
        bytes = UnsafeRawBufferPointer(start: address, count: size)
    }

    deinit {
        if let mapping { munmap(mapping, bytes.count) }
    }
}
