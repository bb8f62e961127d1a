/// Writes the visible notice into a text body: removes the notice blocks a previous stamp left at
/// either end, and puts one block at the requested end, separated from the content by one blank
/// line. The text's line ending and its final line break (present or not) are kept.
struct NoticeEditor: Sendable {
    enum Style: Sendable { case line, blockquote }

    var notices: [String]
    var style: Style
    var wording: TextNoticeWording
    var position: NoticePosition
    var lineEnding: [UInt8]
    var endsWithLineBreak: Bool

    /// The edits for the body `lines` (all of `body`). `checkFences`: refuse to write after a
    /// fenced code block that is never closed (the notice would be code). `needsLeadingBreak`: the
    /// body does not start on a line of its own (front matter closed without a line break).
    func edits(
        _ bytes: [UInt8], body: Range<Int>, lines: ArraySlice<TextLine>, checkFences: Bool,
        needsLeadingBreak: Bool = false
    ) throws -> [TextEdit] {
        let head = NoticeBlock.atStart(bytes, lines: lines, wording: wording)
        let tail = NoticeBlock.atEnd(
            bytes, lines: lines, wording: wording, floor: head?.range.upperBound ?? body.lowerBound)
        let keptStart = head?.range.upperBound ?? body.lowerBound
        let keptEnd = tail?.range.lowerBound ?? body.upperBound
        let keptIsEmpty = keptStart >= keptEnd
        var edits: [TextEdit] = []
        switch position {
        case .start:
            var block = needsLeadingBreak ? lineEnding : []
            block += rendered()
            block += keptIsEmpty ? (endsWithLineBreak ? lineEnding : []) : lineEnding + lineEnding
            edits.append(
                TextEdit(range: head?.range ?? body.lowerBound ..< body.lowerBound, bytes: block, site: .textNotice))
            if let tail {
                // Without a final line break, the kept content's last line gives up its break too.
                var removed = tail.range
                if !endsWithLineBreak, !keptIsEmpty, let last = lines.last(where: { $0.end == tail.range.lowerBound }) {
                    removed = max(last.contentEnd, keptStart) ..< tail.range.upperBound
                }
                edits.append(TextEdit(range: removed, bytes: [], site: .textNotice))
            }
        case .end:
            if checkFences, !keptIsEmpty {
                let keptLines = lines.filter { $0.start >= keptStart && $0.end <= keptEnd }
                if let fence = MarkdownStructure.unclosedFence(bytes, lines: keptLines[...]) {
                    throw LabelerError(
                        .refused,
                        "the fenced code block opened at byte \(fence) is never closed: a notice at the end would "
                            + "be part of the code; close the fence or use --position start",
                        offset: fence)
                }
            }
            if let head { edits.append(TextEdit(range: head.range, bytes: [], site: .textNotice)) }
            var block: [UInt8]
            if keptIsEmpty {
                block = needsLeadingBreak ? lineEnding : []
            } else {
                block = bytes[keptEnd - 1] == 0x0A ? lineEnding : lineEnding + lineEnding
            }
            block += rendered()
            if endsWithLineBreak { block += lineEnding }
            edits.append(TextEdit(range: tail?.range ?? keptEnd ..< keptEnd, bytes: block, site: .textNotice))
        }
        return edits
    }

    /// The notice lines, joined by the text's line ending, without a final one.
    func rendered() -> [UInt8] {
        var output: [UInt8] = []
        for (index, notice) in notices.enumerated() {
            if index > 0 {
                output += lineEnding
                if style == .blockquote { output += Array(">".utf8) + lineEnding }
            }
            output += Array(((style == .blockquote ? "> " : "") + notice).utf8)
        }
        return output
    }
}
