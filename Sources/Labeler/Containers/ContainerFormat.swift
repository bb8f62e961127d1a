/// The file formats Labeler reads and writes, recognised by magic bytes, never by extension.
public enum ContainerFormat: String, Sendable, Hashable, Codable, CaseIterable {
    case png
    case jpeg

    /// Bytes needed by ``sniff(_:)``.
    static let sniffLength = 8

    /// The format whose signature starts `prefix`, or `nil`.
    public static func sniff<Bytes: Collection<UInt8>>(_ prefix: Bytes) -> ContainerFormat? {
        if prefix.starts(with: PNG.signature) { return .png }
        if prefix.starts(with: [0xFF, 0xD8, 0xFF]) { return .jpeg }
        return nil
    }
}

/// The output of an edit as pieces of the original plus new bytes, so writers can `writev` without
/// copying, and C2PA hashing can later exclude exact byte ranges.
public struct SplicePlan: Sendable {
    public enum Piece: Sendable {
        case original(Range<Int>)
        case inserted([UInt8])
    }

    public private(set) var pieces: [Piece] = []

    /// Appends `range` of the original, merging with a preceding adjacent original range.
    mutating func keep(_ range: Range<Int>) {
        guard !range.isEmpty else { return }
        if case .original(let last)? = pieces.last, last.upperBound == range.lowerBound {
            pieces[pieces.count - 1] = .original(last.lowerBound ..< range.upperBound)
        } else {
            pieces.append(.original(range))
        }
    }

    mutating func insert(_ bytes: [UInt8]) {
        guard !bytes.isEmpty else { return }
        pieces.append(.inserted(bytes))
    }

    /// Size of the output in bytes.
    public var outputSize: Int {
        pieces.reduce(0) { total, piece in
            switch piece {
            case .original(let range): return total + range.count
            case .inserted(let bytes): return total + bytes.count
            }
        }
    }

    /// The output as one array (for tests and in-memory callers).
    public func materialize(from source: [UInt8]) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(outputSize)
        for piece in pieces {
            switch piece {
            case .original(let range): output += source[range]
            case .inserted(let bytes): output += bytes
            }
        }
        return output
    }
}

/// The structure of a file as `inspect` shows it.
public struct ContainerMap: Sendable, Codable, Hashable {
    public struct Entry: Sendable, Codable, Hashable {
        public var name: String
        public var offset: Int
        public var length: Int
        /// What the entry carries, when it is metadata (`XMP`, `Exif`, `C2PA`, `text AIGC`, …).
        public var note: String?
    }

    public var format: ContainerFormat
    public var fileSize: Int
    public var entries: [Entry]
}

/// Every metadata site a container walker found, as raw material for verification.
struct MetadataSites: Sendable {
    struct Packet: Sendable {
        var bytes: [UInt8]
        /// Absolute offset of the first byte of `bytes` (of the carrier, if the packet was compressed).
        var offset: Int
        var carrier: String
    }

    struct Text: Sendable {
        var keyword: String
        var text: String
        var offset: Int
        var carrier: String
    }

    struct Provenance: Sendable {
        var range: Range<Int>
        var carrier: String
    }

    var xmp: [Packet] = []
    /// Problems met while decoding a metadata carrier (bad compressed text, …): they make the label invalid.
    var carrierProblems: [String] = []
    var texts: [Text] = []
    var exif: [Packet] = []
    var provenance: [Provenance] = []
}
