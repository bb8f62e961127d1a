/// The parts of a Markdown file the stamper must not write into: YAML front matter at the start
/// and fenced code blocks (CommonMark 0.31 §4.5). Everything else is left to Markdown renderers.
enum MarkdownStructure {
    /// A front matter block: a `---` first line, YAML, a closing `---` (or `...`) line.
    struct FrontMatter: Sendable, Hashable {
        /// From the opening line's first byte to the end of the closing line (with its break).
        var range: Range<Int>
        /// The YAML between the two delimiter lines.
        var content: Range<Int>
        /// The lines of ``content``.
        var lines: [TextLine]
        /// The closing delimiter line.
        var closing: TextLine
    }

    /// The front matter starting at `lines[0]`, if the first line is `---`.
    /// - Throws: ``LabelerError`` `.corrupt` when the block is never closed (the file would
    ///   otherwise be rewritten with our mapping inside what may be the user's thematic break).
    static func frontMatter(_ bytes: [UInt8], lines: [TextLine]) throws -> (FrontMatter, lineCount: Int)? {
        guard let first = lines.first, isDelimiter(first, bytes, allowDots: false), first.hasBreak else { return nil }
        guard
            let closingIndex = lines.indices.dropFirst().first(where: { isDelimiter(lines[$0], bytes, allowDots: true) }
            )
        else {
            throw LabelerError(
                .corrupt,
                "front matter opened by '---' at byte \(first.start) is never closed by a '---' line; "
                    + "close it, or remove the first line if it is a thematic break",
                offset: first.start)
        }
        let closing = lines[closingIndex]
        let frontMatter = FrontMatter(
            range: first.start ..< closing.end, content: first.end ..< closing.start,
            lines: Array(lines[1 ..< closingIndex]), closing: closing)
        return (frontMatter, closingIndex + 1)
    }

    private static func isDelimiter(_ line: TextLine, _ bytes: [UInt8], allowDots: Bool) -> Bool {
        var upper = line.contentEnd
        while upper > line.start, bytes[upper - 1] == 0x20 || bytes[upper - 1] == 0x09 { upper -= 1 }
        let text = bytes[line.start ..< upper]
        return text.elementsEqual("---".utf8) || (allowDots && text.elementsEqual("...".utf8))
    }

    /// The start of the fenced code block still open after the last of `lines`, if any: writing
    /// after it would put the notice inside the code.
    static func unclosedFence(_ bytes: [UInt8], lines: ArraySlice<TextLine>) -> Int? {
        var open: (start: Int, marker: UInt8, count: Int)?
        for line in lines {
            guard let fence = fence(line, bytes) else { continue }
            if let current = open {
                if fence.marker == current.marker, fence.count >= current.count, fence.infoIsEmpty { open = nil }
            } else if fence.marker == UInt8(ascii: "~") || !fence.infoHasBacktick {
                open = (line.start, fence.marker, fence.count)
            }
        }
        return open?.start
    }

    /// A fence line: up to three spaces, then three or more backticks or tildes.
    private static func fence(
        _ line: TextLine, _ bytes: [UInt8]
    ) -> (marker: UInt8, count: Int, infoIsEmpty: Bool, infoHasBacktick: Bool)? {
        var index = line.start
        while index < line.contentEnd, index - line.start < 3, bytes[index] == 0x20 { index += 1 }
        guard index < line.contentEnd else { return nil }
        let marker = bytes[index]
        guard marker == UInt8(ascii: "`") || marker == UInt8(ascii: "~") else { return nil }
        var count = 0
        while index < line.contentEnd, bytes[index] == marker { index += 1; count += 1 }
        guard count >= 3 else { return nil }
        let info = bytes[index ..< line.contentEnd]
        return (
            marker, count, info.allSatisfy { $0 == 0x20 || $0 == 0x09 }, info.contains(UInt8(ascii: "`"))
        )
    }

    /// Whether plain-looking bytes are Markdown: front matter, a fence or an ATX heading at the
    /// start of a line (looked for in the first 64 KiB only, so sniffing stays cheap).
    static func looksLikeMarkdown(_ text: ArraySlice<UInt8>) -> Bool {
        let window = Array(text.prefix(64 << 10))
        let lines = TextLine.split(window, 0 ..< window.count)
        if let first = lines.first, isDelimiter(first, window, allowDots: false) { return true }
        return lines.contains { line in
            if fence(line, window) != nil { return true }
            let content = window[line.start ..< line.contentEnd]
            let hashes = content.prefix { $0 == UInt8(ascii: "#") }.count
            return (1 ... 6).contains(hashes) && content.dropFirst(hashes).first == 0x20
        }
    }
}
