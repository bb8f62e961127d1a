package import LabelerCInterop

/// Finds visible AI notices in any picture — ours or a third party's — with Tesseract OCR
/// (GB 45438-2025 §5.2 explicit label; KZ Law on AI Art. 21 (2) visible warning).
///
/// What it does, for speed and recall:
/// 1. The picture is made gray (alpha composited over white).
/// 2. Three passes, stopping at the first that finds a notice: the whole picture (box-filtered down
///    when its shortest side is over ``maximumWorkingSide``), then — as notices sit at the edges —
///    the bottom 40 % and the top 40 %, upscaled (bilinear) so the shortest side reaches
///    ``minimumWorkingSide`` and small text gets enough pixels. An unlabelled 600 × 400 photo costs
///    the three passes; a labelled one stops after the first pass that finds a notice (when that
///    is the whole picture, the band holding the notice is read too, for lines in the languages
///    the first pass missed).
/// 3. Each pass is framed in a 16 px mid-gray border and read with page segmentation `PSM_SPARSE_TEXT` (short scattered lines, not a
///    page) by one engine loaded with `eng+rus+kaz+chi_sim`; every text line is passed to
///    ``NoticeMatcher``. A bare `AI`/`ИИ`/`ЖИ` counts only at confidence ≥ ``abbreviationConfidence``.
///
/// The engine is made per call (a `TessBaseAPI` is not thread-safe); no state is shared.
package struct VisibleNoticeReader: Sendable {
    /// Tesseract language codes, joined by `+`.
    package var languages = "eng+rus+kaz+chi_sim"
    /// The shortest side small pictures are upscaled to.
    package var minimumWorkingSide = 900
    /// The shortest side large pictures are downscaled to.
    package var maximumWorkingSide = 2400
    /// The least confidence for a line that is only an abbreviation.
    package var abbreviationConfidence = 75.0
    /// The least glyph height, as a fraction of the shortest side, that ``VisibleNotice/meetsHeight``.
    package var heightFraction = 0.05

    /// The mid-gray border each pass is framed in: Tesseract cuts or splits lines that run to the
    /// edge of its image (a label in a corner does), and mid-gray favours neither dark nor light plates.
    static let margin = 16

    package init() {}

    /// The notices found, top to bottom; empty when there is none.
    /// - Throws: ``CLibraryError`` (`.tesseract`) when the language data cannot be loaded.
    package func read(_ raster: Raster) throws(CLibraryError) -> [VisibleNotice] {
        guard raster.width > 0, raster.height > 0 else { return [] }
        let engine = try OCREngine(languages: languages)
        let shortest = raster.shortestSide
        let full = GrayImage(raster)
        // Pass 1: the whole picture (downscaled only when huge): big notices and Chinese lines,
        // which Tesseract segments better with the picture around them.
        let wholeScale = shortest > maximumWorkingSide ? Double(maximumWorkingSide) / Double(shortest) : 1
        var passes: [(image: GrayImage, top: Int, scale: Double)] = [(full.scaled(by: wholeScale), 0, wholeScale)]
        // Passes 2 and 3: the bottom and top 40 %, upscaled so small text gets enough pixels.
        let bandScale = shortest < minimumWorkingSide ? min(4, Double(minimumWorkingSide) / Double(shortest)) : 1
        let bandHeight = max(1, raster.height * 2 / 5)
        for top in [raster.height - bandHeight, 0] {
            passes.append((full.rows(top ..< (top + bandHeight)).scaled(by: bandScale), top, bandScale))
        }
        func read(_ pass: (image: GrayImage, top: Int, scale: Double)) -> [VisibleNotice] {
            let image = pass.image.padded(by: Self.margin, value: 128)
            return engine.lines(gray: image.pixels, width: image.width, height: image.height).compactMap {
                notice(for: $0, bandTop: pass.top, scale: pass.scale, shortestSide: shortest)
            }
        }
        var found: [VisibleNotice] = []
        for (index, pass) in passes.enumerated() {
            found = read(pass)
            guard let first = found.first else { continue }
            // Found in the whole picture: read the band holding it too, for lines in other
            // languages the first pass missed (a Chinese line under a Cyrillic one often is).
            if index == 0 {
                let band = passes[first.y + first.height / 2 >= raster.height / 2 ? 1 : 2]
                for extra in read(band) where !found.contains(where: { $0.language == extra.language }) {
                    found.append(extra)
                }
            }
            break
        }
        // A Chinese line under or over the notices found is often lost in the big passes
        // (after JPEG re-compression especially): read the block around them once more, alone.
        if let first = found.first, !found.contains(where: { $0.language == "zh" }) {
            var (left, top, right, bottom) = (first.x, first.y, first.x + first.width, first.y + first.height)
            for notice in found.dropFirst() {
                (left, top) = (min(left, notice.x), min(top, notice.y))
                (right, bottom) = (max(right, notice.x + notice.width), max(bottom, notice.y + notice.height))
            }
            let height = bottom - top
            let region = (x: left, y: max(0, top - height), width: right - left, height: 3 * height)
            for extra in self.read(engine: engine, full: full, shortest: shortest, region: region)
            where !found.contains(where: { $0.language == extra.language }) {
                found.append(extra)
            }
        }
        return found.sorted { $0.y < $1.y }
    }

    /// The notices inside `region` (picture pixels) — where our own XMP records that a label was
    /// drawn — read from that region alone, widened by half its size on each side and upscaled as
    /// the band passes are: a fraction of ``read(_:)``'s cost. Glyph heights are still judged
    /// against the whole picture's shortest side (GB 45438 §5.2).
    package func read(
        _ raster: Raster, region: (x: Int, y: Int, width: Int, height: Int)
    ) throws(CLibraryError) -> [VisibleNotice] {
        guard raster.width > 0, raster.height > 0, region.width > 0, region.height > 0 else { return [] }
        let engine = try OCREngine(languages: languages)
        return read(engine: engine, full: GrayImage(raster), shortest: raster.shortestSide, region: region)
    }

    private func read(
        engine: OCREngine, full: GrayImage, shortest: Int, region: (x: Int, y: Int, width: Int, height: Int)
    ) -> [VisibleNotice] {
        let (padX, padY) = (region.width / 2, region.height / 2)
        let columns = max(0, region.x - padX) ..< min(full.width, region.x + region.width + padX)
        let rows = max(0, region.y - padY) ..< min(full.height, region.y + region.height + padY)
        guard !columns.isEmpty, !rows.isEmpty else { return [] }
        let scale = shortest < minimumWorkingSide ? min(4, Double(minimumWorkingSide) / Double(shortest)) : 1
        let image = full.cropped(columns: columns, rows: rows).scaled(by: scale)
            .padded(by: Self.margin, value: 128)
        return engine.lines(gray: image.pixels, width: image.width, height: image.height).compactMap {
            notice(
                for: $0, bandTop: rows.lowerBound, bandLeft: columns.lowerBound, scale: scale, shortestSide: shortest)
        }
        .sorted { $0.y < $1.y }
    }

    /// `line` (in band pixels) as a notice in picture pixels, when it is one.
    func notice(for line: OCRLine, bandTop: Int, bandLeft: Int = 0, scale: Double, shortestSide: Int) -> VisibleNotice?
    {
        guard let match = NoticeMatcher.match(line.text) else { return nil }
        if match.isAbbreviation, line.confidence < abbreviationConfidence { return nil }
        func picture(_ value: Int) -> Int { Int((Double(value) / scale).rounded()) }
        let glyphHeight = picture(line.ascent)
        return VisibleNotice(
            text: line.text, language: match.language, x: bandLeft + max(0, picture(line.x - Self.margin)),
            y: bandTop + max(0, picture(line.y - Self.margin)),
            width: picture(line.width), height: picture(line.height), glyphHeight: glyphHeight,
            meetsHeight: Double(glyphHeight) >= heightFraction * Double(shortestSide),
            confidence: line.confidence)
    }
}
