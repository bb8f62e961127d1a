/// How a source image was encoded, so that a changed raster can be written back the same way.
package enum SourceEncoding: Sendable, Equatable {
    /// PNG: re-encoded as 8-bit RGBA when the source had any transparency, RGB otherwise
    /// (PNG spec §11.2.2 colour types 6 and 2); PNG is lossless, so every unchanged pixel decodes
    /// to the same RGBA8 value.
    case png(alpha: Bool)
    /// JPEG: re-encoded at the estimated IJG `quality`, with the source's luma sampling factors
    /// (ITU T.81 A.1.1), as one gray component when the source had one, progressive when it was.
    case jpeg(quality: Int, horizontalSampling: Int, verticalSampling: Int, gray: Bool, progressive: Bool)
}
