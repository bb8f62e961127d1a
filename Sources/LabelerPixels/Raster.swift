package import LabelerCInterop

/// An 8-bit RGBA image, rows top to bottom: the one pixel format the pixel layers work on.
///
/// Pixel `(x, y)` starts at byte `(y * width + x) * 4`. Sources of every PNG colour type and bit
/// depth (PNG spec §11.2.2 IHDR) and every JPEG colour space are brought to this form by
/// ``RasterCodec``; 16-bit samples are scaled to 8 bits on the way in.
package struct Raster: Sendable, Equatable {
    package var width: Int
    package var height: Int
    /// `width * height * 4` bytes.
    package var pixels: [UInt8]

    package init(width: Int, height: Int, pixels: [UInt8]) {
        self.width = width
        self.height = height
        self.pixels = pixels
    }

    /// A `width × height` raster filled with one colour.
    package init(width: Int, height: Int, fill: (UInt8, UInt8, UInt8, UInt8)) {
        self.width = width
        self.height = height
        var pixels = [UInt8](repeating: 0, count: width * height * 4)
        for index in stride(from: 0, to: pixels.count, by: 4) {
            pixels[index] = fill.0
            pixels[index + 1] = fill.1
            pixels[index + 2] = fill.2
            pixels[index + 3] = fill.3
        }
        self.pixels = pixels
    }

    /// The raster of a decoded RGB or RGBA image (RGB gets alpha 255).
    package init(_ image: DecodedImage) {
        width = image.width
        height = image.height
        if image.channels == 4 {
            pixels = image.pixels
            return
        }
        var rgba = [UInt8](repeating: 255, count: image.width * image.height * 4)
        var source = 0
        for target in stride(from: 0, to: rgba.count, by: 4) {
            rgba[target] = image.pixels[source]
            rgba[target + 1] = image.pixels[source + 1]
            rgba[target + 2] = image.pixels[source + 2]
            source += 3
        }
        pixels = rgba
    }

    /// The shortest side, the base of the visible label's size rule (GB 45438 §5.2 names no
    /// size; 5 % of it is our floor for the glyph height).
    package var shortestSide: Int { min(width, height) }

    /// Whether any pixel is not fully opaque.
    package var hasTransparency: Bool {
        stride(from: 3, to: pixels.count, by: 4).contains { pixels[$0] != 255 }
    }

    /// The RGBA bytes of pixel `(x, y)`.
    package func pixel(x: Int, y: Int) -> (UInt8, UInt8, UInt8, UInt8) {
        let index = (y * width + x) * 4
        return (pixels[index], pixels[index + 1], pixels[index + 2], pixels[index + 3])
    }

    /// Whether every pixel has equal red, green and blue.
    package var isGray: Bool {
        for index in stride(from: 0, to: pixels.count, by: 4) {
            let red: UInt8 = pixels[index]
            if red != pixels[index + 1] || red != pixels[index + 2] { return false }
        }
        return true
    }

    /// The image for an encoder: RGBA or RGB (alpha dropped when `keepingAlpha` is false), or
    /// gray (+ alpha) from the red channel when `gray` is true.
    package func decodedImage(keepingAlpha: Bool, gray: Bool = false) -> DecodedImage {
        if keepingAlpha, !gray { return DecodedImage(width: width, height: height, channels: 4, pixels: pixels) }
        let picks = gray ? (keepingAlpha ? [0, 3] : [0]) : [0, 1, 2]
        var out = [UInt8](repeating: 0, count: width * height * picks.count)
        var target = 0
        for source in stride(from: 0, to: pixels.count, by: 4) {
            for pick in picks {
                out[target] = pixels[source + pick]
                target += 1
            }
        }
        return DecodedImage(width: width, height: height, channels: picks.count, pixels: out)
    }
}
