/// A run of notice lines at the start or the end of a text, as the stamper writes them: one line
/// per language, plain or as a Markdown blockquote (`> …`, with `>` lines between), and the one
/// blank line that separates them from the content. Found to be replaced on re-stamping and to
/// be reported by the verifier.
struct NoticeBlock: Sendable, Hashable {
    /// The bytes to remove when replacing the block, separator line included.
    var range: Range<Int>
    /// The notices' languages, in file order.
    var languages: [NoticeLanguage]
    /// Whether the notice lines are blockquotes.
    var isBlockquote: Bool

    /// The block starting at the first of `lines`, if it is one.
    static func atStart(_ bytes: [UInt8], lines: ArraySlice<TextLine>, wording: TextNoticeWording) -> NoticeBlock? {
        var index = lines.startIndex
        var found: [(language: NoticeLanguage?, quoted: Bool)] = []
        while index < lines.endIndex, let entry = classify(lines[index], bytes, wording) {
            found.append(entry)
            index += 1
        }
        // The block ends at its last notice line; `>` lines after it belong to the content.
        while let last = found.last, last.language == nil { found.removeLast(); index -= 1 }
        guard !found.isEmpty else { return nil }
        var end = lines[index - 1].end
        if index < lines.endIndex, lines[index].isBlank(in: bytes) { end = lines[index].end }
        return NoticeBlock(
            range: lines[lines.startIndex].start ..< end, languages: found.compactMap(\.language),
            isBlockquote: found.contains { $0.quoted })
    }

    /// The block ending with the last of `lines`, if it is one, not reaching before `floor`.
    static func atEnd(
        _ bytes: [UInt8], lines: ArraySlice<TextLine>, wording: TextNoticeWording, floor: Int
    ) -> NoticeBlock? {
        var index = lines.endIndex
        var found: [(language: NoticeLanguage?, quoted: Bool)] = []
        while index > lines.startIndex, lines[index - 1].start >= floor,
            let entry = classify(lines[index - 1], bytes, wording)
        {
            found.insert(entry, at: 0)
            index -= 1
        }
        while let first = found.first, first.language == nil { found.removeFirst(); index += 1 }
        guard !found.isEmpty, index < lines.endIndex else { return nil }
        var start = lines[index].start
        if index > lines.startIndex, lines[index - 1].start >= floor, lines[index - 1].isBlank(in: bytes) {
            start = lines[index - 1].start
        }
        return NoticeBlock(
            range: start ..< lines[lines.endIndex - 1].end, languages: found.compactMap(\.language),
            isBlockquote: found.contains { $0.quoted })
    }

    /// A notice line (its language), a bare `>` line (`nil` language), or neither (`nil`).
    private static func classify(
        _ line: TextLine, _ bytes: [UInt8], _ wording: TextNoticeWording
    ) -> (language: NoticeLanguage?, quoted: Bool)? {
        var text = line.trimmed(in: bytes)
        var quoted = false
        if text.first == UInt8(ascii: ">") {
            quoted = true
            text = text.dropFirst()
            while text.first == 0x20 || text.first == 0x09 { text = text.dropFirst() }
            if text.isEmpty { return (nil, true) }
        }
        guard !text.isEmpty, let language = wording.language(ofLine: text) else { return nil }
        return (language, quoted)
    }
}
