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
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw FileIO.ioError("open for reading", path) }
        defer { close(fd) }
        var status = stat()
        guard fstat(fd, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else { return nil }
        let size = Int(status.st_size)
        guard size >= 16, size <= FileIO.maxFileBytes,
            let mapping = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0), mapping != MAP_FAILED
        else { return nil }
        defer { munmap(mapping, size) }
        _ = madvise(mapping, size, MADV_SEQUENTIAL)
        let file = UnsafeRawBufferPointer(start: mapping, count: size)
        switch ContainerFormat.sniff(file.prefix(ContainerFormat.sniffLength)) {
        case .png:
            guard let reader = try? PNG.ChunkReader(file) else { return nil }
            let keep = reader.chunks.filter { $0.type != .IDAT }.map(\.range) + [0 ..< PNG.signature.count]
            let bytes = copy(keep + (reader.trailingRange.map { [$0] } ?? []), from: file)
            return Result(format: .png, sites: PNG.Handler(bytes, reader: reader).sites(), bytes: bytes)
        case .jpeg:
            guard let reader = try? JPEG.SegmentReader(file) else { return nil }
            let keep = reader.segments.filter { $0.kind != .entropyCodedData }.map(\.range)
            let bytes = copy(keep, from: file)
            return Result(format: .jpeg, sites: JPEG.Handler(bytes, reader: reader).sites(), bytes: bytes)
        case nil:
            return nil
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
