/// The part of TOML 1.0 a `labelctl.toml` needs, read strictly: `key = value` lines at the top
/// level, `#` comments, blank lines. Values: basic strings (`"…"` with `\" \\ \n \t \uXXXX`),
/// literal strings (`'…'`), integers, `true`/`false`, and one-line arrays of those. Anything else —
/// tables, dotted keys, multi-line strings, dates, a duplicate key — is an error naming its line
/// and byte offset, never a silent guess.
///
/// ```text
/// profile = "all"            # key = value, comment
/// lang = ["kk", "ru", "zh"]  # one-line array
/// ```
public enum TOMLSubset {
    public enum Value: Sendable, Hashable {
        case string(String)
        case integer(Int)
        case boolean(Bool)
        case array([Value])
    }

    public struct Entry: Sendable, Hashable {
        public var key: String
        public var value: Value
        public var line: Int
    }

    public struct ParseError: Error, Sendable, Hashable, CustomStringConvertible {
        public var line: Int
        public var offset: Int
        public var reason: String
        public var description: String { "line \(line) (byte \(offset)): \(reason)" }
    }

    /// Caps: a config file is small; these bound the work on hostile input.
    public static let maximumBytes = 1 << 20
    public static let maximumArrayDepth = 4

    public static func parse(_ bytes: [UInt8]) throws(ParseError) -> [Entry] {
        guard bytes.count <= maximumBytes else {
            throw ParseError(line: 1, offset: 0, reason: "larger than \(maximumBytes) bytes")
        }
        guard String(validating: bytes, as: UTF8.self) != nil else {
            throw ParseError(line: 1, offset: 0, reason: "not UTF-8")
        }
        var entries: [Entry] = []
        var cursor = Cursor(bytes: bytes)
        while !cursor.atEnd {
            cursor.skipSpaces()
            if cursor.atLineEnd {
                try cursor.endLine()
                continue
            }
            let line = cursor.line
            let key = try cursor.key()
            if entries.contains(where: { $0.key == key }) { throw cursor.error("duplicate key '\(key)'") }
            cursor.skipSpaces()
            guard cursor.take(UInt8(ascii: "=")) else { throw cursor.error("expected '=' after '\(key)'") }
            cursor.skipSpaces()
            let value = try cursor.value(depth: 0)
            cursor.skipSpaces()
            try cursor.endLine()
            entries.append(Entry(key: key, value: value, line: line))
        }
        return entries
    }

    struct Cursor {
        let bytes: [UInt8]
        var index = 0
        var line = 1

        var atEnd: Bool { index >= bytes.count }
        var current: UInt8? { index < bytes.count ? bytes[index] : nil }
        /// At a newline, a comment, or the end.
        var atLineEnd: Bool { current == nil || current == 0x0A || current == 0x0D || current == UInt8(ascii: "#") }

        func error(_ reason: String) -> ParseError { ParseError(line: line, offset: index, reason: reason) }

        mutating func take(_ byte: UInt8) -> Bool {
            guard current == byte else { return false }
            index += 1
            return true
        }

        mutating func skipSpaces() { while current == 0x20 || current == 0x09 { index += 1 } }

        /// Skips a comment, then consumes one LF or CRLF (or the end).
        mutating func endLine() throws(ParseError) {
            if current == UInt8(ascii: "#") {
                while let byte = current, byte != 0x0A, byte != 0x0D {
                    if byte < 0x20, byte != 0x09 { throw error("control character in a comment") }
                    index += 1
                }
            }
            if take(0x0D), current != 0x0A { throw error("a carriage return not followed by a line feed") }
            if current == nil { return }
            guard take(0x0A) else { throw error("unexpected '\(Character(Unicode.Scalar(bytes[index])))'") }
            line += 1
        }

        /// A bare key: `A-Z a-z 0-9 _ -`.
        mutating func key() throws(ParseError) -> String {
            let start = index
            while let byte = current, byte.isBareKey { index += 1 }
            guard index > start else {
                if current == UInt8(ascii: "[") { throw error("tables are not supported: keys go at the top level") }
                throw error("expected a key")
            }
            if current == UInt8(ascii: ".") { throw error("dotted keys are not supported") }
            return String(decoding: bytes[start ..< index], as: UTF8.self)
        }

