/// An 8-bit gray image, rows top to bottom, as Tesseract is given it (``VisibleNoticeReader``).
struct GrayImage: Sendable {
    var width: Int
    var height: Int
    /// `width * height` bytes.
    var pixels: [UInt8]

    init(width: Int, height: Int, pixels: [UInt8]) {
        self.width = width
        self.height = height
        self.pixels = pixels
    }

    /// Rec. 601 luma of `raster`, composited over white where it is transparent.
    init(_ raster: Raster) {
        width = raster.width
        height = raster.height
        var gray = [UInt8](repeating: 255, count: raster.width * raster.height)
        raster.pixels.withUnsafeBufferPointer { rgba in
            for index in gray.indices {
                let base = index * 4
                let luma = (299 * Int(rgba[base]) + 587 * Int(rgba[base + 1]) + 114 * Int(rgba[base + 2])) / 1000
                let alpha = Int(rgba[base + 3])
                gray[index] = UInt8((luma * alpha + 255 * (255 - alpha)) / 255)
            }
        }
        pixels = gray
    }

    /// The rows `range` as an image of their own.
    func rows(_ range: Range<Int>) -> GrayImage {
        let clamped = range.clamped(to: 0 ..< height)
        return GrayImage(
            width: width, height: clamped.count,
            pixels: Array(pixels[(clamped.lowerBound * width) ..< (clamped.upperBound * width)]))
    }

    /// The columns `columns` of the rows `rows`, clamped to the image, as an image of their own.
    func cropped(columns: Range<Int>, rows: Range<Int>) -> GrayImage {
        let (columns, rows) = (columns.clamped(to: 0 ..< width), rows.clamped(to: 0 ..< height))
        var result = [UInt8]()
        result.reserveCapacity(columns.count * rows.count)
        for row in rows { result += pixels[(row * width + columns.lowerBound) ..< (row * width + columns.upperBound)] }
        return GrayImage(width: columns.count, height: rows.count, pixels: result)
    }

    /// This image scaled by `factor`: bilinear when enlarging, a box filter when shrinking.
    func scaled(by factor: Double) -> GrayImage {
        guard factor != 1, width > 0, height > 0 else { return self }
        let newWidth = max(1, Int((Double(width) * factor).rounded()))
        let newHeight = max(1, Int((Double(height) * factor).rounded()))
        var result = [UInt8](repeating: 255, count: newWidth * newHeight)
        if factor > 1 {
            for y in 0 ..< newHeight {
                let sourceY = min(Double(height - 1), max(0, (Double(y) + 0.5) / factor - 0.5))
                let y0 = Int(sourceY)
                let y1 = min(height - 1, y0 + 1)
                let fy = sourceY - Double(y0)
                for x in 0 ..< newWidth {
                    let sourceX = min(Double(width - 1), max(0, (Double(x) + 0.5) / factor - 0.5))
                    let x0 = Int(sourceX)
                    let x1 = min(width - 1, x0 + 1)
                    let fx = sourceX - Double(x0)
                    let top = Double(pixels[y0 * width + x0]) * (1 - fx) + Double(pixels[y0 * width + x1]) * fx
                    let bottom = Double(pixels[y1 * width + x0]) * (1 - fx) + Double(pixels[y1 * width + x1]) * fx
                    result[y * newWidth + x] = UInt8(min(255, max(0, (top * (1 - fy) + bottom * fy).rounded())))
                }
            }
        } else {
            for y in 0 ..< newHeight {
                let rowStart = y * height / newHeight
                let rowEnd = max(rowStart + 1, (y + 1) * height / newHeight)
                for x in 0 ..< newWidth {
                    let columnStart = x * width / newWidth
                    let columnEnd = max(columnStart + 1, (x + 1) * width / newWidth)
                    var sum = 0
                    for row in rowStart ..< rowEnd {
                        for column in columnStart ..< columnEnd { sum += Int(pixels[row * width + column]) }
                    }
                    result[y * newWidth + x] = UInt8(sum / ((rowEnd - rowStart) * (columnEnd - columnStart)))
                }
            }
        }
        return GrayImage(width: newWidth, height: newHeight, pixels: result)
    }

    /// This image inside a border of `margin` pixels of `value` on every side (Tesseract cuts
    /// lines that run to the edge of its image).
    func padded(by margin: Int, value: UInt8 = 255) -> GrayImage {
        let newWidth = width + 2 * margin
        var result = [UInt8](repeating: value, count: newWidth * (height + 2 * margin))
        for row in 0 ..< height {
            let target = (row + margin) * newWidth + margin
            result[target ..< (target + width)] = pixels[(row * width) ..< ((row + 1) * width)]
        }
        return GrayImage(width: newWidth, height: height + 2 * margin, pixels: result)
    }
}
