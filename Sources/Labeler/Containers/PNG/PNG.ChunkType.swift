import LabelerBytes

extension PNG {
    /// A four-letter chunk type, stored as its big-endian 32-bit value.
    public struct ChunkType: Hashable, Sendable, CustomStringConvertible {
        public let rawValue: UInt32

        public init(rawValue: UInt32) { self.rawValue = rawValue }

        init(_ name: StaticString) { rawValue = FourCC.value(name) }

        public static let IHDR = ChunkType("IHDR")
        public static let IDAT = ChunkType("IDAT")
        public static let IEND = ChunkType("IEND")
        public static let iTXt = ChunkType("iTXt")
        public static let tEXt = ChunkType("tEXt")
        public static let zTXt = ChunkType("zTXt")
        public static let eXIf = ChunkType("eXIf")
        /// C2PA manifest store (C2PA 2.x §A.3.3, "caBX").
        public static let caBX = ChunkType("caBX")

        /// The four bytes in file order.
        var bytes: [UInt8] { FourCC.bytes(rawValue) }

        /// Every byte must be an ASCII letter (§5.3).
        var isWellFormed: Bool { bytes.allSatisfy { (0x41 ... 0x5A).contains($0) || (0x61 ... 0x7A).contains($0) } }

        /// Bit 5 of the first byte clear: the chunk is critical (§5.4).
        public var isCritical: Bool { rawValue & 0x2000_0000 == 0 }

        public var description: String { FourCC.text(rawValue) }
    }

    /// One chunk located in a file; all positions are absolute byte offsets.
    public struct Chunk: Sendable, Hashable {
        public let type: ChunkType
        /// Offset of the chunk's length field.
        public let offset: Int
        /// Length of the data field.
        public let length: Int

        /// The data field.
        public var dataRange: Range<Int> { offset + 8 ..< offset + 8 + length }
        /// The whole chunk: length, type, data and CRC.
        public var range: Range<Int> { offset ..< offset + 12 + length }
    }
}
