extension PNG {
    /// Structural errors of a PNG file. Every case carries the absolute byte offset.
    public enum Error: Swift.Error, Sendable, Hashable, CustomStringConvertible, LabelerErrorConvertible {
        case badSignature(offset: Int)
        case truncatedChunkHeader(offset: Int, available: Int)
        case chunkLengthTooLarge(offset: Int, declared: UInt32)
        case truncatedChunk(type: ChunkType, offset: Int, declared: Int, available: Int)
        case badChunkType(offset: Int, type: ChunkType)
        case crcMismatch(type: ChunkType, offset: Int, stored: UInt32, computed: UInt32)
        case missingIEND(offset: Int)
        case firstChunkNotIHDR(type: ChunkType, offset: Int)
        case malformedTextChunk(type: ChunkType, offset: Int, reason: String)

        public var offset: Int {
            switch self {
            case .badSignature(let offset), .truncatedChunkHeader(let offset, _), .chunkLengthTooLarge(let offset, _),
                .truncatedChunk(_, let offset, _, _), .badChunkType(let offset, _), .crcMismatch(_, let offset, _, _),
                .missingIEND(let offset), .firstChunkNotIHDR(_, let offset), .malformedTextChunk(_, let offset, _):
                return offset
            }
        }

        public var description: String {
            switch self {
            case .badSignature(let offset):
                return "png: not a PNG signature at byte \(offset)"
            case .truncatedChunkHeader(let offset, let available):
                return "png: truncated chunk header at byte \(offset): 8 bytes needed, \(available) remain"
            case .chunkLengthTooLarge(let offset, let declared):
                return "png: chunk at byte \(offset) declares \(declared) bytes, more than the 2^31-1 the spec allows"
            case .truncatedChunk(let type, let offset, let declared, let available):
                return
                    "png: chunk '\(type)' at byte \(offset) declares \(declared) data bytes + CRC, \(available) remain"
            case .badChunkType(let offset, let type):
                return "png: chunk type '\(type)' at byte \(offset) is not four ASCII letters"
            case .crcMismatch(let type, let offset, let stored, let computed):
                return
                    "png: CRC mismatch in chunk '\(type)' at byte \(offset): stored 0x\(hex(stored)), computed 0x\(hex(computed))"
            case .missingIEND(let offset):
                return "png: file ends at byte \(offset) without an IEND chunk"
            case .firstChunkNotIHDR(let type, let offset):
                return "png: first chunk at byte \(offset) is '\(type)', expected 'IHDR'"
            case .malformedTextChunk(let type, let offset, let reason):
                return "png: malformed '\(type)' chunk at byte \(offset): \(reason)"
            }
        }

        var labelerError: LabelerError { LabelerError(.corrupt, description, offset: offset) }
    }
}

func hex(_ value: UInt32) -> String {
    let digits = String(value, radix: 16, uppercase: true)
    return String(repeating: "0", count: max(0, 8 - digits.count)) + digits
}
