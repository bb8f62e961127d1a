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

    /// The re-encoded file, the visible label drawn (if asked) and the watermark embedded (if asked).
    struct Rendered: Sendable {
        var bytes: [UInt8]
        var visibleLabel: VisibleLabelRecord?
        var watermark: WatermarkRecord?
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
        let rendered = try render(
            in: container, visible: options, watermark: nil, disclosure: disclosure, fonts: fonts)
        guard let record = rendered.visibleLabel else {
            throw LabelerError(.invalidRequest, "visible label: nothing was drawn")
        }
        return Result(bytes: rendered.bytes, record: record)
    }

    /// Decodes once, draws the visible label (visual orientation), embeds the watermark (in the
    /// stored orientation, the one a blind detector decodes), encodes like the source and carries
    /// the metadata over.
    /// - Throws: as ``drawVisibleLabel(in:options:disclosure:fonts:)``; `.invalidRequest`
    ///   "cannot watermark" for an image too small or too flat to carry the mark.
    static func render(
        in container: any Container, visible: VisibleLabelOptions?, watermark: WatermarkOptions?,
        disclosure: Disclosure, fonts: LabelFonts = .debian
    ) throws -> Rendered {
        let limit = min(visible?.maxPixelCount ?? .max, watermark?.maxPixelCount ?? .max)
        let decoded = try decode(container, maxPixelCount: limit)
        var stored = decoded.raster
        var visibleLabel: VisibleLabelRecord?
        if let visible {
            let orientation = Self.orientation(of: container)
            var visual = decoded.raster.applying(orientation)
            visibleLabel = try draw(on: &visual, options: visible, disclosure: disclosure, fonts: fonts)
            stored = visual.storing(as: orientation)
        }
        var record: WatermarkRecord?
        if let watermark {
            let payload = WatermarkRecord.payload(forContentID: disclosure.contentID ?? Disclosure.randomUUID())
            do {
                let embedding = try Watermark(payload: payload, targetPSNR: watermark.targetPSNR).embed(into: &stored)
                record = WatermarkRecord(payload: payload, psnr: embedding.psnr)
            } catch {
                throw LabelerError(.invalidRequest, error.description)
            }
        }
        let encoded: [UInt8]
        do {
            encoded = try RasterCodec.encode(stored, like: decoded.encoding)
        } catch {
            throw LabelerError(.invalidRequest, "re-encoding the changed pixels: \(error.message)")
        }
        return Rendered(bytes: try carry(container, into: encoded), visibleLabel: visibleLabel, watermark: record)
    }

    private static func draw(
        on visual: inout Raster, options: VisibleLabelOptions, disclosure: Disclosure, fonts: LabelFonts
    ) throws -> VisibleLabelRecord {
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
        return VisibleLabelRecord(
            corner: options.corner, x: placement.x, y: placement.y, width: placement.width,
            height: placement.height,
            languages: placement.languages.compactMap(NoticeLanguage.init(rawValue:)),
            glyphHeight: placement.glyphHeight, text: placement.drawnLines.joined(separator: "\n"))
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
