/// What to draw: one line (or wrapped block) per language, in order.
///
/// GB 45438-2025 §5.2 (regulation.md §2.3, §7.2): on an edge or corner, glyph height at least 5 %
/// of the shortest side, on a contrasting plate; the zh string must contain "AI" and "生成"/"合成".
package struct VisibleLabelRequest: Sendable, Equatable {
    /// A language's label and the shorter form used when even one word of it does not fit.
    package struct Line: Sendable, Equatable {
        package var language: String
        package var text: String
        package var shortText: String

        package init(language: String, text: String, shortText: String) {
            self.language = language
            self.text = text
            self.shortText = shortText
        }
    }

    package var lines: [Line]
    package var corner: LabelCorner
    /// The least glyph height as a fraction of the shortest side (GB 45438 §5.2: 5 %).
    package var minHeightRatio: Double

    package init(lines: [Line], corner: LabelCorner = .bottomRight, minHeightRatio: Double = 0.05) {
        self.lines = lines
        self.corner = corner
        self.minHeightRatio = minHeightRatio
    }
}
