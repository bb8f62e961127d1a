#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// An append-only JSON Lines journal of finished files, for `--resume` after `kill -9` or power loss.
///
/// A line is appended only after its output was renamed into place and the folder synced, and the
/// journal is `fdatasync`ed with each group commit. So every path in the journal is finished; any
/// file not in it is redone (stamping is idempotent: re-stamping replaces our label). A torn last
/// line (crash mid-append) is ignored on reading.
final class Journal: Sendable {
    let path: String
    private let fd: Int32
    private let lock = Mutex(())

    init(path: String) throws {
        self.path = path
        fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw FileIO.ioError("open the journal", path) }
    }

    deinit { close(fd) }

    /// Appends `records` and makes them durable.
    func append(_ records: [BatchRecord]) throws {
        guard !records.isEmpty else { return }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var bytes: [UInt8] = []
        for record in records {
            bytes += Array(try encoder.encode(record))
            bytes.append(0x0A)
        }
        try lock.withLock { _ in
            var written = 0
            try bytes.withUnsafeBytes { buffer in
                while written < buffer.count {
                    let count = write(fd, buffer.baseAddress.map { $0 + written }, buffer.count - written)
                    if count < 0 { if errno == EINTR { continue }; throw FileIO.ioError("append to the journal", path) }
                    written += count
                }
            }
            guard fdatasync(fd) == 0 else { throw FileIO.ioError("sync the journal", path) }
        }
    }

    /// Input paths recorded as stamped in the journal at `path` (empty if there is none yet).
    static func finishedInputs(at path: String) throws -> Set<String> {
        var status = stat()
        guard stat(path, &status) == 0 else { return [] }
        let bytes = try FileIO.read(path)
        let decoder = JSONDecoder()
        var finished: Set<String> = []
        for line in bytes.split(separator: 0x0A) {
            guard let record = try? decoder.decode(BatchRecord.self, from: Data(line)), record.outcome == .stamped else { continue }
            finished.insert(record.path)
        }
        return finished
    }
}