        mutating func value(depth: Int) throws(ParseError) -> Value {
            switch current {
            case UInt8(ascii: "\"")?: return .string(try basicString())
            case UInt8(ascii: "'")?: return .string(try literalString())
            case UInt8(ascii: "[")?: return try array(depth: depth + 1)
            case UInt8(ascii: "t")?, UInt8(ascii: "f")?:
                for (word, value) in [("true", true), ("false", false)] where bytes[index...].starts(with: word.utf8) {
                    index += word.utf8.count
                    return .boolean(value)
                }
                throw error("expected a value")
            case let byte? where byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+") || byte.isDigit:
                return .integer(try integer())
            default: throw error("expected a value (a string, an integer, true/false or an array)")
            }
        }

        mutating func integer() throws(ParseError) -> Int {
            let start = index
            if current == UInt8(ascii: "-") || current == UInt8(ascii: "+") { index += 1 }
            while let byte = current, byte.isDigit || byte == UInt8(ascii: "_") { index += 1 }
            let text = String(decoding: bytes[start ..< index], as: UTF8.self).filter { $0 != "_" }
            guard let value = Int(text) else { throw ParseError(line: line, offset: start, reason: "bad integer") }
            return value
        }

        mutating func array(depth: Int) throws(ParseError) -> Value {
            guard depth <= TOMLSubset.maximumArrayDepth else { throw error("arrays nested too deep") }
            index += 1
            var items: [Value] = []
            while true {
                skipSpaces()
                if take(UInt8(ascii: "]")) { return .array(items) }
                if atLineEnd { throw error("arrays must close on the line they open") }
                items.append(try value(depth: depth))
                skipSpaces()
                if take(UInt8(ascii: ",")) { continue }
                guard take(UInt8(ascii: "]")) else { throw error("expected ',' or ']' in an array") }
                return .array(items)
            }
        }

        mutating func literalString() throws(ParseError) -> String {
            let start = index
            index += 1
            if bytes[index...].starts(with: "''".utf8) { throw error("multi-line strings are not supported") }
            while let byte = current, byte != UInt8(ascii: "'") {
                if byte == 0x0A || byte == 0x0D {
                    throw ParseError(line: line, offset: start, reason: "unterminated string")
                }
                index += 1
            }
            guard take(UInt8(ascii: "'")) else {
                throw ParseError(line: line, offset: start, reason: "unterminated string")
            }
            return String(decoding: bytes[(start + 1) ..< (index - 1)], as: UTF8.self)
        }

        mutating func basicString() throws(ParseError) -> String {
            let start = index
            index += 1
            if bytes[index...].starts(with: "\"\"".utf8) { throw error("multi-line strings are not supported") }
            var scalars = String.UnicodeScalarView()
            var run = index
            func flush(_ end: Int) { scalars += String(decoding: bytes[run ..< end], as: UTF8.self).unicodeScalars }
            while let byte = current {
                switch byte {
                case UInt8(ascii: "\""):
                    flush(index)
                    index += 1
                    return String(scalars)
                case UInt8(ascii: "\\"):
                    flush(index)
                    index += 1
                    scalars.append(try escape())
                    run = index
                case 0x0A, 0x0D: throw ParseError(line: line, offset: start, reason: "unterminated string")
                case let control where control < 0x20 && control != 0x09 || control == 0x7F:
                    throw error("control character in a string")
                default: index += 1
                }
            }
            throw ParseError(line: line, offset: start, reason: "unterminated string")
        }

        mutating func escape() throws(ParseError) -> Unicode.Scalar {
            guard let byte = current else { throw error("unterminated escape") }
            index += 1
            switch byte {
            case UInt8(ascii: "\""): return "\""
            case UInt8(ascii: "\\"): return "\\"
            case UInt8(ascii: "n"): return "\n"
            case UInt8(ascii: "t"): return "\t"
            case UInt8(ascii: "r"): return "\r"
            case UInt8(ascii: "u"), UInt8(ascii: "U"):
                let digits = byte == UInt8(ascii: "u") ? 4 : 8
                guard index + digits <= bytes.count,
                    let value = UInt32(String(decoding: bytes[index ..< (index + digits)], as: UTF8.self), radix: 16),
                    let scalar = Unicode.Scalar(value)
                else { throw error("bad \\u escape") }
                index += digits
                return scalar
            default: throw ParseError(line: line, offset: index - 2, reason: "unknown escape")
            }
        }
    }
}

extension UInt8 {
    fileprivate var isDigit: Bool { self >= UInt8(ascii: "0") && self <= UInt8(ascii: "9") }
    fileprivate var isBareKey: Bool {
        isDigit || (self | 0x20 >= UInt8(ascii: "a") && self | 0x20 <= UInt8(ascii: "z")) || self == UInt8(ascii: "_")
            || self == UInt8(ascii: "-")
    }
}
