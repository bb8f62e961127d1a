import Foundation

/// A radix-2 complex FFT over the 128 × 128 watermark tile (rows, then columns), with its twiddle
/// and bit-reversal tables. Double precision: the tile is small, precision is free.
struct TileFFT: Sendable {
    static let size = 128
    private let cosines: [Double]
    private let sines: [Double]
    private let reversed: [Int]

    init() {
        let n = Self.size
        cosines = (0 ..< n / 2).map { cos(2 * Double.pi * Double($0) / Double(n)) }
        sines = (0 ..< n / 2).map { sin(2 * Double.pi * Double($0) / Double(n)) }
        reversed = (0 ..< n).map { index in
            var value = 0
            var rest = index
            for _ in 0 ..< 7 {
                value = (value << 1) | (rest & 1)
                rest >>= 1
            }
            return value
        }
    }

    /// Transforms the tile in place (`re`, `im`: 128² values, row-major). The inverse is scaled
    /// by 1/128², so forward then inverse is the identity. Rows are transformed where they lie;
    /// columns are gathered into a line buffer, transformed and scattered back.
    func transform(re: inout [Double], im: inout [Double], inverse: Bool) {
        let n = Self.size
        precondition(re.count == n * n && im.count == n * n, "a 128 × 128 tile")
        var lines = [Double](repeating: 0, count: 2 * n)
        re.withUnsafeMutableBufferPointer { re in
            im.withUnsafeMutableBufferPointer { im in
                lines.withUnsafeMutableBufferPointer { lines in
                    guard let re = re.baseAddress, let im = im.baseAddress, let line = lines.baseAddress else { return }
                    for row in 0 ..< n { transformLine(re + row * n, im + row * n, inverse: inverse) }
                    let (lineRe, lineIm) = (line, line + n)
                    for column in 0 ..< n {
                        for i in 0 ..< n {
                            lineRe[i] = re[i * n + column]
                            lineIm[i] = im[i * n + column]
                        }
                        transformLine(lineRe, lineIm, inverse: inverse)
                        for i in 0 ..< n {
                            re[i * n + column] = lineRe[i]
                            im[i * n + column] = lineIm[i]
                        }
                    }
                    if inverse {
                        let scale = 1 / Double(n * n)
                        for i in 0 ..< (n * n) {
                            re[i] *= scale
                            im[i] *= scale
                        }
                    }
                }
            }
        }
    }

    /// One 128-point radix-2 transform in place (bit reversal, then log₂ 128 butterfly passes).
    private func transformLine(_ re: UnsafeMutablePointer<Double>, _ im: UnsafeMutablePointer<Double>, inverse: Bool) {
        let n = Self.size
        reversed.withUnsafeBufferPointer { reversed in
            for i in 0 ..< n where i < reversed[i] {
                swap(&re[i], &re[reversed[i]])
                swap(&im[i], &im[reversed[i]])
            }
        }
        let sign: Double = inverse ? 1 : -1
        cosines.withUnsafeBufferPointer { cosines in
            sines.withUnsafeBufferPointer { sines in
                var length = 2
                while length <= n {
                    let half = length / 2
                    let step = n / length
                    var start = 0
                    while start < n {
                        for k in 0 ..< half {
                            let wr = cosines[k * step]
                            let wi = sign * sines[k * step]
                            let a = start + k
                            let b = a + half
                            let tr = re[b] * wr - im[b] * wi
                            let ti = re[b] * wi + im[b] * wr
                            re[b] = re[a] - tr
                            im[b] = im[a] - ti
                            re[a] += tr
                            im[a] += ti
                        }
                        start += length
                    }
                    length *= 2
                }
            }
        }
    }
}
