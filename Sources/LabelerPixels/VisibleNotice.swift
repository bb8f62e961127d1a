/// A visible AI notice read from the pixels of a picture (``VisibleNoticeReader``).
package struct VisibleNotice: Sendable, Hashable {
    /// The line as Tesseract read it.
    package var text: String
    /// `en`, `ru`, `kk` or `zh` (``NoticeMatcher``).
    package var language: String
    /// The line's box in the picture as viewed: x, y, width, height in pixels.
    package var x: Int
    package var y: Int
    package var width: Int
    package var height: Int
    /// The height of the line's tallest glyph above the baseline, in pixels of the picture.
    package var glyphHeight: Int
    /// Whether ``glyphHeight`` is at least 5 % of the picture's shortest side (GB 45438-2025 §5.2
    /// asks for a label people notice; 5 % is the floor Labeler draws and checks).
    package var meetsHeight: Bool
    /// Tesseract's confidence for the line, 0–100.
    package var confidence: Double

    package init(
        text: String, language: String, x: Int, y: Int, width: Int, height: Int, glyphHeight: Int,
        meetsHeight: Bool, confidence: Double
    ) {
        self.text = text
        self.language = language
        self.x = x
        self.y = y
        self.width = width
        self.height = height
        self.glyphHeight = glyphHeight
        self.meetsHeight = meetsHeight
        self.confidence = confidence
    }
}
