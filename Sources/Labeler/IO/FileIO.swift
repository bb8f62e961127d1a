import Glibc  // iovec and its fields: this file and System.swift are the syscall layer

/// Vectored writes of a ``SplicePlan``: kept regions point into the input's bytes, new regions
/// into their own arrays, and one `writev` (per 1024 vectors) writes them all without copying.
enum FileIO {
    /// Writes `plan` applied to `source` to the open descriptor `fd`.
    static func write(_ plan: SplicePlan, from source: [UInt8], to fd: Int32, path: FilePath) throws {
        var inserted: [UInt8] = []
        for region in plan.regions { if case .bytes(let bytes) = region.content { inserted += bytes } }
        try source.withUnsafeBytes { sourceBuffer in
            try inserted.withUnsafeBytes { insertedBuffer in
                var vectors: [System.IOVector] = []
                vectors.reserveCapacity(plan.regions.count)
                var insertedOffset = 0
                for region in plan.regions {
                    switch region.content {
                    case .original(let range):
                        let base = sourceBuffer.baseAddress.map {
                            UnsafeMutableRawPointer(mutating: $0 + range.lowerBound)
                        }
                        vectors.append(System.IOVector(iov_base: base, iov_len: range.count))
                    case .bytes(let bytes):
                        let base = insertedBuffer.baseAddress.map {
                            UnsafeMutableRawPointer(mutating: $0 + insertedOffset)
                        }
                        vectors.append(System.IOVector(iov_base: base, iov_len: bytes.count))
                        insertedOffset += bytes.count
                    }
                }
                try writeAll(&vectors, fd: fd, path: path)
            }
        }
    }

    /// Writes every vector, retrying short writes and EINTR.
    private static func writeAll(_ vectors: inout [System.IOVector], fd: Int32, path: FilePath) throws {
        var index = 0
        while index < vectors.count {
            let batch = min(vectors.count - index, 1024)
            let written = try vectors.withUnsafeBufferPointer { buffer in
                guard let base = buffer.baseAddress else { return 0 }
                return try System.writev(fd, base + index, batch, path)
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
    }
}
