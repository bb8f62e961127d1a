/// Folding for the rescale search (watermark.md §5.4): the prefiltered plane of an image that was
/// resized by `scale` is sampled back onto the geometry it was marked in (bilinear), and each
/// sample is added to its 128 × 128 tile position — resample and fold in one pass, without
/// building the resampled image.
///
///     marked geometry (target)            image as given (source, resized by `scale`)
///     u = window.x … window.x+width−1  ──▶ x = (u + ½)·scale − ½   (same for rows)
///     tile position (u mod 128, v mod 128) ◀── bilinear sample of the prefiltered source at (x, y)
///
/// The plane is prefiltered once, in the source geometry, and shared by every scale tried.
enum ScaledTileFold {
    /// A rectangle in target (marked-geometry) pixels.
    struct Window: Sendable {
        var x: Int
        var y: Int
        var width: Int
        var height: Int
    }

    /// The target extent of a `width` × `height` source resized by `scale`.
    static func targetSize(width: Int, height: Int, scale: Double) -> (width: Int, height: Int) {
        (Int(Double(width) / scale), Int(Double(height) / scale))
    }

    /// A centred window of at most `side` × `side` target pixels.
    static func centred(width: Int, height: Int, scale: Double, side: Int) -> Window {
        let target = targetSize(width: width, height: height, scale: scale)
        let (w, h) = (min(side, target.width), min(side, target.height))
        return Window(x: (target.width - w) / 2, y: (target.height - h) / 2, width: w, height: h)
    }

    /// The mean of every tile position over `window` (row-major 128²; unreached positions 0).
    static func fold(_ plane: LumaPlane, scale: Double, window: Window) -> [Double] {
        let size = WatermarkPatterns.tile
        guard window.width > 0, window.height > 0, plane.width > 0, plane.height > 0 else {
            return [Double](repeating: 0, count: size * size)
        }
        // Per target column: the two source columns (relative to the first one used), the weight
        // of the right one, the tile column.
        let first = taps(window.x, scale: scale, length: plane.width).0
        let last = taps(window.x + window.width - 1, scale: scale, length: plane.width).1
        var left = [Int](repeating: 0, count: window.width)
        var weight = [Float](repeating: 0, count: window.width)
        var columnCount = [Int](repeating: 0, count: size)
        for u in 0 ..< window.width {
            let (low, _, fraction) = taps(window.x + u, scale: scale, length: plane.width)
            (left[u], weight[u]) = (low - first, fraction)
            columnCount[(window.x + u) % size] += 1
        }
        var rowCount = [Int](repeating: 0, count: size)
        var sums = [Float](repeating: 0, count: size * size)
        // One source row span, interpolated vertically first (contiguous, vectorisable), plus a
        // copy of its last value so the right tap of the last column needs no clamp.
        var span = [Float](repeating: 0, count: last - first + 2)
        plane.values.withUnsafeBufferPointer { values in
            sums.withUnsafeMutableBufferPointer { sums in
                span.withUnsafeMutableBufferPointer { span in
                    left.withUnsafeBufferPointer { left in
                        weight.withUnsafeBufferPointer { weight in
                            for v in 0 ..< window.height {
                                let (top, bottom, fy) = taps(window.y + v, scale: scale, length: plane.height)
                                let a = top * plane.width + first
                                let b = bottom * plane.width + first
                                for i in 0 ... (last - first) {
                                    span[i] = values[a + i] + fy * (values[b + i] - values[a + i])
                                }
                                span[last - first + 1] = span[last - first]
                                let tileRow = ((window.y + v) % size) * size
                                rowCount[(window.y + v) % size] += 1
                                var column = window.x % size
                                for u in 0 ..< window.width {
                                    let l = left[u]
                                    sums[tileRow + column] += span[l] + weight[u] * (span[l + 1] - span[l])
                                    column = column == size - 1 ? 0 : column + 1
                                }
                            }
                        }
                    }
                }
            }
        }
        return (0 ..< (size * size)).map { index in
            let cells = rowCount[index / size] * columnCount[index % size]
            return cells > 0 ? Double(sums[index]) / Double(cells) : 0
        }
    }

    /// The source pixels either side of target coordinate `target` and the far one's weight,
    /// clamped to the edges.
    private static func taps(_ target: Int, scale: Double, length: Int) -> (Int, Int, Float) {
        let position = min(max((Double(target) + 0.5) * scale - 0.5, 0), Double(length - 1))
        let low = Int(position)
        return (low, min(low + 1, length - 1), Float(position - Double(low)))
    }
}
