extension JUMBF {
    /// Why bytes are not an acceptable JUMBF box tree; every case names the byte offset of the box.
    public enum Error: Swift.Error, Sendable, Hashable, CustomStringConvertible {
        case truncatedHeader(offset: Int)
        case badLength(offset: Int, declared: UInt64, available: Int)
        case tooDeep(offset: Int, limit: Int)
        case tooManyBoxes(offset: Int, limit: Int)
        case notSuperbox(offset: Int, type: BoxType)
        case missingDescription(offset: Int)
        case badDescription(offset: Int, reason: String)

        public var offset: Int {
            switch self {
            case .truncatedHeader(let offset), .badLength(let offset, _, _), .tooDeep(let offset, _),
                .tooManyBoxes(let offset, _), .notSuperbox(let offset, _), .missingDescription(let offset),
                .badDescription(let offset, _):
                return offset
            }
        }

        public var description: String {
            switch self {
            case .truncatedHeader(let offset): return "jumbf: box header cut off at byte \(offset)"
            case .badLength(let offset, let declared, let available):
                return "jumbf: box at byte \(offset) declares \(declared) bytes, \(available) available"
            case .tooDeep(let offset, let limit):
                return "jumbf: superboxes nested deeper than \(limit) at byte \(offset)"
            case .tooManyBoxes(let offset, let limit): return "jumbf: more than \(limit) boxes, at byte \(offset)"
            case .notSuperbox(let offset, let type):
                return "jumbf: expected a 'jumb' superbox at byte \(offset), found '\(type)'"
            case .missingDescription(let offset):
                return "jumbf: superbox at byte \(offset) does not start with a 'jumd' box"
            case .badDescription(let offset, let reason): return "jumbf: description box at byte \(offset): \(reason)"
            }
        }
    }
}
