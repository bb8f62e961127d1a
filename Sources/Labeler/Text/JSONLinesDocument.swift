/// A JSON Lines text (jsonlines.org): one JSON value per line; blank lines are kept and skipped.
struct JSONLinesDocument: Sendable {
    /// A non-blank line: its 1-based number and its bytes without the line break.
    struct Record: Sendable {
        var line: Int
        var range: Range<Int>
    }

    var records: [Record]

    /// Splits `text` into records, checking each is one JSON value.
    /// - Throws: ``LabelerError`` `.corrupt` naming the line and the byte offset.
    init(_ text: ArraySlice<UInt8>, validate: Bool = true) throws {
        let bytes = Array(text)
        let base = text.startIndex
        records = []
        for (index, line) in TextLine.split(bytes, 0 ..< bytes.count).enumerated() where !line.isBlank(in: bytes) {
            let range = base + line.start ..< base + line.contentEnd
            if validate {
                do {
                    _ = try JSONScanner.parse(text[range])
                } catch let error as LabelerError {
                    throw LabelerError(.corrupt, "line \(index + 1): \(error.message)", offset: error.offset)
                }
            }
            records.append(Record(line: index + 1, range: range))
        }
        guard !records.isEmpty else { throw LabelerError(.corrupt, "no JSON Lines records", offset: base) }
    }
}
