/// The corner of the visual picture (after EXIF orientation) that holds the visible label.
package enum LabelCorner: String, Sendable, CaseIterable {
    case topLeft = "top-left"
    case topRight = "top-right"
    case bottomLeft = "bottom-left"
    case bottomRight = "bottom-right"

    var isRight: Bool { self == .topRight || self == .bottomRight }
    var isBottom: Bool { self == .bottomLeft || self == .bottomRight }
}

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

/// Where and how the label was drawn, in the coordinates of the visual picture.
package struct LabelPlacement: Sendable, Equatable {
    /// The plate: every pixel the label changed lies inside it.
    package var x: Int
    package var y: Int
    package var width: Int
    package var height: Int
    package var corner: LabelCorner
    /// The languages drawn (a language that did not fit in height is left out).
    package var languages: [String]
    /// Font size (pixels per em) and the least measured glyph ascent of a line, in pixels.
    package var pixelsPerEm: Int
    package var glyphHeight: Int
    /// The text lines as drawn, after wrapping.
    package var drawnLines: [String]
    /// Whether a language's short form replaced its label to fit.
    package var shortened: Bool
}

/// Why a visible label cannot be drawn.
package struct VisibleLabelError: Error, Sendable, CustomStringConvertible {
    package var message: String
    package init(_ message: String) { self.message = message }
    package var description: String { message }
}
