/// Where a visible label was drawn, as the XMP records it (``XMPPacketWriter``).
struct VisibleLabelRecord: Sendable, Hashable {
    var corner: VisibleLabelOptions.Corner
    /// The plate in the coordinates of the picture as viewed: x, y, width, height.
    var x: Int
    var y: Int
    var width: Int
    var height: Int
    /// The languages drawn, in order.
    var languages: [NoticeLanguage]
    /// The least glyph ascent of a line, in pixels.
    var glyphHeight: Int
    /// The text as drawn, lines joined by a newline.
    var text: String
}
