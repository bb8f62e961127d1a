public import LabelerC2PA
/// The library's front door: stamp, verify and inspect files.
///
/// ```swift
/// let disclosure = Disclosure(aiSystem: "ExampleGen", aiSystemVersion: "2.1",
///                             producerCode: try ProducerCode(validating: "001191110000EXAMPLE00X1AB01"))
/// let stamper = try Stamper(disclosure: disclosure)
/// try Labeler.stamp(file: "in.png", to: "out/in.png", with: stamper)
/// let report = Labeler.verify(file: "out/in.png")   // report.verdict == .labelled
/// ```
/// For whole trees, use ``BatchPipeline`` and ``BatchVerifier``.
public enum Labeler {
    /// Stamps `input` and atomically writes the result to `output` (which may be `input` itself:
    /// the original is then replaced in one rename, entirely old or entirely new).
    /// - Throws: ``LabelerError`` naming the file and, for corrupt input, the byte offset. On error
    ///   no output file is left behind and the input is unchanged.
    @discardableResult
    public static func stamp(file input: FilePath, to output: FilePath, with stamper: Stamper) throws -> StampedFile {
        let file = try InputFile(reading: input)
        let stamped: StampedFile
        do {
            stamped = try stamper.stamp(file.bytes)
        } catch {
            throw LabelerError.wrapping(error, path: input.description)
        }
        let writer = AtomicFileWriter()
        let attributes: AtomicFileWriter.Attributes = input == output ? .replacing(file) : .newFile(like: file)
        let staged = try writer.stage(
            stamped.plan, from: file.bytes, to: output, attributes: attributes, inputCheck: file.check)
        if let failure = writer.commit([staged]).first ?? nil { throw failure }
        return stamped
    }

    /// Verifies the file at `path`; unreadable or corrupt files give a report with verdict `.error`.
    public static func verify(
        file path: FilePath, trustAnchors: TrustAnchors? = nil, pixels: PixelCheck = .auto,
        readsVisibleNotices: Bool = false
    ) -> VerificationReport {
        report(path, trustAnchors: trustAnchors, pixels: pixels, ocr: readsVisibleNotices) {
            try InputFile(reading: path)
        }
    }

    /// Whether a file is read as text: no image magic bytes, and a text extension (`.txt`, `.md`,
    /// `.json`, …) — or, for a file named explicitly without any extension (`README`, a pipe's
    /// output saved as `answer`), contents that are valid UTF-8. Another extension (`.png`, `.svg`)
    /// is never taken for text.
    static func isText(name: [UInt8], prefix: some Collection<UInt8>, whole: [UInt8]?) -> Bool {
        guard ContainerRegistry.type(sniffing: Array(prefix.prefix(ContainerRegistry.sniffLength))) == nil else {
            return false
        }
        let fileName = String(decoding: name, as: UTF8.self)
        if TextFormat.byExtension(of: fileName) != nil { return true }
        guard let whole, !whole.isEmpty, !fileName.dropFirst().contains(".") else { return false }
        return (try? TextLayout(validating: whole)) != nil
    }

    /// ``verify(file:trustAnchors:)`` for a file met in a folder: `nil`, without reading past its
    /// first bytes, when its format is not one Labeler reads.
    static func verifyIfSupported(
        file path: FilePath, trustAnchors: TrustAnchors?, pixels: PixelCheck = .auto,
        readsVisibleNotices: Bool = false
    ) -> VerificationReport? {
        let input: InputFile
        do {
            input = try InputFile(
                reading: path,
                onlyIf: {
                    ContainerRegistry.type(sniffing: $0) != nil || isText(name: path.name, prefix: $0, whole: nil)
                }
            )
        } catch {
            return report(path, trustAnchors: trustAnchors, pixels: pixels, ocr: readsVisibleNotices) { throw error }
        }
        guard input.isComplete else { return nil }
        return report(path, trustAnchors: trustAnchors, pixels: pixels, ocr: readsVisibleNotices) { input }
    }

    /// The report for the file `read` gives, or an `.error` report with what it threw.
    private static func report(
        _ path: FilePath, trustAnchors: TrustAnchors?, pixels: PixelCheck, ocr: Bool = false,
        read: () throws -> InputFile
    ) -> VerificationReport {
        var report: VerificationReport
        do {
            let bytes = try read().bytes
            if isText(name: path.name, prefix: bytes.prefix(ContainerRegistry.sniffLength), whole: bytes) {
                report = TextVerifier(trustAnchors: trustAnchors).verify(
                    bytes, fileName: String(decoding: path.name, as: UTF8.self))
            } else {
                report = Verifier(trustAnchors: trustAnchors, pixels: pixels, readsVisibleNotices: ocr).verify(bytes)
            }
        } catch {
            report = VerificationReport(
                format: nil, verdict: .error, layers: [], regimes: [], error: LabelerError.wrapping(error, path: nil))
        }
        report.path = path
        return report
    }

    /// The structure of the file at `path` and every metadata site in it.
    /// - Throws: ``LabelerError`` for unreadable, unsupported or corrupt files.
    public static func inspect(file path: FilePath) throws -> Inspection {
        do {
            let container = try ContainerRegistry.walk(try InputFile(reading: path).bytes)
            var report = Verifier().report(for: container)
            report.path = path
            return Inspection(path: path, map: container.map, report: report)
        } catch {
            throw LabelerError.wrapping(error, path: path.description)
        }
    }

    /// ``stamp(file:to:with:)`` for paths given as text.
    @discardableResult
    public static func stamp(file input: String, to output: String, with stamper: Stamper) throws -> StampedFile {
        try stamp(file: FilePath(input), to: FilePath(output), with: stamper)
    }

    /// ``verify(file:)`` for a path given as text.
    public static func verify(file path: String) -> VerificationReport { verify(file: FilePath(path)) }

    /// ``inspect(file:)`` for a path given as text.
    public static func inspect(file path: String) throws -> Inspection { try inspect(file: FilePath(path)) }

    /// The chunk or segment map of in-memory `bytes` (every PNG CRC checked, JPEG walked to EOI).
    /// - Throws: ``LabelerError`` for unsupported or corrupt bytes, with the byte offset.
    public static func map(of bytes: [UInt8]) throws -> ContainerMap {
        do {
            return try ContainerRegistry.walk(bytes).map
        } catch {
            throw LabelerError.wrapping(error, path: nil)
        }
    }
}

/// The result of ``Labeler/inspect(file:)``: the chunk or segment map plus the verification report.
public struct Inspection: Sendable, Codable, Hashable {
    public var path: FilePath
    public var map: ContainerMap
    public var report: VerificationReport
}
