#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a file for verification: full structural checks, but only metadata copied into memory.
///
/// `verify` reads labels, not pixels. The container walker runs on a read-only mapping of the
/// file, so every PNG CRC is checked and every JPEG segment and scan is framed straight from the
/// page cache, without copying; then only the chunks/segments that are not image data are copied
/// out for the metadata readers. Unread regions of the result are never touched (fresh pages),
/// so they cost nothing. A walker error returns `nil`: the caller reads the file the ordinary
/// way and reports the error with its byte offset. (A file truncated by another process while
/// mapped would raise SIGBUS; verification assumes inputs are not being rewritten under it.)
enum MetadataFileReader {
    /// What ``Verifier`` needs: the sites and the (sparse) bytes they point into.
    struct Result {
        var format: ContainerFormat
        var sites: MetadataSites
        var bytes: [UInt8]
    }

    static func read(_ path: String) throws -> Result? {
        let file = try MappedFile(path)
        guard let handler = try? handler(for: file.bytes) else { return nil }
        switch handler {
        case .png(let png): return Result(format: .png, sites: png.sites(), bytes: png.bytes)
        case .jpeg(let jpeg): return Result(format: .jpeg, sites: jpeg.sites(), bytes: jpeg.bytes)
        }
    }

    /// A walked container: the walk ran on `file`; the handler's bytes hold all but image data.
    enum Handler {
        case png(PNG.Handler)
        case jpeg(JPEG.Handler)
    }

    /// Walks `file` (every PNG CRC, every JPEG segment and scan) and copies out its metadata.
    /// - Throws: the walker's error (``PNG/Error``, ``JPEG/Error``) or unsupported format.
    static func handler(for file: UnsafeRawBufferPointer) throws -> Handler {
        switch ContainerFormat.sniff(file.prefix(ContainerFormat.sniffLength)) {
        case .png:
            let reader = try PNG.ChunkReader(file)
            let keep = reader.chunks.filter { $0.type != .IDAT }.map(\.range) + [0 ..< PNG.signature.count]
            return .png(PNG.Handler(copy(keep + (reader.trailingRange.map { [$0] } ?? []), from: file), reader: reader))
        case .jpeg:
            let reader = try JPEG.SegmentReader(file)
            let keep = reader.segments.filter { $0.kind != .entropyCodedData }.map(\.range)
            return .jpeg(JPEG.Handler(copy(keep, from: file), reader: reader))
        case nil:
            throw Stamper.unsupported(file)
        }
    }

    /// A buffer the size of `file` with only `ranges` filled in.
    private static func copy(_ ranges: [Range<Int>], from file: UnsafeRawBufferPointer) -> [UInt8] {
        [UInt8](unsafeUninitializedCapacity: file.count) { buffer, initialized in
            if let target = buffer.baseAddress, let source = file.baseAddress {
                for range in ranges { (target + range.lowerBound).update(from: source.assumingMemoryBound(to: UInt8.self) + range.lowerBound, count: range.count) }
            }
            initialized = file.count
        }
    }
}
