import LabelerCInterop

/// Draws the visible label into a raster: an opaque plate in a corner, its colour chosen against
/// the picture under it (dark plate and white text on light pictures, light plate and black text
/// on dark ones), and the text rasterised with FreeType. Only pixels inside the plate change.
///
/// Size rule (GB 45438-2025 §5.2, regulation.md §7.2): each line's tallest glyph is at least
/// `minHeightRatio` (5 %) of the shortest side. On narrow pictures lines wrap at spaces, then fall
/// back to the language's short form, then break between characters; languages that do not fit
/// in height are left out, the first one always stays.
package struct VisibleLabelRenderer: Sendable {
    package var fonts: LabelFonts

    /// Smallest shortest side a label is drawn on.
    package static let minimumSide = 24

    package init(fonts: LabelFonts = .debian) {
        self.fonts = fonts
    }

    /// Draws `request` into the visual picture `raster` and returns where.
    /// - Throws: ``VisibleLabelError`` for a picture too small or a request without lines;
    ///   ``CLibraryError`` (`.freetype`) when a font cannot be opened or rendered.
    package func draw(_ request: VisibleLabelRequest, on raster: inout Raster) throws -> LabelPlacement {
        guard !request.lines.isEmpty else { throw VisibleLabelError("no label languages given") }
        let side = raster.shortestSide
        guard side >= Self.minimumSide else {
            throw VisibleLabelError(
                "image is \(raster.width)x\(raster.height); a visible label needs at least \(Self.minimumSide) pixels a side"
            )
        }
        let target = max(1, Int((Double(side) * request.minHeightRatio).rounded(.up)))
        let margin = max(1, side / 50)
        // Padding depends on the size, which depends on the width left: estimate from the target.
        let padding = max(2, target / 3)
        let maxWidth = raster.width - 2 * margin - 2 * padding
        guard maxWidth > 0 else { throw VisibleLabelError("image is too narrow for a visible label") }
        var layout = try LabelLayout(
            request: request, fonts: fonts, targetGlyphHeight: target, maxWidth: maxWidth)
        let maxHeight = raster.height - 2 * margin
        func plateHeight(_ layout: LabelLayout) -> Int {
            let count = layout.lines.count
            return 2 * padding + count * layout.lineHeight + max(0, count - 1) * layout.lineGap
        }
        while plateHeight(layout) > maxHeight, layout.blocks.count > 1 { layout.blocks.removeLast() }
        guard plateHeight(layout) <= maxHeight else {
            throw VisibleLabelError(
                "image is \(raster.width)x\(raster.height); the label needs \(plateHeight(layout)) pixels of height")
        }
        var textWidth = 0
        for line in layout.lines {
            textWidth = max(textWidth, try line.face.measure(line.text, pixelHeight: layout.pixelsPerEm).advance)
        }
        let width = min(textWidth + 2 * padding, raster.width - 2 * margin)
        let height = plateHeight(layout)
        let x = request.corner.isRight ? raster.width - margin - width : margin
        let y = request.corner.isBottom ? raster.height - margin - height : margin

        var coverage = [UInt8](repeating: 0, count: width * height)
        var baseline = padding + layout.ascent
        for line in layout.lines {
            try line.face.render(
                line.text, pixelHeight: layout.pixelsPerEm, into: &coverage, width: width, height: height,
                x: padding, baseline: baseline)
            baseline += layout.lineHeight + layout.lineGap
        }
        let light = Self.meanLuminance(of: raster, x: x, y: y, width: width, height: height) >= 128
        let plate: UInt8 = light ? 24 : 240
        let ink: UInt8 = light ? 255 : 0
        for row in 0 ..< height {
            for column in 0 ..< width {
                let c = Int(coverage[row * width + column])
                let value = UInt8((Int(plate) * (255 - c) + Int(ink) * c + 127) / 255)
                let index = ((y + row) * raster.width + x + column) * 4
                raster.pixels[index] = value
                raster.pixels[index + 1] = value
                raster.pixels[index + 2] = value
                raster.pixels[index + 3] = 255
            }
        }
        return LabelPlacement(
            x: x, y: y, width: width, height: height, corner: request.corner,
            languages: layout.blocks.map(\.language), pixelsPerEm: layout.pixelsPerEm,
            glyphHeight: layout.glyphHeight, drawnLines: layout.lines.map(\.text),
            shortened: layout.blocks.contains(where: \.shortened))
    }

    /// Mean Rec. 601 luma of a box, composited over white where transparent.
    static func meanLuminance(of raster: Raster, x: Int, y: Int, width: Int, height: Int) -> Int {
        var total = 0
        for row in y ..< y + height {
            for column in x ..< x + width {
                let (r, g, b, a) = raster.pixel(x: column, y: row)
                let luma = (299 * Int(r) + 587 * Int(g) + 114 * Int(b)) / 1000
                total += (luma * Int(a) + 255 * (255 - Int(a))) / 255
            }
        }
        return total / max(1, width * height)
    }
}
