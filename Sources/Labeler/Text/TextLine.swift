/// One line of a text, as byte offsets into the file: `start ..< contentEnd` is the text,
/// `contentEnd ..< end` its line break (`\n`, `\r\n` or nothing on a last line without one).
struct TextLine: Sendable, Hashable {
    var start: Int
    var contentEnd: Int
    var end: Int

    var hasBreak: Bool { end > contentEnd }

    /// The lines of `bytes[range]`, in order; linear, one entry for a single 100 MB line.
    static func split(_ bytes: [UInt8], _ range: Range<Int>) -> [TextLine] {
        var lines: [TextLine] = []
        var start = range.lowerBound
        while start < range.upperBound {
            let newline = bytes[start ..< range.upperBound].firstIndex(of: 0x0A)
            guard let newline else {
                lines.append(TextLine(start: start, contentEnd: range.upperBound, end: range.upperBound))
                break
            }
            let contentEnd = newline > start && bytes[newline - 1] == 0x0D ? newline - 1 : newline
            lines.append(TextLine(start: start, contentEnd: contentEnd, end: newline + 1))
            start = newline + 1
        }
        return lines
    }

    /// The line's text without leading and trailing spaces and tabs.
    func trimmed(in bytes: [UInt8]) -> ArraySlice<UInt8> {
        var lower = start
        var upper = contentEnd
        while lower < upper, bytes[lower] == 0x20 || bytes[lower] == 0x09 { lower += 1 }
        while upper > lower, bytes[upper - 1] == 0x20 || bytes[upper - 1] == 0x09 { upper -= 1 }
        return bytes[lower ..< upper]
    }

    /// Only spaces and tabs, or nothing.
    func isBlank(in bytes: [UInt8]) -> Bool { trimmed(in: bytes).isEmpty }

    /// Spaces and tabs before the text.
    func indentation(in bytes: [UInt8]) -> Int {
        var index = start
        while index < contentEnd, bytes[index] == 0x20 || bytes[index] == 0x09 { index += 1 }
        return index - start
    }
}
