/// Asks ``Stamper`` to draw the notice into the pixels (regulation.md §7.2; GB 45438-2025 §5.2
/// explicit label) before the metadata and the signature are planned.
public struct VisibleLabelOptions: Sendable, Hashable {
    /// The corner of the picture as viewed (after EXIF orientation).
    public enum Corner: String, Sendable, Hashable, CaseIterable {
        case topLeft = "top-left"
        case topRight = "top-right"
        case bottomLeft = "bottom-left"
        case bottomRight = "bottom-right"
    }

    public var corner: Corner
    /// The languages drawn, one line (or wrapped block) each, in order; `nil`: the disclosure's.
    public var languages: [NoticeLanguage]?
    /// Sources declaring more pixels than this are refused before decoding (decompression bombs).
    public var maxPixelCount: Int

    /// Default pixel limit: 100 megapixels (400 MB as RGBA).
    public static let defaultMaxPixelCount = 100_000_000

    public init(
        corner: Corner = .bottomRight, languages: [NoticeLanguage]? = nil,
        maxPixelCount: Int = defaultMaxPixelCount
    ) {
        self.corner = corner
        self.languages = languages
        self.maxPixelCount = maxPixelCount
    }
}
