/// A TC260 service-provider code (TC260 coding rules, regulation.md §2.5).
///
/// ```
/// 27 characters, [0-9A-Z]:
/// 00 | 1 1 | 18-char USCC                | 1 | AB01
///  |    |  |                                |   └ 4-char model/app code
///  |    |  └ binding method (1 = USCC)      └ service type (1 generation, 2 propagation; 00000 = unused)
///  |    └ subject type (1 = organisation)
///  └ format code, fixed "00"
/// ```
public struct ProducerCode: Sendable, Hashable, Codable, CustomStringConvertible {
    public let rawValue: String

    /// Validates the shape of `rawValue`.
    /// - Throws: ``LabelerError`` (``LabelerError/Code/invalidRequest``) saying which rule failed.
    public init(validating rawValue: String) throws {
        if let problem = Self.problem(with: rawValue) {
            throw LabelerError(.invalidRequest, "producer code '\(rawValue)': \(problem)")
        }
        self.rawValue = rawValue
    }

    /// The first rule `value` breaks, or `nil` if it has the shape of a TC260 code.
    public static func problem(with value: String) -> String? {
        let bytes = Array(value.utf8)
        guard bytes.count == 27 else { return "must be 27 characters, has \(value.count)" }
        guard bytes.allSatisfy({ (0x30 ... 0x39).contains($0) || (0x41 ... 0x5A).contains($0) }) else {
            return "only digits and upper-case letters are allowed"
        }
        guard bytes[0] == UInt8(ascii: "0"), bytes[1] == UInt8(ascii: "0") else {
            return "must start with the format code 00"
        }
        let service = bytes[22]
        if service == UInt8(ascii: "0") {
            guard bytes[22...].allSatisfy({ $0 == UInt8(ascii: "0") }) else {
                return "service extension must be 00000 or 1xxxx/2xxxx"
            }
        } else if service != UInt8(ascii: "1"), service != UInt8(ascii: "2") {
            return "service type (position 23) must be 0, 1 (generation) or 2 (propagation)"
        }
        return nil
    }

    public var description: String { rawValue }
}
