#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The library's front door: stamp, verify and inspect files.
///
/// ```swift
/// let disclosure = Disclosure(aiSystem: "ExampleGen", aiSystemVersion: "2.1",
///                             producerCode: try ProducerCode(validating: "001191110000EXAMPLE00X1AB01"))
/// let stamper = try Stamper(disclosure: disclosure)
/// try Labeler.stamp(file: "in.png", to: "out/in.png", with: stamper)
/// let report = Labeler.verify(file: "out/in.png")   // report.verdict == .labelled
/// ```
/// For whole trees, use ``BatchPipeline``.
public enum Labeler {
    /// Stamps `input` and atomically writes the result to `output` (which may be `input` itself:
    /// the original is then replaced in one rename, entirely old or entirely new).
    /// - Throws: ``LabelerError`` naming the file and, for corrupt input, the byte offset. On error
    ///   no output file is left behind and the input is unchanged.
    @discardableResult
    public static func stamp(file input: String, to output: String, with stamper: Stamper) throws -> StampedFile {
        let file = try MappedFile(input)
        let stamped: StampedFile
        do {
            stamped = try stamper.stamp(mapped: file.bytes)
        } catch {
            throw LabelerError.wrapping(error, path: input)
        }
        let writer = AtomicFileWriter()
        let staged = try writer.stage(stamped.plan, from: file.bytes, to: output, mode: file.mode)
        if let failure = writer.commit([staged]).first ?? nil { throw failure }
        return stamped
    }

    /// Verifies the file at `path`; unreadable or corrupt files give a report with verdict `.error`.
    ///
    /// The structure is walked on a mapping of the file and only metadata is copied
    /// (``MetadataFileReader``), so every CRC is still checked at close to the speed of the page cache.
    public static func verify(file path: String) -> VerificationReport {
        var report: VerificationReport
        do {
            if let read = try MetadataFileReader.read(path) {
                report = Verifier().report(for: read.sites, format: read.format, bytes: read.bytes)
            } else {
                report = Verifier().verify(try FileIO.read(path))
            }
        } catch {
            let wrapped = LabelerError.wrapping(error, path: nil)
            report = VerificationReport(format: nil, verdict: .error, layers: [], regimes: [], error: wrapped)
        }
        report.path = path
        return report
    }

    /// The structure of the file at `path` and every metadata site in it.
    /// - Throws: ``LabelerError`` for unreadable, unsupported or corrupt files.
    public static func inspect(file path: String) throws -> Inspection {
        do {
            return try Inspection(bytes: try FileIO.read(path), path: path)
        } catch {
            throw LabelerError.wrapping(error, path: path)
        }
    }
}

extension Labeler {
    /// The chunk or segment map of in-memory `bytes` (every PNG CRC checked, JPEG walked to EOI).
    /// - Throws: ``LabelerError`` for unsupported or corrupt bytes, with the byte offset.
    public static func map(of bytes: [UInt8]) throws -> ContainerMap {
        do {
            switch ContainerFormat.sniff(bytes.prefix(ContainerFormat.sniffLength)) {
            case .png: return try PNG.Handler(bytes).map
            case .jpeg: return try JPEG.Handler(bytes).map
            case nil: throw Stamper.unsupported(bytes)
            }
        } catch {
            throw LabelerError.wrapping(error, path: nil)
        }
    }
}

/// The result of ``Labeler/inspect(file:)``: the chunk or segment map plus the verification report.
public struct Inspection: Sendable, Codable, Hashable {
    public var path: String
    public var map: ContainerMap
    public var report: VerificationReport

    init(bytes: [UInt8], path: String) throws {
        self.path = path
        map = try Labeler.map(of: bytes)
        report = Verifier().verify(bytes)
        report.path = path
    }
}
