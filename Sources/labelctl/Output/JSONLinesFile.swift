import ArgumentParser
import Labeler
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#endif

/// A `--report` file: one JSON object per line, written as records arrive (in file order).
final class JSONLinesFile: @unchecked Sendable {
    // @unchecked: `append` is only called from the pipeline's ordered delivery, one call at a time.
    private let fd: Int32
    private let path: String
    private let encoder: JSONEncoder

    init(path: String) throws {
        self.path = path
        fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            CommandSupport.printError("\(path): cannot create the report: \(String(cString: strerror(errno)))")
            throw ExitStatus.ioError.exitCode
        }
        encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    }

    func append<Value: Encodable>(_ value: Value) {
        guard var bytes = try? Array(encoder.encode(value)) else { return }
        bytes.append(0x0A)
        _ = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
    }

    /// Writes `text` as is.
    func write(_ text: String) {
        let bytes = Array(text.utf8)
        var offset = 0
        bytes.withUnsafeBytes { buffer in
            while offset < buffer.count {
                let count = Glibc.write(fd, buffer.baseAddress.map { $0 + offset }, buffer.count - offset)
                if count <= 0 { return }
                offset += count
            }
        }
    }

    func close() throws {
        if Glibc.close(fd) != 0 {
            CommandSupport.printError("\(path): cannot finish the report: \(String(cString: strerror(errno)))")
            throw ExitStatus.ioError.exitCode
        }
    }
}
