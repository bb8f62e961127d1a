extension PNG.Handler {
    /// Chunks that describe the old encoding and must not follow new pixel data: the palette and
    /// what depends on the colour type or bit depth (PNG spec §11.2.3 PLTE, §11.3.2.1 tRNS,
    /// §11.3.5.1 bKGD, §11.3.3.4 sBIT, §11.3.5.2 hIST), and `caBX` (a C2PA store whose hard
    /// binding the new pixels break; signing writes a new one).
    static let encodingChunks: Set<PNG.ChunkType> = [
        .IHDR, .IDAT, .IEND, PNG.ChunkType("PLTE"), PNG.ChunkType("tRNS"), PNG.ChunkType("bKGD"),
        PNG.ChunkType("sBIT"), PNG.ChunkType("hIST"), .caBX,
    ]

    /// `encoded`'s `IHDR` and `IDAT` with every other chunk of this file carried over byte for byte,
    /// in order, on the same side of the image data (PNG spec §5.6 ordering: colour chunks such as
    /// `iCCP`, `gAMA`, `pHYs` before `IDAT`; text and `eXIf` wherever they were). Bytes after
    /// `IEND` are kept.
    /// - Throws: ``LabelerError`` `.unsupportedFormat` for animated PNG (APNG `acTL`), whose other
    ///   frames would keep the old pixels; `.invalidRequest` if `encoded` is not a PNG.
    func carryingMetadata(into encoded: [UInt8]) throws -> [UInt8] {
        let chunks = reader.chunks
        if let animation = chunks.first(where: { $0.type == PNG.ChunkType("acTL") }) {
            throw LabelerError(
                .unsupportedFormat, "animated PNG (acTL): pixel layers cover still images only",
                offset: animation.offset)
        }
        let new: PNG.ChunkReader
        do {
            new = try encoded.withUnsafeBytes { buffer throws(PNG.Error) in try PNG.ChunkReader(buffer) }
        } catch {
            throw LabelerError(.invalidRequest, "the re-encoded PNG does not parse: \(error)")
        }
        guard let header = new.chunks.first, header.type == .IHDR, let end = new.chunks.last, end.type == .IEND else {
            throw LabelerError(.invalidRequest, "the re-encoded PNG lacks IHDR or IEND")
        }
        let firstData = chunks.firstIndex { $0.type == .IDAT } ?? chunks.count
        let carried = chunks.enumerated().filter { !Self.encodingChunks.contains($0.element.type) }
        var output = PNG.signature
        output += encoded[header.range]
        for (index, chunk) in carried where index < firstData { output += bytes[chunk.range] }
        for chunk in new.chunks where chunk.type == .IDAT { output += encoded[chunk.range] }
        for (index, chunk) in carried where index > firstData { output += bytes[chunk.range] }
        output += encoded[end.range]
        if let trailing = reader.trailingRange { output += bytes[trailing] }
        return output
    }
}
