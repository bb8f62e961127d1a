package import LabelerCInterop

/// Decodes PNG and JPEG files to ``Raster`` and encodes rasters back like their source, through
/// libpng and libjpeg-turbo (every `setjmp` in CLabelerShims).
package enum RasterCodec {
    /// A decoded source: its stored raster and how it was encoded.
    package struct Decoded: Sendable {
        package var raster: Raster
        package var encoding: SourceEncoding
    }

    /// Largest pixel count decoded by default (the shims' limit, 100 megapixels).
    package static let defaultMaxPixelCount = DecodedImage.maxPixelCount

    /// Decodes a PNG (any colour type, 1–16 bits, interlaced; PNG spec §11.2.2) or a JPEG
    /// (baseline or progressive, gray/YCbCr/CMYK; ITU T.81) held in memory.
    /// - Parameter maxPixelCount: declared `width × height` above this is refused before any
    ///   pixel memory is allocated (a decompression bomb).
    /// - Throws: ``CLibraryError``: `.limitExceeded` naming the dimensions and the limit; the
    ///   library's message for corrupt data; `.invalidArgument` for neither PNG nor JPEG.
    package static func decode(
        _ bytes: [UInt8], maxPixelCount: Int = defaultMaxPixelCount
    ) throws(CLibraryError) -> Decoded {
        if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47]) {
            let raster = Raster(try PNGCodec.decode(bytes, maxPixelCount: maxPixelCount))
            // IHDR is the first chunk (PNG spec §5.6): colour type at byte 25; bit 1 clear = gray.
            let gray = bytes.count > 25 && bytes[25] & 2 == 0 && bytes[25] != 3
            return Decoded(raster: raster, encoding: .png(alpha: raster.hasTransparency, gray: gray))
        }
        if bytes.starts(with: [0xFF, 0xD8]) {
            let info = try JPEGCodec.inspect(bytes)
            let raster = Raster(try JPEGCodec.decode(bytes, maxPixelCount: maxPixelCount))
            let encoding = SourceEncoding.jpeg(
                quality: JPEGQuality.estimate(luminanceTable: info.luminanceTable),
                horizontalSampling: info.components == 1 ? 1 : info.horizontalSampling,
                verticalSampling: info.components == 1 ? 1 : info.verticalSampling, gray: info.components == 1,
                progressive: info.progressive)
            return Decoded(raster: raster, encoding: encoding)
        }
        throw CLibraryError(
            library: .libpng, code: CLibraryError.invalidArgument, message: "neither a PNG nor a JPEG signature")
    }

    /// Encodes `raster` the way ``SourceEncoding`` says. The output is a bare stream (PNG:
    /// signature, IHDR, IDAT, IEND; JPEG: SOI, JFIF APP0, tables, frame, scans, EOI): carrying the
    /// source's metadata over is the container layer's job.
    package static func encode(_ raster: Raster, like encoding: SourceEncoding) throws(CLibraryError) -> [UInt8] {
        switch encoding {
        case .png(let alpha, let gray):
            return try PNGCodec.encode(raster.decodedImage(keepingAlpha: alpha, gray: gray && raster.isGray))
        case .jpeg(let quality, let h, let v, let gray, let progressive):
            return try JPEGCodec.encode(
                raster.decodedImage(keepingAlpha: false), quality: quality, horizontalSampling: h,
                verticalSampling: v, gray: gray, progressive: progressive)
        }
    }
}
