#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Thin POSIX file access: whole-file reads, vectored writes, errors as ``LabelerError`` with the path.
///
/// POSIX is used directly (not `FileManager`) because this is the batch pipeline's hot path: one
/// `open`/`fstat`/`read` per input and one `writev` per output, no intermediate copies.
enum FileIO {
    /// Largest input read into memory (a PNG or JPEG beyond this is refused, not half-read).
    static let maxFileBytes = 1 << 31

    static func errorMessage(_ code: Int32) -> String { String(cString: strerror(code)) }

    static func ioError(_ action: String, _ path: String, _ code: Int32 = errno) -> LabelerError {
        LabelerError(.io, "cannot \(action): \(errorMessage(code))", path: path)
    }

    /// Reads the whole file at `path`.
    static func read(_ path: String) throws -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw ioError("open for reading", path) }
        defer { close(fd) }
        var status = stat()
        guard fstat(fd, &status) == 0 else { throw ioError("stat", path) }
        guard (status.st_mode & S_IFMT) == S_IFREG else { throw LabelerError(.io, "not a regular file", path: path) }
        let size = Int(status.st_size)
        guard size <= maxFileBytes else { throw LabelerError(.tooLarge, "file of \(size) bytes exceeds the \(maxFileBytes)-byte limit", path: path) }
        // Uninitialised storage: zeroing it first showed up as a memset pass in profiles.
        return try [UInt8](unsafeUninitializedCapacity: size) { buffer, initialized in
            var total = 0
            while total < size {
                let count = Glibc.read(fd, buffer.baseAddress.map { $0 + total }, size - total)
                if count < 0 {
                    if errno == EINTR { continue }
                    throw ioError("read", path)
                }
                if count == 0 { break }  // the file shrank while we read it
                total += count
            }
            initialized = total
        }
    }

    /// Writes `plan` applied to `source` to the open descriptor `fd` with `writev`: original pieces
    /// point into `source`, inserted pieces into one buffer that holds them all.
    static func write(_ plan: SplicePlan, from source: [UInt8], to fd: Int32, path: String) throws {
        try source.withUnsafeBytes { try write(plan, from: $0, to: fd, path: path) }
    }

    static func write(_ plan: SplicePlan, from sourceBuffer: UnsafeRawBufferPointer, to fd: Int32, path: String) throws {
        var inserted: [UInt8] = []
        for case .inserted(let bytes) in plan.pieces { inserted += bytes }
        try inserted.withUnsafeBytes { insertedBuffer in
            var vectors: [iovec] = []
            vectors.reserveCapacity(plan.pieces.count)
            var insertedOffset = 0
            for piece in plan.pieces {
                switch piece {
                case .original(let range):
                    let base = sourceBuffer.baseAddress.map { UnsafeMutableRawPointer(mutating: $0 + range.lowerBound) }
                    vectors.append(iovec(iov_base: base, iov_len: range.count))
                case .inserted(let bytes):
                    let base = insertedBuffer.baseAddress.map { UnsafeMutableRawPointer(mutating: $0 + insertedOffset) }
                    vectors.append(iovec(iov_base: base, iov_len: bytes.count))
                    insertedOffset += bytes.count
                }
            }
            try writeAll(&vectors, fd: fd, path: path)
        }
    }

    /// Writes every vector, retrying short writes and EINTR; empties `vectors`.
    private static func writeAll(_ vectors: inout [iovec], fd: Int32, path: String) throws {
        var index = 0
        while index < vectors.count {
            let batch = min(vectors.count - index, 1024)
            let written = vectors.withUnsafeMutableBufferPointer { buffer in
                writev(fd, buffer.baseAddress.map { $0 + index }, Int32(batch))
            }
            if written < 0 {
                if errno == EINTR { continue }
                throw ioError("write", path)
            }
            var remaining = written
            while remaining > 0, index < vectors.count {
                if remaining >= vectors[index].iov_len {
                    remaining -= vectors[index].iov_len
                    index += 1
                } else {
                    vectors[index].iov_base = vectors[index].iov_base.map { $0 + remaining }
                    vectors[index].iov_len -= remaining
                    remaining = 0
                }
            }
            while index < vectors.count, vectors[index].iov_len == 0 { index += 1 }
        }
        vectors.removeAll(keepingCapacity: true)
    }
}
