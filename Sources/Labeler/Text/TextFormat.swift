/// A text format Labeler stamps and verifies (regulation.md §7.5). Text has no magic bytes, so the
/// format comes from an explicit choice, the file name's extension, or the content, in that order
/// (``TextFormatDetection``).
public enum TextFormat: String, Sendable, Hashable, Codable, CaseIterable {
    /// Plain text: the notice is a line of its own.
    case plain
    /// Markdown: a blockquote notice and YAML front matter `AIGC:` (TC260-PG-20258A).
    case markdown
    /// One JSON object (an LLM API response): a disclosure member at a key path.
    case json
    /// JSON Lines: one object per line, each gets the disclosure member.
    case jsonl

    /// How the format is named in reports (``VerificationReport/format``).
    public var containerFormat: ContainerFormat {
        ContainerFormat(rawValue: self == .plain ? "text" : rawValue)
    }

    /// The format a file name's extension names, if any (`.md`, `.json`, `.jsonl`, `.txt`, …).
    public static func byExtension(of fileName: String) -> TextFormat? {
        guard let dot = fileName.lastIndex(of: "."), dot != fileName.startIndex else { return nil }
        switch fileName[fileName.index(after: dot)...].lowercased() {
        case "md", "markdown", "mdown", "mkd", "mkdn": return .markdown
        case "json": return .json
        case "jsonl", "ndjson": return .jsonl
        case "txt", "text": return .plain
        default: return nil
        }
    }
}

/// Which format an input was taken to be, and what decided it (reported as `detectedBy`).
public struct TextFormatDetection: Sendable, Hashable, Codable {
    public enum Source: String, Sendable, Hashable, Codable {
        /// Asked for (`--format`).
        case option
        /// The file name's extension.
        case `extension`
        /// The bytes: JSON that parses, JSON Lines, Markdown markers, else plain text.
        case content
    }

    public var format: TextFormat
    public var detectedBy: Source

    public init(format: TextFormat, detectedBy: Source) {
        self.format = format
        self.detectedBy = detectedBy
    }

    /// Decides the format of `text` (UTF-8, without its BOM): `requested` if given, else the
    /// extension of `fileName`, else the content. Linear in the input.
    public static func detect(_ text: ArraySlice<UInt8>, fileName: String?, requested: TextFormat?) -> Self {
        if let requested { return Self(format: requested, detectedBy: .option) }
        if let fileName, let format = TextFormat.byExtension(of: fileName) {
            return Self(format: format, detectedBy: .extension)
        }
        return Self(format: sniff(text), detectedBy: .content)
    }

    /// The format the bytes look like: a JSON object or array that parses whole is JSON; several
    /// lines that each parse are JSON Lines; front matter, a fence or an ATX heading is Markdown.
    static func sniff(_ text: ArraySlice<UInt8>) -> TextFormat {
        let first = text.first { !JSONScanner.isWhitespace($0) }
        if first == UInt8(ascii: "{") || first == UInt8(ascii: "[") {
            if (try? JSONScanner.parse(text)) != nil { return .json }
            if (try? JSONLinesDocument(text)) != nil { return .jsonl }
        }
        return MarkdownStructure.looksLikeMarkdown(text) ? .markdown : .plain
    }
}
