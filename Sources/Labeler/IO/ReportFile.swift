/// A report the CLI writes (`--report`, `check --output`): created or truncated, written as
/// results arrive, closed with its errors reported. Used from one thread at a time (the ordered
/// delivery of a batch), hence `@unchecked Sendable`.
public final class ReportFile: @unchecked Sendable {
    public let path: FilePath
    private let fd: Int32
    private let ownsDescriptor: Bool
    private var failure: LabelerError?

    /// Creates (or truncates) the file at `path`, mode 0644 less the umask.
    public init(path: FilePath) throws {
        self.path = path
        fd = try System.open(path, System.OpenFlags.createOrTruncate, mode: 0o644, action: "create the report")
        ownsDescriptor = true
    }

    private init(fd: Int32, path: FilePath, ownsDescriptor: Bool) {
        self.fd = fd
        self.path = path
        self.ownsDescriptor = ownsDescriptor
    }

    /// Writes `text` to a new file at `path` with `mode` (0600 for private keys), refusing to
    /// replace an existing file; the file is synced before this returns.
    public static func writeNew(_ path: FilePath, _ text: String, mode: UInt32) throws {
        let fd = try System.open(path, System.OpenFlags.createExclusive, mode: System.Mode(mode), action: "create")
        do {
            try System.fchmod(fd, System.Mode(mode), path)
            try Array(text.utf8).withUnsafeBytes { try System.writeAll(fd, $0, path) }
            try System.fsync(fd, path)
            try System.closeChecked(fd, path, action: "finish")
        } catch {
            System.close(fd)
            System.unlink(path)
            throw LabelerError.wrapping(error, path: path.description)
        }
    }

    /// Creates the folder `path` (and its parents) with `mode` if it does not exist.
    public static func makeFolder(_ path: FilePath, mode: UInt32) throws {
        try BatchPipeline.makeFolder(path, mode: System.Mode(mode))
    }

    /// The text of a small file the user names (a certificate, a key, a policy).
    public static func readText(_ path: FilePath) throws -> String {
        String(decoding: try InputFile(reading: path).bytes, as: UTF8.self)
    }

    /// Standard output, as a report (``close()`` leaves it open).
    public static func standardOutput() -> ReportFile { ReportFile(fd: 1, path: "<stdout>", ownsDescriptor: false) }

    /// An unnamed scratch file in the temporary folder (`O_TMPFILE`: gone when closed, never seen by
    /// anyone), for report parts that must be written before their header is known.
    public static func scratch() throws -> ReportFile {
        let folder = FilePath(System.environment("TMPDIR") ?? "/tmp")
        return ReportFile(
            fd: try System.openUnnamedTemporary(in: folder), path: folder.appending("<scratch>"), ownsDescriptor: true)
    }

    /// Appends everything written to `scratch` so far, in blocks of 1 MiB (memory stays flat).
    public func append(contentsOf scratch: ReportFile) {
        var block = [UInt8](repeating: 0, count: 1 << 20)
        var offset = 0
        while failure == nil {
            let count: Int
            do {
                count = try block.withUnsafeMutableBytes {
                    try System.pread(scratch.fd, $0.baseAddress, $0.count, at: offset, scratch.path)
                }
            } catch {
                failure = LabelerError.wrapping(error, path: scratch.path.description)
                return
            }
            if count == 0 { return }
            write(Array(block[..<count]))
            offset += count
        }
    }

    /// Writes `bytes`; the first failure is kept and thrown by ``close()``.
    public func write(_ bytes: [UInt8]) {
        guard failure == nil else { return }
        do {
            try bytes.withUnsafeBytes { try System.writeAll(fd, $0, path, action: "write the report") }
        } catch {
            failure = LabelerError.wrapping(error, path: path.description)
        }
    }

    public func write(_ text: String) { write(Array(text.utf8)) }

    /// Closes the file.
    /// - Throws: the first write failure, or a failed `close` (data that never reached the disk).
    public func close() throws {
        guard ownsDescriptor else {
            if let failure { throw failure }
            return
        }
        do {
            try System.closeChecked(fd, path, action: "finish the report")
        } catch {
            throw failure ?? LabelerError.wrapping(error, path: nil)
        }
        if let failure { throw failure }
    }
}

/// The process's standard streams, for front ends.
public enum StandardStreams {
    /// Writes `text` to standard error, unbuffered (lines from several threads do not interleave
    /// within a write).
    public static func writeError(_ text: String) {
        let bytes = Array(text.utf8)
        bytes.withUnsafeBytes { buffer in _ = try? System.writeAll(2, buffer, "<stderr>") }
    }

    /// Whether standard error is a terminal (progress bars are drawn only then).
    public static var errorIsTerminal: Bool { System.isTerminal(2) }

    /// The environment variable `name`, if set and not empty (`NO_COLOR`, …).
    public static func environment(_ name: String) -> String? { System.environment(name) }

    /// The raw bytes of the command-line arguments that read as `texts`, matched in argv order with
    /// each argv entry used once: two names differing only in non-UTF-8 bytes stay two names.
    /// (argv is decoded as UTF-8 with invalid bytes replaced, so such names must come from argv.)
    public static func argumentPaths(_ texts: [String]) -> [FilePath] {
        var next = 1
        return texts.map { text in
            var index = next
            while index < Int(CommandLine.argc) {
                defer { index += 1 }
                guard let pointer = CommandLine.unsafeArgv[index] else { continue }
                let bytes = System.bytes(ofCString: pointer)
                if String(decoding: bytes, as: UTF8.self) == text {
                    next = index + 1
                    return FilePath(bytes: bytes)
                }
            }
            return FilePath(text)
        }
    }

    /// The raw bytes of the one command-line argument that reads as `text` (an option's value).
    public static func argumentPath(_ text: String) -> FilePath {
        for index in 0 ..< Int(CommandLine.argc) {
            guard let pointer = CommandLine.unsafeArgv[index] else { continue }
            let bytes = System.bytes(ofCString: pointer)
            if String(decoding: bytes, as: UTF8.self) == text { return FilePath(bytes: bytes) }
        }
        return FilePath(text)
    }
}
