import ArgumentParser
import Labeler

/// How text is read: the format and the notice wording and JSON key path to recognise.
struct TextFormatOptions: ParsableArguments {
    @Option(
        name: .long,
        help: "auto (by extension: .md .json .jsonl .txt, else by content), plain, markdown, json or jsonl.")
    var format: String = "auto"

    @Option(
        name: .customLong("notice-text"),
        help: "Replace a notice's wording: LANG=TEXT (e.g. en='Generated with AI.'); repeatable.")
    var noticeTexts: [String] = []

    @Option(name: .customLong("json-key"), help: "JSON: key path of the disclosure object (default ai_disclosure).")
    var jsonKey: String?

    func validate() throws {
        _ = try textFormat()
        _ = try wording()
        _ = try keyPath()
    }

    func textFormat() throws -> TextFormat? {
        if format == "auto" { return nil }
        guard let format = TextFormat(rawValue: format) else {
            throw ValidationError("--format must be auto, plain, markdown, json or jsonl")
        }
        return format
    }

    func wording() throws -> TextNoticeWording {
        var overrides: [NoticeLanguage: String] = [:]
        for entry in noticeTexts {
            let parts = entry.split(separator: "=", maxSplits: 1)
            guard parts.count == 2, let language = NoticeLanguage(rawValue: String(parts[0]).lowercased()) else {
                throw ValidationError("--notice-text takes LANG=TEXT with LANG one of kk, ru, en, zh")
            }
            overrides[language] = String(parts[1])
        }
        do { return try TextNoticeWording(overrides: overrides) } catch let error as LabelerError {
            throw ValidationError(error.message)
        }
    }

    func keyPath() throws -> JSONKeyPath {
        guard let jsonKey else { return .defaultDisclosure }
        do { return try JSONKeyPath(parsing: jsonKey) } catch let error as LabelerError {
            throw ValidationError("--json-key: " + error.message)
        }
    }
}
