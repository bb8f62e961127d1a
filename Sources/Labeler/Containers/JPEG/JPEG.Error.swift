extension JPEG {
    /// Structural errors of a JPEG file. Every case carries the absolute byte offset.
    public enum Error: Swift.Error, Sendable, Hashable, CustomStringConvertible, LabelerErrorConvertible {
        case missingSOI(offset: Int)
        case expectedMarker(offset: Int, found: UInt8)
        case truncatedSegmentHeader(marker: UInt8, offset: Int)
        case badSegmentLength(marker: UInt8, offset: Int, declared: Int)
        case truncatedSegment(marker: UInt8, offset: Int, declared: Int, available: Int)
        case missingEOI(offset: Int)
        case noImageData(offset: Int)

        public var offset: Int {
            switch self {
            case .missingSOI(let offset), .expectedMarker(let offset, _), .truncatedSegmentHeader(_, let offset),
                .badSegmentLength(_, let offset, _), .truncatedSegment(_, let offset, _, _), .missingEOI(let offset),
                .noImageData(let offset):
                return offset
            }
        }

        public var description: String {
            switch self {
            case .missingSOI(let offset):
                return "jpeg: no SOI marker (FF D8) at byte \(offset)"
            case .expectedMarker(let offset, let found):
                return
                    "jpeg: expected a marker (FF xx) at byte \(offset), found 0x\(String(found, radix: 16, uppercase: true))"
            case .truncatedSegmentHeader(let marker, let offset):
                return "jpeg: \(Marker.name(marker)) segment at byte \(offset) is cut off before its length field"
            case .badSegmentLength(let marker, let offset, let declared):
                return
                    "jpeg: \(Marker.name(marker)) segment at byte \(offset) declares an impossible length \(declared)"
            case .truncatedSegment(let marker, let offset, let declared, let available):
                return
                    "jpeg: \(Marker.name(marker)) segment at byte \(offset) declares \(declared) bytes, \(available) remain"
            case .missingEOI(let offset):
                return "jpeg: file ends at byte \(offset) before the EOI marker (truncated image data)"
            case .noImageData(let offset):
                return "jpeg: EOI at byte \(offset) before any SOS (no image data)"
            }
        }

        var labelerError: LabelerError { LabelerError(.corrupt, description, offset: offset) }
    }
}
