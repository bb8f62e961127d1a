/// Writes the disclosure into a JSON object (an LLM API response such as an OpenAI
/// chat-completion object): one member at ``keyPath`` holding ``JSONDisclosure/value(for:options:)``,
/// spliced in before the target object's closing brace (or over our previous member), and
/// optionally the visible notice inside the string at ``noticeIn``. Every other byte is kept.
struct JSONDisclosureEditor: Sendable {
    var disclosure: Disclosure
    var options: TextStampOptions

    /// The edits for the JSON value `text` (one document, or one JSON Lines record).
    /// - Throws: ``LabelerError``: `.corrupt` for invalid JSON, `.unsupportedFormat` when the
    ///   target is not an object, `.refused` when ``TextStampOptions/noticeIn`` names no string.
    func edits(_ bytes: [UInt8], _ text: Range<Int>, asciiOnly: Bool, record: String = "") throws -> [TextEdit] {
        let root = try JSONScanner.parse(bytes[text])
        let keyPath = options.jsonKeyPath
        guard let target = keyPath.parent.resolve(in: root), target.members != nil else {
            let found = keyPath.parent.resolve(in: root).map { "is \($0.typeName)" } ?? "does not exist"
            let name = keyPath.parent.components.isEmpty ? "the top-level value" : "'\(keyPath.parent)'"
            throw LabelerError(
                .unsupportedFormat,
                "\(record)\(name) \(found); the disclosure member needs an object to go in",
                offset: (keyPath.parent.resolve(in: root) ?? root).range.lowerBound)
        }
        var edits: [TextEdit] = []
        if let noticeIn = options.noticeIn {
            edits.append(try noticeEdit(bytes, root: root, path: noticeIn, asciiOnly: asciiOnly, record: record))
        }
        let style = JSONStyle(of: target, in: bytes, asciiOnly: asciiOnly)
        let value = JSONDisclosure.value(for: disclosure, options: options)
        let key = keyPath.components[keyPath.components.count - 1]
        let existing = target.members?.filter { $0.key == key } ?? []
        if !existing.isEmpty {
            for member in existing {
                edits.append(
                    TextEdit(
                        range: member.value.range, bytes: style.write(value, indent: style.memberIndent),
                        site: .jsonDisclosure))
            }
        } else if let last = target.members?.last {
            let member =
                [UInt8(ascii: ",")] + style.memberPrefix + style.string(key) + style.colon
                + style.write(value, indent: style.memberIndent)
            let at = last.value.range.upperBound
            edits.append(TextEdit(range: at ..< at, bytes: member, site: .jsonDisclosure))
        } else {
            let member = style.string(key) + style.colon + style.write(value, indent: [])
            let at = target.range.lowerBound + 1
            edits.append(TextEdit(range: at ..< at, bytes: member, site: .jsonDisclosure))
        }
        return edits.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

    /// The notice written into the string at `path`, as plain lines (or a blockquote when the
    /// string looks like Markdown), then handed to ``TextStampOptions/finalizeString``.
    private func noticeEdit(
        _ bytes: [UInt8], root: JSONScanner.Node, path: JSONKeyPath, asciiOnly: Bool, record: String
    ) throws -> TextEdit {
        guard let node = path.resolve(in: root), case .string = node.kind else {
            let found = path.resolve(in: root).map { "is \($0.typeName), not a string" } ?? "does not exist"
            throw LabelerError(
                .refused, "\(record)--notice-in \(path): the value \(found)",
                offset: path.resolve(in: root)?.range.lowerBound)
        }
        let content = Array(JSONScanner.decodeString(bytes[node.range]).utf8)
        let layout = TextLayout(content)
        let lines = TextLine.split(content, 0 ..< content.count)
        let markdown = MarkdownStructure.looksLikeMarkdown(content[...])
        let editor = NoticeEditor(
            notices: options.notices(for: disclosure), style: markdown ? .blockquote : .line,
            wording: options.wording, position: options.position, lineEnding: layout.lineEnding,
            endsWithLineBreak: layout.endsWithLineBreak)
        let noticeEdits: [TextEdit]
        do {
            noticeEdits = try editor.edits(content, body: 0 ..< content.count, lines: lines[...], checkFences: markdown)
        } catch let error as LabelerError {
            // Offsets inside the decoded string mean nothing in the file: name the string instead.
            throw LabelerError(
                error.code,
                "\(record)--notice-in \(path) (the string at byte \(node.range.lowerBound)): "
                    + error.message + " (the offset counts within the decoded string)",
                offset: node.range.lowerBound)
        }
        var updated = String(
            decoding: TextEdit.plan(noticeEdits, size: content.count).materialize(from: content), as: UTF8.self)
        if let finalize = options.finalizeString { updated = try finalize(path, updated) }
        let style = JSONStyle(of: root, in: bytes, asciiOnly: asciiOnly)
        return TextEdit(range: node.range, bytes: style.string(updated), site: .textNotice)
    }
}
