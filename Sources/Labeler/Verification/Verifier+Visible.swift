import LabelerCInterop
import LabelerPixels

extension Verifier {
    /// The `LabelerVisible` fields of an XMP packet (where ``Stamper`` drew the notice), by
    /// property name: Corner, Region, Languages, GlyphHeight, Text.
    static func visibleRecord(in document: XMP.Document) -> [String: String] {
        var record: [String: String] = [:]
        for name in XMP.PropertyName.visibleLabel {
            guard let property = document.properties(name).first else { continue }
            let items = property.items.map(\.text)
            record[name.localName] = items.isEmpty ? property.value : items.joined(separator: ",")
        }
        return record
    }

    /// The `visible` layer: read from the whole picture with OCR when ``readsVisibleNotices`` is
    /// set; else, when our XMP records a label and ``pixels`` allows it, confirmed by OCR in the
    /// recorded region alone (issue 9 item 4: the pixels are read where the metadata says a
    /// label was applied); otherwise what the record says (recorded, not checked in pixels).
    func visibleLayer(for container: any Container, record: [String: String]) -> LayerReport {
        let region = record["Region"].flatMap(Self.region)
        guard readsVisibleNotices || (pixels != .never && region != nil) else {
            guard !record.isEmpty else {
                return LayerReport(
                    name: .visible, status: .notChecked,
                    warnings: [Finding(.notChecked, "visible warnings in pixels are not detected by this version")])
            }
            var layer = LayerReport(name: .visible, status: .present, fields: record)
            layer.fields["Source"] = "recorded"
            layer.locations = ["XMP LabelerVisible"]
            layer.warnings = [
                Finding(.notChecked, "recorded in the metadata, not checked in the pixels (verify --ocr reads them)")
            ]
            return layer
        }
        let notices: [VisibleNotice]
        do {
            let decoded = try PixelLayer.decode(container, maxPixelCount: VisibleLabelOptions.defaultMaxPixelCount)
            let raster = decoded.raster.applying(PixelLayer.orientation(of: container))
            let reader = VisibleNoticeReader()
            if !readsVisibleNotices, let region {
                var found = try reader.read(raster, region: region)
                // Tesseract segments a CJK line better with the picture around it: when the region
                // alone misses a language the record lists, the whole picture is read for it too.
                let recorded = (record["Languages"] ?? "").split(separator: ",").map(String.init)
                if recorded.contains(where: { language in !found.contains { $0.language == language } }) {
                    for notice in try reader.read(raster)
                    where !found.contains(where: { $0.language == notice.language }) {
                        found.append(notice)
                    }
                }
                notices = found.sorted { $0.y < $1.y }
            } else {
                notices = try reader.read(raster)
            }
        } catch {
            return LayerReport(
                name: .visible, status: .notChecked,
                warnings: [Finding(.notChecked, "the pixels could not be read: \(error)")])
        }
        return Self.visibleLayer(notices: notices, record: record)
    }

    /// `x,y,w,h` as a region, when all four are non-negative integers and the size is not empty.
    static func region(_ text: String) -> (x: Int, y: Int, width: Int, height: Int)? {
        let parts = text.split(separator: ",").compactMap { Int($0.filter { $0 != " " }) }
        guard parts.count == 4, parts.allSatisfy({ $0 >= 0 }), parts[2] > 0, parts[3] > 0 else { return nil }
        return (parts[0], parts[1], parts[2], parts[3])
    }

    /// The layer for the notices OCR found (GB 45438-2025 §5.2; KZ Law on AI Art. 21 (2)).
    /// Fields: Text (lines joined by ` / `), Box (`x,y,w,h`, the union of the lines), Language
    /// (in reading order), GlyphHeight (the least, in pixels), MeetsHeight (`true` when every
    /// line's glyphs are ≥ 5 % of the shortest side), Source `ocr`.
    static func visibleLayer(notices: [VisibleNotice], record: [String: String]) -> LayerReport {
        guard let first = notices.first else {
            var layer = LayerReport(name: .visible, status: .absent)
            if !record.isEmpty {
                layer.warnings.append(
                    Finding(
                        .visibleNotFound,
                        "the XMP records a visible label (\(record["Text"] ?? "?")) but OCR found none in the pixels"))
            }
            return layer
        }
        var (left, top, right, bottom) = (first.x, first.y, first.x + first.width, first.y + first.height)
        for notice in notices.dropFirst() {
            left = min(left, notice.x)
            top = min(top, notice.y)
            right = max(right, notice.x + notice.width)
            bottom = max(bottom, notice.y + notice.height)
        }
        var languages: [String] = []
        for notice in notices where !languages.contains(notice.language) { languages.append(notice.language) }
        let meetsHeight = notices.allSatisfy(\.meetsHeight)
        var layer = LayerReport(name: .visible, status: .present)
        layer.declaresAI = true
        layer.locations = notices.map { "pixels \($0.x),\($0.y),\($0.width),\($0.height)" }
        layer.fields = [
            "Text": notices.map(\.text).joined(separator: " / "),
            "Box": "\(left),\(top),\(right - left),\(bottom - top)",
            "Language": languages.joined(separator: ","),
            "GlyphHeight": String(notices.map(\.glyphHeight).min() ?? 0),
            "MeetsHeight": String(meetsHeight),
            "Source": "ocr",
        ]
        if !meetsHeight {
            layer.warnings.append(
                Finding(.visibleTooSmall, "notice glyphs are under 5 % of the shortest side (GB 45438-2025 §5.2)"))
        }
        return layer
    }
}
