import Yams

/// The GB 45438 Annex E label as a Markdown YAML front matter mapping (TC260-PG-20258A;
/// regulation.md §6.2): the inner seven-field object under the key `AIGC`, keys in Annex E order,
/// values as double-quoted strings (so YAML never reads `"1"` as a number).
///
/// Written by splicing text, never by re-emitting the YAML: other keys, their order, comments and
/// quoting stay byte for byte. Yams (libyaml) only parses, to refuse front matter that is not YAML.
enum FrontMatterLabel {
    /// The `AIGC:` mapping, each line ending with `lineEnding`.
    static func rendered(_ disclosure: Disclosure, lineEnding: [UInt8]) -> [UInt8] {
        // Label "1": content our system generated or edited (GB 45438 Annex E; "2"/"3" are a platform's).
        let values = ["1", disclosure.contentProducer, disclosure.contentID ?? ""]
        var output = Array("AIGC:".utf8) + lineEnding
        for (index, key) in AnnexE.keys.enumerated() {
            let value = index < values.count ? values[index] : ""
            output += Array("  \(key): \"\(value)\"".utf8) + lineEnding
        }
        return output
    }

    /// The edits that put `disclosure` into the front matter: replacing our mapping, else adding
    /// it before the closing line, else writing a new front matter at `start`.
    /// - Throws: ``LabelerError`` `.corrupt` when the front matter is not YAML or not a mapping.
    static func edits(
        _ bytes: [UInt8], frontMatter: MarkdownStructure.FrontMatter?, start: Int, disclosure: Disclosure,
        lineEnding: [UInt8]
    ) throws -> [TextEdit] {
        let mapping = rendered(disclosure, lineEnding: lineEnding)
        guard let frontMatter else {
            let block = Array("---".utf8) + lineEnding + mapping + Array("---".utf8) + lineEnding
            return [TextEdit(range: start ..< start, bytes: block, site: .frontMatter)]
        }
        _ = try parse(bytes, frontMatter)
        if let existing = keyBlock(bytes, frontMatter) {
            return [TextEdit(range: existing, bytes: mapping, site: .frontMatter)]
        }
        let at = frontMatter.closing.start
        return [TextEdit(range: at ..< at, bytes: mapping, site: .frontMatter)]
    }

    /// The front matter's YAML tree (`nil` when it is empty).
    /// - Throws: ``LabelerError`` `.corrupt` naming the line and column libyaml stopped at.
    static func parse(_ bytes: [UInt8], _ frontMatter: MarkdownStructure.FrontMatter) throws -> Node? {
        let yaml = String(decoding: bytes[frontMatter.content], as: UTF8.self)
        let node: Node?
        do {
            node = try Yams.compose(yaml: yaml)
        } catch {
            throw LabelerError(
                .corrupt,
                "the front matter at byte \(frontMatter.range.lowerBound) is not valid YAML: \(describe(error))",
                offset: frontMatter.content.lowerBound)
        }
        if let node, node.mapping == nil {
            throw LabelerError(
                .corrupt, "the front matter at byte \(frontMatter.range.lowerBound) is YAML but not a mapping of keys",
                offset: frontMatter.content.lowerBound)
        }
        return node
    }

    /// libyaml's complaint in one line, with the line and column within the front matter.
    static func describe(_ error: any Error) -> String {
        guard let error = error as? YamlError else { return "\(error)" }
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
            .composer(_, let problem, let mark, _):
            return "\(problem) (front matter line \(mark.line), column \(mark.column))"
        case .duplicatedKeysInMapping(let duplicates, _):
            return "duplicated keys: \(duplicates.joined(separator: ", "))"
        default:
            return "\(error)".split(separator: "\n").first.map(String.init) ?? "unreadable"
        }
    }

    /// The lines of a top-level `AIGC` key and its indented value, without trailing blank lines.
    static func keyBlock(_ bytes: [UInt8], _ frontMatter: MarkdownStructure.FrontMatter) -> Range<Int>? {
        let lines = frontMatter.lines
        guard let keyIndex = lines.firstIndex(where: { isAIGCKey($0, bytes) }) else { return nil }
        var last = keyIndex
        var index = keyIndex + 1
        while index < lines.count {
            let line = lines[index]
            if line.isBlank(in: bytes) { index += 1; continue }
            guard line.indentation(in: bytes) > 0 else { break }
            last = index
            index += 1
        }
        return lines[keyIndex].start ..< lines[last].end
    }

    /// A line at column 0 starting with the key `AIGC` (plain, single- or double-quoted) and `:`.
    private static func isAIGCKey(_ line: TextLine, _ bytes: [UInt8]) -> Bool {
        let text = bytes[line.start ..< line.contentEnd]
        for key in ["AIGC:", "\"AIGC\":", "'AIGC':"] where text.starts(with: key.utf8) {
            let next = text.dropFirst(key.utf8.count).first
            return next == nil || next == 0x20 || next == 0x09
        }
        return false
    }

    /// The Annex E label under the root mapping's `AIGC` key, if there is one: a mapping is
    /// checked as the inner seven-field object, a string as Annex E JSON (wrapped or bare).
    /// Unquoted scalars YAML reads as numbers or booleans are taken as their text, with a warning.
    static func label(_ root: Node?) -> (label: TC260Label, warnings: [String])? {
        guard let value = root?.mapping?["AIGC"] else { return nil }
        var warnings: [String] = []
        switch value {
        case .mapping(let mapping):
            var members: [(key: String, value: JSONValue)] = []
            for (key, node) in mapping {
                let name = key.scalar?.string ?? "?"
                if let scalar = node.scalar {
                    let type = node.tag.rawValue.split(separator: ":").last.map(String.init) ?? "scalar"
                    if scalar.style == .plain, type != "str" {
                        warnings.append("\(name) is an unquoted YAML \(type); quote it so YAML reads it as a string")
                    }
                    members.append((name, .string(scalar.string)))
                } else {
                    members.append((name, .null))
                }
            }
            return (TC260Label(parsing: JSONValue.object(members).serialized), warnings)
        case .scalar(let scalar):
            return (TC260Label(parsing: scalar.string), warnings)
        default:
            return (TC260Label(parsing: "null"), warnings)
        }
    }
}
