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
