/// How a source image was encoded, so that a changed raster can be written back the same way.
package enum SourceEncoding: Sendable, Equatable {
    /// PNG: re-encoded at 8 bits, with alpha when the source had any transparency, as gray when
    /// the source was gray (colour type 0 or 4) and still is (the label is drawn in grays), RGB
    /// otherwise (PNG spec §11.2.2 colour types 0, 4, 2, 6). PNG is lossless, so every unchanged
    /// pixel decodes to the same RGBA8 value.
    case png(alpha: Bool, gray: Bool)
    /// JPEG: re-encoded at the estimated IJG `quality`, with the source's luma sampling factors
    /// (ITU T.81 A.1.1), as one gray component when the source had one, progressive when it was.
    case jpeg(quality: Int, horizontalSampling: Int, verticalSampling: Int, gray: Bool, progressive: Bool)
}
