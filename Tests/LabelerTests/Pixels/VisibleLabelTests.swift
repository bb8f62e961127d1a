import Foundation
import LabelerCInterop
import LabelerPixels
import LabelerTestSupport
import Testing

@Suite struct VisibleLabelTests {
    static let allLanguages = VisibleLabelRequest(lines: [
        .init(language: "kk", text: "ЖИ жасаған", shortText: "ЖИ"),
        .init(language: "ru", text: "Создано с помощью ИИ", shortText: "ИИ"),
        .init(language: "en", text: "AI-generated", shortText: "AI"),
        .init(language: "zh", text: "AI生成", shortText: "AI生成"),
    ])

    static func coffee() throws -> Raster {
        try RasterCodec.decode(TestFiles.read(TestFiles.sampleMedia.appendingPathComponent("photos/coffee.png")))
            .raster
    }

    /// The bounding box of the pixels that differ between two rasters of the same size.
    static func changedBox(_ a: Raster, _ b: Raster) -> (x: Int, y: Int, width: Int, height: Int)? {
        var minX = Int.max
        var minY = Int.max
        var maxX = -1
        var maxY = -1
        for y in 0 ..< a.height {
            for x in 0 ..< a.width where a.pixel(x: x, y: y) != b.pixel(x: x, y: y) {
                minX = min(minX, x)
                minY = min(minY, y)
                maxX = max(maxX, x)
                maxY = max(maxY, y)
            }
        }
        return maxX < 0 ? nil : (minX, minY, maxX - minX + 1, maxY - minY + 1)
    }

    /// Heights of the runs of rows holding ink inside the plate, measured from the pixels: the
    /// plate colour is the box's corner pixel; ink is any pixel more than 100 levels from it.
    static func inkRuns(_ raster: Raster, box: (x: Int, y: Int, width: Int, height: Int)) -> [Int] {
        let plate = Int(raster.pixel(x: box.x, y: box.y).0)
        var runs: [Int] = []
        var current = 0
        for y in box.y ..< box.y + box.height {
            let ink = (box.x ..< box.x + box.width).contains { abs(Int(raster.pixel(x: $0, y: y).0) - plate) > 100 }
            if ink {
                current += 1
            } else if current > 0 {
                runs.append(current)
                current = 0
            }
        }
        if current > 0 { runs.append(current) }
        return runs
    }

    @Test("the label changes only its plate, in the asked corner", arguments: LabelCorner.allCases)
    func onlyThePlate(corner: LabelCorner) throws {
        let original = try Self.coffee()
        var labelled = original
        var request = Self.allLanguages
        request.corner = corner
        let placement = try VisibleLabelRenderer().draw(request, on: &labelled)
        let box = try #require(Self.changedBox(original, labelled))
        #expect(box.x >= placement.x && box.y >= placement.y)
        #expect(box.x + box.width <= placement.x + placement.width)
        #expect(box.y + box.height <= placement.y + placement.height)
        #expect(placement.languages == ["kk", "ru", "en", "zh"])
        let margin = original.shortestSide / 50
        let right = corner == .topRight || corner == .bottomRight
        let bottom = corner == .bottomLeft || corner == .bottomRight
        #expect(right ? placement.x + placement.width == original.width - margin : placement.x == margin)
        #expect(bottom ? placement.y + placement.height == original.height - margin : placement.y == margin)
    }

    @Test("glyph height, measured from the rendered pixels, is at least 5 % of the shortest side")
    func glyphHeight() throws {
        for (width, height) in [(600, 400), (400, 900), (1200, 300)] {
            var raster = Raster(width: width, height: height, fill: (200, 180, 90, 255))
            let placement = try VisibleLabelRenderer().draw(Self.allLanguages, on: &raster)
            let runs = Self.inkRuns(raster, box: (placement.x, placement.y, placement.width, placement.height))
            let floor = Double(min(width, height)) * 0.05
            #expect(runs.count == placement.drawnLines.count, "\(runs) for \(placement.drawnLines)")
            for run in runs { #expect(Double(run) >= floor, "ink run \(run) px < \(floor) px on \(width)x\(height)") }
            #expect(Double(placement.glyphHeight) >= floor)
        }
    }

    @Test("Kazakh, Russian and Chinese glyphs exist in the fonts (no .notdef)")
    func glyphCoverage() throws {
        let fonts = LabelFonts.debian
        let cyrillic = try fonts.open(forLanguage: "kk")
        for scalar in "ЖИ жасаған ӘҒҚҢӨҰҮҺІ әғқңөұүһі Создано с помощью ИИ AI-generated".unicodeScalars
        where scalar != " " {
            #expect(cyrillic.glyphIndex(of: scalar) != 0, "no glyph for U+\(String(scalar.value, radix: 16))")
        }
        let chinese = try fonts.open(forLanguage: "zh")
        for scalar in "AI生成合成".unicodeScalars {
            #expect(chinese.glyphIndex(of: scalar) != 0, "no glyph for U+\(String(scalar.value, radix: 16))")
        }
        // And the check can fail: DejaVu has no ideographs.
        #expect(cyrillic.glyphIndex(of: "生") == 0)
    }

    @Test("narrow images get a wrapped label that stays inside the image")
    func narrowWraps() throws {
        var raster = Raster(width: 60, height: 500, fill: (30, 30, 30, 255))
        let request = VisibleLabelRequest(
            lines: [.init(language: "ru", text: "Создано с помощью ИИ", shortText: "ИИ")], minHeightRatio: 0.1)
        let placement = try VisibleLabelRenderer().draw(request, on: &raster)
        #expect(placement.drawnLines.count > 1)
        #expect(placement.x >= 0 && placement.x + placement.width <= 60)
        #expect(placement.y >= 0 && placement.y + placement.height <= 500)
        // Dark picture: light plate.
        #expect(raster.pixel(x: placement.x, y: placement.y).0 > 200)
    }

    @Test("a word that cannot fit falls back to the short form")
    func shortened() throws {
        var raster = Raster(width: 100, height: 400, fill: (250, 250, 250, 255))
        let request = VisibleLabelRequest(
            lines: [.init(language: "ru", text: "Создано с помощью ИИ", shortText: "ИИ")], minHeightRatio: 0.2)
        let placement = try VisibleLabelRenderer().draw(request, on: &raster)
        #expect(placement.shortened)
        #expect(placement.drawnLines == ["ИИ"])
        #expect(placement.x + placement.width <= 100)
        // Light picture: dark plate.
        #expect(raster.pixel(x: placement.x, y: placement.y).0 < 50)
    }

    @Test("a picture too small for a label is refused with its size")
    func tooSmall() {
        var raster = Raster(width: 20, height: 10, fill: (0, 0, 0, 255))
        #expect(throws: VisibleLabelError.self) { try VisibleLabelRenderer().draw(Self.allLanguages, on: &raster) }
    }
}
