import LabelerBytes
import LabelerCInterop

extension PNG {
    /// Frames the chunks of a PNG file: length, type, CRC. It knows nothing of what the chunks mean.
    ///
    /// The walk starts after the signature and stops after `IEND`; bytes after `IEND` are reported as
    /// ``trailingRange`` and are preserved by every writer. Every CRC is checked (§5.3: CRC-32 over the
    /// type and data fields).
    public struct ChunkReader: Sendable {
        /// The chunks in file order, `IHDR` first and `IEND` last.
        public let chunks: [Chunk]
        /// Bytes after `IEND`, if any (kept untouched by writers).
        public let trailingRange: Range<Int>?

        /// Walks `bytes`.
        /// - Throws: ``PNG/Error`` naming the byte offset of the first structural problem.
        public init(_ bytes: UnsafeRawBufferPointer) throws(PNG.Error) {
            guard bytes.count >= PNG.signature.count, zip(bytes, PNG.signature).allSatisfy({ $0 == $1 }) else {
                throw .badSignature(offset: 0)
            }
            var chunks: [Chunk] = []
            var offset = PNG.signature.count
            let end = bytes.count
            let reader = ByteReader(bytes)
            while true {
                guard end - offset >= 8 else {
                    if offset == end { throw .missingIEND(offset: offset) }
                    throw .truncatedChunkHeader(offset: offset, available: end - offset)
                }
                guard let declared = reader.getInteger(at: offset, as: UInt32.self),
                    let typeValue = reader.getInteger(at: offset + 4, as: UInt32.self)
                else { throw .truncatedChunkHeader(offset: offset, available: end - offset) }
                guard declared <= UInt32(PNG.maxChunkLength) else {
                    throw .chunkLengthTooLarge(offset: offset, declared: declared)
                }
                let type = ChunkType(rawValue: typeValue)
                guard type.isWellFormed else { throw .badChunkType(offset: offset + 4, type: type) }
                let length = Int(declared)
                guard end - offset - 8 >= length + 4 else {
                    throw .truncatedChunk(type: type, offset: offset, declared: length, available: end - offset - 8)
                }
                if chunks.isEmpty, type != .IHDR { throw .firstChunkNotIHDR(type: type, offset: offset) }
                // In bounds: the length check above guarantees the four CRC bytes.
                let stored = reader.getInteger(at: offset + 8 + length, as: UInt32.self) ?? 0
                let computed = Zlib.crc32(UnsafeRawBufferPointer(rebasing: bytes[offset + 4 ..< offset + 8 + length]))
                guard stored == computed else {
                    throw .crcMismatch(type: type, offset: offset, stored: stored, computed: computed)
                }
                let chunk = Chunk(type: type, offset: offset, length: length)
                chunks.append(chunk)
                offset = chunk.range.upperBound
                if type == .IEND { break }
            }
            self.chunks = chunks
            self.trailingRange = offset < end ? offset ..< end : nil
        }
    }
}
