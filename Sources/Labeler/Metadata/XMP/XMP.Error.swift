extension XMP {
    /// Errors found while reading or merging an XMP packet. Offsets are relative to the packet start
    /// until ``shifted(by:)`` makes them absolute in the file.
    public enum Error: Swift.Error, Sendable, Hashable, CustomStringConvertible, LabelerErrorConvertible {
        case malformedXML(offset: Int, reason: String)
        case doctypeNotAllowed(offset: Int)
        case unknownEntity(offset: Int, name: String)
        case nestingTooDeep(offset: Int, limit: Int)
        /// An element carries more than ``XML/maxAttributesPerElement`` attributes; `offset` is the first one over.
        case tooManyAttributes(offset: Int, limit: Int)
        case packetTooLarge(size: Int, limit: Int)
        case notXMP(offset: Int, reason: String)
        /// A UTF-16 or UTF-32 packet holds an ill-formed code unit sequence (unpaired surrogate,
        /// value above U+10FFFF, truncated code unit); `offset` is in the packet as it arrived.
        case invalidEncoding(offset: Int, reason: String)

        public var offset: Int {
            switch self {
            case .malformedXML(let offset, _), .doctypeNotAllowed(let offset), .unknownEntity(let offset, _),
                .nestingTooDeep(let offset, _), .tooManyAttributes(let offset, _), .notXMP(let offset, _),
                .invalidEncoding(let offset, _):
                return offset
            case .packetTooLarge: return 0
            }
        }

        /// The same error with its offset moved by `delta` (packet-relative → file-absolute).
        func shifted(by delta: Int) -> XMP.Error { mappingOffset { $0 + delta } }

        /// The same error with its offset replaced by `transform(offset)`.
        func mappingOffset(_ transform: (Int) -> Int) -> XMP.Error {
            switch self {
            case .malformedXML(let offset, let reason): return .malformedXML(offset: transform(offset), reason: reason)
            case .doctypeNotAllowed(let offset): return .doctypeNotAllowed(offset: transform(offset))
            case .unknownEntity(let offset, let name): return .unknownEntity(offset: transform(offset), name: name)
            case .nestingTooDeep(let offset, let limit): return .nestingTooDeep(offset: transform(offset), limit: limit)
            case .tooManyAttributes(let offset, let limit):
                return .tooManyAttributes(offset: transform(offset), limit: limit)
            case .notXMP(let offset, let reason): return .notXMP(offset: transform(offset), reason: reason)
            case .invalidEncoding(let offset, let reason):
                return .invalidEncoding(offset: transform(offset), reason: reason)
            case .packetTooLarge: return self
            }
        }

        public var description: String {
            switch self {
            case .malformedXML(let offset, let reason): return "xmp: malformed XML at byte \(offset): \(reason)"
            case .doctypeNotAllowed(let offset):
                return "xmp: DOCTYPE at byte \(offset) refused (no DTDs, so no entity expansion, in XMP)"
            case .unknownEntity(let offset, let name):
                return
                    "xmp: entity '&\(name);' at byte \(offset) refused (only the five XML entities and character references)"
            case .nestingTooDeep(let offset, let limit):
                return "xmp: elements nested deeper than \(limit) at byte \(offset)"
            case .tooManyAttributes(let offset, let limit):
                return "xmp: element has more than \(limit) attributes; attribute \(limit + 1) starts at byte \(offset)"
            case .packetTooLarge(let size, let limit):
                return "xmp: packet of \(size) bytes exceeds the \(limit)-byte limit"
            case .notXMP(let offset, let reason): return "xmp: not an XMP packet at byte \(offset): \(reason)"
            case .invalidEncoding(let offset, let reason):
                return "xmp: ill-formed character encoding at byte \(offset): \(reason)"
            }
        }

        var labelerError: LabelerError {
            if case .packetTooLarge = self { return LabelerError(.tooLarge, description) }
            return LabelerError(.corrupt, description, offset: offset)
        }
    }
}
