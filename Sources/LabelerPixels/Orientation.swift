/// The EXIF/TIFF `Orientation` tag (0x0112; TIFF 6.0 p. 36, Exif 2.32 §4.6.4 A): how the stored
/// rows and columns map to the picture a viewer shows. 1 is "as stored".
package enum Orientation: Int, Sendable, CaseIterable {
    case up = 1
    case upMirrored = 2
    case down = 3
    case downMirrored = 4
    case leftMirrored = 5
    case right = 6
    case rightMirrored = 7
    case left = 8

    /// Whether the visual picture is the stored one turned by 90° (width and height swap).
    package var swapsSides: Bool { rawValue >= 5 }

    /// The visual position of the stored pixel `(x, y)` of a `width × height` stored raster.
    func visual(x: Int, y: Int, width: Int, height: Int) -> (x: Int, y: Int) {
        switch self {
        case .up: return (x, y)
        case .upMirrored: return (width - 1 - x, y)
        case .down: return (width - 1 - x, height - 1 - y)
        case .downMirrored: return (x, height - 1 - y)
        case .leftMirrored: return (y, x)
        case .right: return (height - 1 - y, x)
        case .rightMirrored: return (height - 1 - y, width - 1 - x)
        case .left: return (y, width - 1 - x)
        }
    }

    /// Reads the tag from a TIFF structure (the Exif APP1 payload after `Exif\0\0`, or a PNG
    /// `eXIf` chunk's data): byte order, IFD0 offset, then the IFD0 entry 0x0112 of type SHORT.
    /// Returns `nil` when the data is not TIFF, the tag is absent, or its value is outside 1...8;
    /// every read is bounds-checked.
    package init?(tiff: ArraySlice<UInt8>) {
        let bytes = Array(tiff)
        guard bytes.count >= 8 else { return nil }
        let little: Bool
        switch (bytes[0], bytes[1]) {
        case (0x49, 0x49): little = true
        case (0x4D, 0x4D): little = false
        default: return nil
        }
        func u16(_ at: Int) -> Int? {
            guard at >= 0, at + 2 <= bytes.count else { return nil }
            return little ? Int(bytes[at]) | Int(bytes[at + 1]) << 8 : Int(bytes[at]) << 8 | Int(bytes[at + 1])
        }
        func u32(_ at: Int) -> Int? {
            guard let high = u16(little ? at + 2 : at), let low = u16(little ? at : at + 2) else { return nil }
            return high << 16 | low
        }
        guard u16(2) == 42, let ifd = u32(4), let count = u16(ifd) else { return nil }
        for entry in 0 ..< count {
            let at = ifd + 2 + entry * 12
            guard let tag = u16(at), let type = u16(at + 2) else { return nil }
            if tag == 0x0112, type == 3, let value = u16(at + 8) {
                self.init(rawValue: value)
                return
            }
        }
        return nil
    }
}

extension Raster {
    /// The picture a viewer shows for a raster stored with `orientation`.
    package func applying(_ orientation: Orientation) -> Raster {
        guard orientation != .up else { return self }
        let visualWidth = orientation.swapsSides ? height : width
        let visualHeight = orientation.swapsSides ? width : height
        var out = [UInt8](repeating: 0, count: pixels.count)
        for y in 0 ..< height {
            for x in 0 ..< width {
                let target = orientation.visual(x: x, y: y, width: width, height: height)
                let from = (y * width + x) * 4
                let to = (target.y * visualWidth + target.x) * 4
                out[to ..< to + 4] = pixels[from ..< from + 4]
            }
        }
        return Raster(width: visualWidth, height: visualHeight, pixels: out)
    }

    /// The stored raster whose `orientation` shows as this (visual) raster: the inverse of
    /// ``applying(_:)``, so the round trip moves every pixel back exactly.
    package func storing(as orientation: Orientation) -> Raster {
        guard orientation != .up else { return self }
        let storedWidth = orientation.swapsSides ? height : width
        let storedHeight = orientation.swapsSides ? width : height
        var out = [UInt8](repeating: 0, count: pixels.count)
        for y in 0 ..< storedHeight {
            for x in 0 ..< storedWidth {
                let source = orientation.visual(x: x, y: y, width: storedWidth, height: storedHeight)
                let from = (source.y * width + source.x) * 4
                let to = (y * storedWidth + x) * 4
                out[to ..< to + 4] = pixels[from ..< from + 4]
            }
        }
        return Raster(width: storedWidth, height: storedHeight, pixels: out)
    }
}
