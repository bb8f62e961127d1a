import LabelerCInterop
import LabelerPixels

/// The pixel layers of a stamp: decode the container's image, change its pixels, encode it the way
/// the source was encoded, and carry the source's metadata over (``PixelLayer/carry(_:into:)``).
/// Runs only when a pixel layer is asked for; metadata-only stamping never decodes a pixel.
enum PixelLayer {
    /// The re-encoded file and what was drawn.
    struct Result: Sendable {
        var bytes: [UInt8]
        var record: VisibleLabelRecord
    }

    /// Draws the visible label into `container`'s picture (in its visual orientation, EXIF
    /// `Orientation` honoured) and returns the new file.
    /// - Throws: ``LabelerError``: `.tooLarge` past the pixel limit, `.corrupt` for pixel data the
    ///   codec rejects (offset: where the image data starts), `.unsupportedFormat` for animated PNG,
    ///   `.invalidRequest` when no label fits or a font is missing.
    static func drawVisibleLabel(
        in container: any Container, options: VisibleLabelOptions, disclosure: Disclosure,
        fonts: LabelFonts = .debian
    ) throws -> Result {
        let decoded = try decode(container, maxPixelCount: options.maxPixelCount)
        let orientation = Self.orientation(of: container)
        var visual = decoded.raster.applying(orientation)
        let languages = options.languages ?? disclosure.languages
        let request = VisibleLabelRequest(
            lines: languages.map {
                .init(
                    language: $0.rawValue, text: $0.shortLabel(for: disclosure.involvement),
                    shortText: $0.abbreviatedLabel(for: disclosure.involvement))
            },
            corner: LabelCorner(rawValue: options.corner.rawValue) ?? .bottomRight)
        let placement: LabelPlacement
        do {
            placement = try VisibleLabelRenderer(fonts: fonts).draw(request, on: &visual)
        } catch let error as CLibraryError {
            throw LabelerError(.invalidRequest, "visible label: \(error.message)")
        } catch {
            throw LabelerError(.invalidRequest, "visible label: \(error)")
        }
        let encoded: [UInt8]
        do {
            encoded = try RasterCodec.encode(visual.storing(as: orientation), like: decoded.encoding)
        } catch {
            throw LabelerError(.invalidRequest, "re-encoding the labelled pixels: \(error.message)")
        }
        let record = VisibleLabelRecord(
            corner: options.corner, x: placement.x, y: placement.y, width: placement.width,
            height: placement.height,
            languages: placement.languages.compactMap(NoticeLanguage.init(rawValue:)),
            glyphHeight: placement.glyphHeight, text: placement.drawnLines.joined(separator: "\n"))
        return Result(bytes: try carry(container, into: encoded), record: record)
    }

    /// Decodes the container's pixels, mapping codec failures to ``LabelerError`` with the offset
    /// where the image data starts.
    static func decode(_ container: any Container, maxPixelCount: Int) throws -> RasterCodec.Decoded {
        do {
            return try RasterCodec.decode(container.bytes, maxPixelCount: maxPixelCount)
        } catch {
            let offset = imageDataOffset(of: container)
            if error.code == CLibraryError.limitExceeded {
                throw LabelerError(.tooLarge, "pixels: \(error.message)", offset: 0)
            }
            throw LabelerError(
                .corrupt, "pixels: \(error.library.rawValue) cannot decode the image data: \(error.message)",
                offset: offset)
        }
    }

    /// Where the compressed image data starts: the first `IDAT` chunk, or the first JPEG scan.
    static func imageDataOffset(of container: any Container) -> Int? {
        if let png = container as? PNG.Handler {
            return png.reader.chunks.first { $0.type == .IDAT }?.offset
        }
        if let jpeg = container as? JPEG.Handler {
            return jpeg.reader.segments.first { $0.marker == JPEG.Marker.sos }?.offset
        }
        return nil
    }

    /// The EXIF `Orientation` of the first Exif site (JPEG APP1 after `Exif\0\0`, PNG `eXIf`);
    /// `.up` when there is none or it is unreadable.
    static func orientation(of container: any Container) -> Orientation {
        guard let exif = container.sites().exif.first else { return .up }
        var tiff = exif.bytes[...]
        if tiff.starts(with: JPEG.exifIdentifier) { tiff = tiff.dropFirst(JPEG.exifIdentifier.count) }
        return Orientation(tiff: tiff) ?? .up
    }

    /// `encoded` (a bare stream from ``RasterCodec``) with the source's metadata carried over.
    static func carry(_ container: any Container, into encoded: [UInt8]) throws -> [UInt8] {
        if let png = container as? PNG.Handler { return try png.carryingMetadata(into: encoded) }
        if let jpeg = container as? JPEG.Handler { return try jpeg.carryingMetadata(into: encoded) }
        throw LabelerError(
            .unsupportedFormat, "\(type(of: container).format): no pixel layer for this format")
    }
}
