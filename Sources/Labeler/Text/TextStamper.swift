import LabelerC2PA

/// Writes the disclosure into text: a pure function from input bytes and options to a
/// ``StampedText`` (regulation.md §6, §7.5):
///
/// | format | visible notice (GB 45438 §5.1, KZ Art. 21 (2)) | machine-readable |
/// |---|---|---|
/// | plain | a line per language at the start or end | – |
/// | markdown | a blockquote after the front matter, or at the end | front matter `AIGC:` (Annex E, TC260-PG-20258A) |
/// | json | in the string at `noticeIn`, if given | a disclosure member at `jsonKeyPath` |
/// | jsonl | same, in every record | same, in every record |
///
/// Re-stamping replaces what an earlier stamp wrote. The BOM, line endings and final line break
/// are kept; bad input is refused with an error naming the byte, never half-written.
public struct TextStamper: Sendable {
    public let disclosure: Disclosure
    public let options: TextStampOptions
    /// With a signer and no time-stamp authority: the run's signing template (C2PA 2.4 §A.8),
    /// laid out once from the disclosure, so each text patches its IDs, binding and metadata into
    /// it instead of building a store (``TextManifestTemplate``). `nil`: every text uses a builder.
    let signingTemplate: TextManifestTemplate?

    /// - Throws: ``LabelerError`` `.invalidRequest` when the disclosure cannot be written.
    public init(disclosure: Disclosure, options: TextStampOptions = TextStampOptions()) throws {
        try disclosure.validate()
        self.disclosure = disclosure
        self.options = options
        signingTemplate = options.signer.flatMap { signer in
            options.timeStampAuthority == nil
                ? try? TextManifestTemplate(builder: disclosure.resolved().manifestBuilder(signer: signer)) : nil
        }
    }

    /// Stamps `bytes`. `fileName` (or a path) decides the format by extension when
    /// ``TextStampOptions/format`` is `nil`; `resolved` fixes the content ID and time.
    /// - Throws: ``LabelerError`` (`.corrupt`, `.unsupportedFormat`, `.refused`) with the byte offset.
    public func stamp(_ bytes: [UInt8], fileName: String? = nil, as resolved: Disclosure? = nil) throws -> StampedText {
        let existing = try Self.existingManifest(in: bytes, signing: options.signer != nil)
        guard let signer = options.signer else { return try stampVisible(bytes, fileName: fileName, as: resolved) }
        return try signed(bytes, existing: existing, fileName: fileName, as: resolved, signer: signer)
    }

    /// Stamps the visible layers (notice, front matter, JSON disclosure) of `bytes`.
    func stampVisible(_ bytes: [UInt8], fileName: String?, as resolved: Disclosure?) throws -> StampedText {
        let layout = try TextLayout(validating: bytes)
        let body = layout.bomLength ..< bytes.count
        let detection = TextFormatDetection.detect(bytes[body], fileName: fileName, requested: options.format)
        let disclosure = resolved ?? self.disclosure.resolved()
        let edits: [TextEdit]
        switch detection.format {
        case .plain:
            edits = try noticeEdits(
                bytes, body: body, lines: TextLine.split(bytes, body)[...], layout, .line, disclosure)
        case .markdown:
            edits = try markdownEdits(bytes, layout, disclosure)
        case .json:
            edits = try JSONDisclosureEditor(disclosure: disclosure, options: options).edits(
                bytes, body, asciiOnly: Self.isASCIIEscaped(bytes[body]))
        case .jsonl:
            let editor = JSONDisclosureEditor(disclosure: disclosure, options: options)
            let asciiOnly = Self.isASCIIEscaped(bytes[body])
            edits = try JSONLinesDocument(bytes[body], validate: false).records.flatMap { record in
                try editor.edits(bytes, record.range, asciiOnly: asciiOnly, record: "line \(record.line): ")
            }
        }
        return StampedText(detection: detection, plan: TextEdit.plan(edits, size: bytes.count), disclosure: disclosure)
    }

    private func markdownEdits(_ bytes: [UInt8], _ layout: TextLayout, _ disclosure: Disclosure) throws -> [TextEdit] {
        let lines = TextLine.split(bytes, layout.bomLength ..< bytes.count)
        let found = try MarkdownStructure.frontMatter(bytes, lines: lines)
        var edits = try FrontMatterLabel.edits(
            bytes, frontMatter: found?.0, start: layout.bomLength, disclosure: disclosure, lineEnding: layout.lineEnding
        )
        let bodyStart = found?.0.range.upperBound ?? layout.bomLength
        edits += try noticeEdits(
            bytes, body: bodyStart ..< bytes.count, lines: lines[(found?.lineCount ?? 0)...], layout, .blockquote,
            disclosure, needsLeadingBreak: found.map { !$0.0.closing.hasBreak } ?? false)
        return edits
    }

    private func noticeEdits(
        _ bytes: [UInt8], body: Range<Int>, lines: ArraySlice<TextLine>, _ layout: TextLayout,
        _ style: NoticeEditor.Style, _ disclosure: Disclosure, needsLeadingBreak: Bool = false
    ) throws -> [TextEdit] {
        guard options.writeNotice else { return [] }
        let editor = NoticeEditor(
            notices: options.notices(for: disclosure), style: style, wording: options.wording,
            position: options.position, lineEnding: layout.lineEnding, endsWithLineBreak: layout.endsWithLineBreak)
        return try editor.edits(
            bytes, body: body, lines: lines, checkFences: style == .blockquote, needsLeadingBreak: needsLeadingBreak)
    }

    /// JSON written ASCII-only with `\u` escapes (Python's default): what we add is escaped too.
    static func isASCIIEscaped(_ text: ArraySlice<UInt8>) -> Bool {
        guard !text.contains(where: { $0 >= 0x80 }) else { return false }
        var index = text.startIndex
        while let backslash = text[index...].firstIndex(of: 0x5C), backslash + 1 < text.endIndex {
            if text[backslash + 1] == UInt8(ascii: "u") { return true }
            index = backslash + 2
        }
        return false
    }
}
