/// Where the visible notice goes: before or after the content (GB 45438 §5.1 a allows start, end
/// or middle of a text; start is what a reader meets first, EU AI Act Art. 50 (4)).
public enum NoticePosition: String, Sendable, Hashable, Codable, CaseIterable {
    case start, end
}

/// The notice sentences written into text, per language: the regulation.md §7.2 defaults
/// (``NoticeLanguage/textNotice(for:)``) unless replaced. Lines in either the default or the
/// configured wording are recognised as ours, so re-stamping replaces them instead of doubling.
public struct TextNoticeWording: Sendable, Hashable {
    public private(set) var overrides: [NoticeLanguage: String]

    /// - Throws: ``LabelerError`` `.invalidRequest` for an empty wording or one with a line break or
    ///   another control character (the notice is one line).
    public init(overrides: [NoticeLanguage: String] = [:]) throws {
        for (language, text) in overrides {
            let trimmed = Self.trimmed(text)
            guard !trimmed.isEmpty else {
                throw LabelerError(.invalidRequest, "the \(language.rawValue) notice wording is empty")
            }
            if trimmed.unicodeScalars.contains(where: Disclosure.isForbiddenInName) {
                throw LabelerError(
                    .invalidRequest,
                    "the \(language.rawValue) notice wording must be one line without control characters")
            }
            if trimmed.hasPrefix(">") {
                throw LabelerError(.invalidRequest, "the \(language.rawValue) notice wording may not start with '>'")
            }
        }
        self.overrides = overrides.mapValues(Self.trimmed)
    }

    init(unchecked overrides: [NoticeLanguage: String]) { self.overrides = overrides }

    /// The sentence written for `language`.
    public func line(for language: NoticeLanguage, _ involvement: Disclosure.Involvement) -> String {
        overrides[language] ?? language.textNotice(for: involvement)
    }

    /// The language of a notice sentence in the default or the configured wording.
    public func language(of line: String) -> NoticeLanguage? {
        if let custom = overrides.first(where: { $0.value == line }) { return custom.key }
        return NoticeLanguage.language(ofTextNotice: line)
    }

    /// The language of a notice line's bytes (already trimmed), without decoding most lines: a
    /// line longer than every known sentence is not one.
    func language(ofLine bytes: ArraySlice<UInt8>) -> NoticeLanguage? {
        guard bytes.count <= 512 else { return nil }
        return language(of: String(decoding: bytes, as: UTF8.self))
    }

    private static func trimmed(_ text: String) -> String {
        var scalars = Substring(text).unicodeScalars
        while let first = scalars.first, first == " " || first == "\t" { scalars.removeFirst() }
        while let last = scalars.last, last == " " || last == "\t" { scalars.removeLast() }
        return String(scalars)
    }
}
