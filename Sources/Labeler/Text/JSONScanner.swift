/// A JSON reader (RFC 8259) that keeps where every value is, so a member can be spliced into an
/// object without re-serialising the rest: the input's formatting, key order, number spelling and
/// escapes all stay byte for byte. Linear; strings are not decoded unless asked (a 100 MB string
/// is one range).
enum JSONScanner {
    /// A value and the bytes it spans.
    struct Node: Sendable {
        indirect enum Kind: Sendable {
            case object([Member])
            case array([Node])
            case string
            case number
            case literal
        }

        var range: Range<Int>
        var kind: Kind

        var members: [Member]? { if case .object(let members) = kind { return members } else { return nil } }
        var elements: [Node]? { if case .array(let elements) = kind { return elements } else { return nil } }
        var typeName: String {
            switch kind {
            case .object: return "an object"
            case .array: return "an array"
            case .string: return "a string"
            case .number: return "a number"
            case .literal: return "true, false or null"
            }
        }
    }

    struct Member: Sendable {
        var key: String
        var keyRange: Range<Int>
        var value: Node
    }

    /// Deeper nesting is refused (LLM responses nest a handful of levels).
    static let maxDepth = 256

    static func isWhitespace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 }

    /// Parses `text` as one JSON value with optional surrounding whitespace.
    /// - Throws: ``LabelerError`` `.corrupt` with the absolute byte offset.
    static func parse(_ text: ArraySlice<UInt8>) throws -> Node {
        var scanner = Scanner(bytes: text, index: text.startIndex)
        scanner.skipWhitespace()
        let node = try scanner.value(depth: 0)
        scanner.skipWhitespace()
        guard scanner.index == text.endIndex else { throw scanner.fail("trailing characters after the JSON value") }
        return node
    }

    /// The string value of the string token at `range` (quotes included), escapes decoded.
    static func decodeString(_ bytes: ArraySlice<UInt8>) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = bytes.startIndex + 1
        let end = bytes.endIndex - 1
        var pendingHigh: UInt32?
        while index < end {
            let byte = bytes[index]
            index += 1
            guard byte == UInt8(ascii: "\\"), index < end else { output.append(byte); continue }
            let escape = bytes[index]
            index += 1
            switch escape {
            case UInt8(ascii: "b"): output.append(0x08)
            case UInt8(ascii: "f"): output.append(0x0C)
            case UInt8(ascii: "n"): output.append(0x0A)
            case UInt8(ascii: "r"): output.append(0x0D)
            case UInt8(ascii: "t"): output.append(0x09)
            case UInt8(ascii: "u"):
                let digits = String(decoding: bytes[index ..< min(index + 4, end)], as: UTF8.self)
                index += 4
                guard let code = UInt32(digits, radix: 16) else { continue }
                if (0xD800 ... 0xDBFF).contains(code) { pendingHigh = code; continue }
                var scalarValue = code
                if (0xDC00 ... 0xDFFF).contains(code), let high = pendingHigh {
                    scalarValue = 0x10000 + ((high - 0xD800) << 10) + (code - 0xDC00)
                }
                pendingHigh = nil
                output += Array(String(Unicode.Scalar(scalarValue) ?? "\u{FFFD}").utf8)
            default: output.append(escape)
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    private struct Scanner {
        let bytes: ArraySlice<UInt8>
        var index: Int

        func fail(_ reason: String) -> LabelerError {
            LabelerError(.corrupt, "JSON: \(reason) at byte \(index)", offset: index)
        }

        mutating func skipWhitespace() {
            while index < bytes.endIndex, JSONScanner.isWhitespace(bytes[index]) { index += 1 }
        }

        mutating func value(depth: Int) throws -> Node {
            guard depth < JSONScanner.maxDepth else { throw fail("nested more than \(JSONScanner.maxDepth) levels") }
            guard index < bytes.endIndex else { throw fail("unexpected end") }
            let start = index
            switch bytes[index] {
            case UInt8(ascii: "{"):
                index += 1
                var members: [Member] = []
                skipWhitespace()
                if index < bytes.endIndex, bytes[index] == UInt8(ascii: "}") {
                    index += 1
                    return Node(range: start ..< index, kind: .object(members))
                }
                while true {
                    skipWhitespace()
                    guard index < bytes.endIndex, bytes[index] == UInt8(ascii: "\"") else {
                        throw fail("expected a key")
                    }
                    let keyRange = try string()
                    skipWhitespace()
                    guard index < bytes.endIndex, bytes[index] == UInt8(ascii: ":") else { throw fail("expected ':'") }
                    index += 1
                    skipWhitespace()
                    let member = try value(depth: depth + 1)
                    members.append(
                        Member(key: JSONScanner.decodeString(bytes[keyRange]), keyRange: keyRange, value: member))
                    skipWhitespace()
                    guard index < bytes.endIndex else { throw fail("unterminated object") }
                    if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
                    guard bytes[index] == UInt8(ascii: "}") else { throw fail("expected ',' or '}'") }
                    index += 1
                    return Node(range: start ..< index, kind: .object(members))
                }
            case UInt8(ascii: "["):
                index += 1
                var elements: [Node] = []
                skipWhitespace()
                if index < bytes.endIndex, bytes[index] == UInt8(ascii: "]") {
                    index += 1
                    return Node(range: start ..< index, kind: .array(elements))
                }
                while true {
                    skipWhitespace()
                    elements.append(try value(depth: depth + 1))
                    skipWhitespace()
                    guard index < bytes.endIndex else { throw fail("unterminated array") }
                    if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
                    guard bytes[index] == UInt8(ascii: "]") else { throw fail("expected ',' or ']'") }
                    index += 1
                    return Node(range: start ..< index, kind: .array(elements))
                }
            case UInt8(ascii: "\""):
                return Node(range: try string(), kind: .string)
            case UInt8(ascii: "t"): try literal("true"); return Node(range: start ..< index, kind: .literal)
            case UInt8(ascii: "f"): try literal("false"); return Node(range: start ..< index, kind: .literal)
            case UInt8(ascii: "n"): try literal("null"); return Node(range: start ..< index, kind: .literal)
            default:
                while index < bytes.endIndex,
                    (0x30 ... 0x39).contains(bytes[index]) || [0x2B, 0x2D, 0x2E, 0x45, 0x65].contains(bytes[index])
                {
                    index += 1
                }
                guard index > start else { throw fail("unexpected character") }
                return Node(range: start ..< index, kind: .number)
            }
        }

        mutating func literal(_ word: StaticString) throws {
            let count = word.utf8CodeUnitCount
            let expected = UnsafeBufferPointer(start: word.utf8Start, count: count)
            guard bytes.endIndex - index >= count, bytes[index ..< index + count].elementsEqual(expected) else {
                throw fail("bad literal")
            }
            index += count
        }

        /// Skips a string token, checking escapes; returns its range, quotes included.
        mutating func string() throws -> Range<Int> {
            let start = index
            index += 1
            while true {
                guard let next = bytes[index...].firstIndex(where: { $0 == 0x22 || $0 == 0x5C || $0 < 0x20 }) else {
                    index = bytes.endIndex
                    throw fail("unterminated string")
                }
                index = next
                let byte = bytes[index]
                if byte == 0x22 { index += 1; return start ..< index }
                if byte < 0x20 { throw fail("control character in a string") }
                index += 1
                guard index < bytes.endIndex else { throw fail("unterminated escape") }
                switch bytes[index] {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
                    UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
                    index += 1
                case UInt8(ascii: "u"):
                    let digits = bytes[(index + 1) ..< min(index + 5, bytes.endIndex)]
                    guard digits.count == 4,
                        digits.allSatisfy({ ($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x66 || (0x30 ... 0x39).contains($0) }
                        )
                    else { throw fail("bad \\u escape") }
                    index += 5
                default: throw fail("bad escape")
                }
            }
        }
    }
}
