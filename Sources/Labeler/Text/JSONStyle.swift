/// How a JSON document is written, read from the members already there, so what we add looks
/// like the rest: compact or indented, the spacing around `:` and `,`, the indentation unit, the
/// line ending, and whether non-ASCII text is escaped (`\u00e9`, as Python's `json.dumps` does).
struct JSONStyle: Sendable, Hashable {
    /// What stands before a member's key after `{` or `,` (`""`, `" "`, `"\n    "`).
    var memberPrefix: [UInt8]
    /// What stands between a key and its value (`":"`, `": "`).
    var colon: [UInt8]
    /// One level of indentation, when indented.
    var indentUnit: [UInt8]
    var asciiOnly: Bool

    var isIndented: Bool { memberPrefix.contains(0x0A) }

    /// The style of `object`'s members in `bytes`; compact with no spaces for an empty object.
    init(of object: JSONScanner.Node, in bytes: [UInt8], asciiOnly: Bool) {
        self.asciiOnly = asciiOnly
        guard let members = object.members, let last = members.last else {
            memberPrefix = []
            colon = Array(":".utf8)
            indentUnit = Array("  ".utf8)
            return
        }
        var start = last.keyRange.lowerBound
        while start > object.range.lowerBound, JSONScanner.isWhitespace(bytes[start - 1]) { start -= 1 }
        memberPrefix = Array(bytes[start ..< last.keyRange.lowerBound])
        colon = Array(bytes[last.keyRange.upperBound ..< last.value.range.lowerBound])
        // A lone member after `{` shows no separator: take a space after ',' when there is one after ':'.
        if members.count == 1, !memberPrefix.contains(0x0A) { memberPrefix = colon.last == 0x20 ? [0x20] : [] }
        // The indentation of the line holding `{`: the members' indentation less that is one unit.
        var lineStart = object.range.lowerBound
        while lineStart > 0, bytes[lineStart - 1] != 0x0A { lineStart -= 1 }
        var outer = 0
        while lineStart + outer < object.range.lowerBound,
            bytes[lineStart + outer] == 0x20 || bytes[lineStart + outer] == 0x09
        {
            outer += 1
        }
        let inner = memberPrefix.split(separator: 0x0A, omittingEmptySubsequences: false).last.map(Array.init) ?? []
        indentUnit = inner.count > outer ? Array(inner.dropFirst(outer)) : Array("  ".utf8)
    }

    /// The line ending of an indented document.
    var lineEnding: [UInt8] { memberPrefix.contains(0x0D) ? [0x0D, 0x0A] : [0x0A] }
    /// The indentation of the members.
    var memberIndent: [UInt8] {
        memberPrefix.split(separator: 0x0A, omittingEmptySubsequences: false).last.map(Array.init) ?? []
    }

    /// `value` written in this style, its nested lines indented from `indent`.
    func write(_ value: JSONValue, indent: [UInt8]) -> [UInt8] {
        switch value {
        case .object(let members) where !members.isEmpty:
            var output: [UInt8] = [UInt8(ascii: "{")]
            let inner = indent + indentUnit
            for (index, member) in members.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                output += isIndented ? lineEnding + inner : (memberPrefix.isEmpty || index == 0 ? [] : [0x20])
                output += string(member.key) + colon + write(member.value, indent: inner)
            }
            output += isIndented ? lineEnding + indent : []
            return output + [UInt8(ascii: "}")]
        case .array(let items):
            let separator: [UInt8] = memberPrefix.isEmpty ? [UInt8(ascii: ",")] : Array(", ".utf8)
            var output: [UInt8] = [UInt8(ascii: "[")]
            for (index, item) in items.enumerated() {
                if index > 0 { output += separator }
                output += write(item, indent: indent)
            }
            return output + [UInt8(ascii: "]")]
        case .string(let text): return string(text)
        default: return Array(value.serialized.utf8)
        }
    }

    /// A JSON string token for `text`; non-ASCII as `\uXXXX` (surrogate pairs) when ``asciiOnly``.
    func string(_ text: String) -> [UInt8] {
        var escaped = ""
        JSONValue.writeString(text, into: &escaped)
        guard asciiOnly, escaped.utf8.contains(where: { $0 >= 0x80 }) else { return Array(escaped.utf8) }
        var output: [UInt8] = []
        for unit in escaped.utf16 {
            if unit < 0x80 {
                output.append(UInt8(unit))
            } else {
                let hex = String(unit, radix: 16)
                output += Array(("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).utf8)
            }
        }
        return output
    }
}
