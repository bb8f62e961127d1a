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
            while true {
                guard end - offset >= 8 else {
                    if offset == end { throw .missingIEND(offset: offset) }
                    throw .truncatedChunkHeader(offset: offset, available: end - offset)
                }
                let declared = bytes.loadBigEndianUInt32(at: offset)
                guard declared <= UInt32(PNG.maxChunkLength) else {
                    throw .chunkLengthTooLarge(offset: offset, declared: declared)
                }
                let type = ChunkType(rawValue: bytes.loadBigEndianUInt32(at: offset + 4))
                guard type.isWellFormed else { throw .badChunkType(offset: offset + 4, type: type) }
                let length = Int(declared)
                guard end - offset - 8 >= length + 4 else {
                    throw .truncatedChunk(type: type, offset: offset, declared: length, available: end - offset - 8)
                }
                if chunks.isEmpty, type != .IHDR { throw .firstChunkNotIHDR(type: type, offset: offset) }
                let stored = bytes.loadBigEndianUInt32(at: offset + 8 + length)
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

extension UnsafeRawBufferPointer {
    /// Big-endian `UInt32` at `offset` (the caller has checked the bounds).
    @inline(__always)
    func loadBigEndianUInt32(at offset: Int) -> UInt32 {
        UInt32(self[offset]) << 24 | UInt32(self[offset + 1]) << 16 | UInt32(self[offset + 2]) << 8 | UInt32(self[offset + 3])
    }

    /// Big-endian `UInt16` at `offset` (the caller has checked the bounds).
    @inline(__always)
    func loadBigEndianUInt16(at offset: Int) -> UInt16 {
        UInt16(self[offset]) << 8 | UInt16(self[offset + 1])
    }
}

extension Array where Element == UInt8 {
    /// Appends `value` as four big-endian bytes.
    mutating func appendBigEndian(_ value: UInt32) {
        append(contentsOf: [UInt8(value >> 24), UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)])
    }
}
