/// A `Float` plane the size of a raster (luma, masks, filtered luma) and the filters the
/// watermark needs: BT.601 luma, a box mean with replicated edges (running sums, O(1) per pixel
/// whatever the radius), and the local texture level.
struct LumaPlane: Sendable {
    let width: Int
    let height: Int
    var values: [Float]

    init(width: Int, height: Int, values: [Float]) {
        self.width = width
        self.height = height
        self.values = values
    }

    /// Y = 0.299 R + 0.587 G + 0.114 B of each pixel (alpha ignored).
    init(luma raster: Raster) {
        width = raster.width
        height = raster.height
        var out = [Float](repeating: 0, count: raster.width * raster.height)
        raster.pixels.withUnsafeBufferPointer { rgba in
            out.withUnsafeMutableBufferPointer { y in
                for index in 0 ..< y.count {
                    let base = index * 4
                    y[index] = 0.299 * Float(rgba[base]) + 0.587 * Float(rgba[base + 1]) + 0.114 * Float(rgba[base + 2])
                }
            }
        }
        values = out
    }

    /// The mean over the (2·radius+1)² box around each pixel, edges replicated.
    func boxMean(radius: Int) -> LumaPlane {
        let horizontal = Self.horizontalMean(values, width: width, height: height, radius: radius)
        return LumaPlane(
            width: width, height: height,
            values: Self.verticalMean(horizontal, width: width, height: height, radius: radius))
    }

    /// (Y − box mean over (2·meanRadius+1)²) / (√(box mean of that squared over
    /// (2·energyRadius+1)²) + 1), edges replicated: the detector's prefilter (watermark.md §5.4), in
    /// four passes over two planes — horizontal running sums into a scratch plane, then vertical
    /// running sums (one per column, 8 lanes at a time) that write the result in place: the plane
    /// becomes its own prefiltered version, nothing the size of the image is copied.
    mutating func normaliseHighPass(meanRadius: Int, energyRadius: Int) {
        var scratch = [Float](repeating: 0, count: values.count)
        let (width, height) = (width, height)
        guard width > 0, height > 0 else { return }
        var columns = [Float](repeating: 0, count: width)
        values.withUnsafeMutableBufferPointer { high in
            scratch.withUnsafeMutableBufferPointer { scratch in
                columns.withUnsafeMutableBufferPointer { columns in
                    guard let high = high.baseAddress, let scratch = scratch.baseAddress,
                        let columns = columns.baseAddress
                    else { return }
                    Self.horizontalSums(
                        high, into: scratch, width: width, height: height, radius: meanRadius, squared: false)
                    let meanScale = SIMD8<Float>(repeating: 1 / Float((2 * meanRadius + 1) * (2 * meanRadius + 1)))
                    Self.verticalSums(scratch, columns: columns, width: width, height: height, radius: meanRadius) {
                        row, sums in
                        Self.forEachLane(width) { x in
                            let value = Self.load(high + row + x) - Self.load(sums + x) * meanScale
                            Self.store(value, high + row + x)
                        } scalar: { x in
                            high[row + x] -= sums[x] * meanScale[0]
                        }
                    }
                    Self.horizontalSums(
                        high, into: scratch, width: width, height: height, radius: energyRadius, squared: true)
                    let energyScale = SIMD8<Float>(
                        repeating: 1 / Float((2 * energyRadius + 1) * (2 * energyRadius + 1)))
                    Self.verticalSums(scratch, columns: columns, width: width, height: height, radius: energyRadius) {
                        row, sums in
                        Self.forEachLane(width) { x in
                            let energy = pointwiseMax(Self.load(sums + x), .zero) * energyScale
                            Self.store(Self.load(high + row + x) / (energy.squareRoot() + 1), high + row + x)
                        } scalar: { x in
                            high[row + x] /= (max(sums[x], 0) * energyScale[0]).squareRoot() + 1
                        }
                    }
                }
            }
        }
    }

    /// Per row, the sum of the (2·radius+1) values around each one (squared first if asked),
    /// edges replicated: clamped reads only within `radius` of either end.
    private static func horizontalSums(
        _ input: UnsafeMutablePointer<Float>, into output: UnsafeMutablePointer<Float>, width: Int, height: Int,
        radius: Int, squared: Bool
    ) {
        // x − radius ≥ 0 and x + radius + 1 ≤ width − 1 in the middle: no clamping there.
        let middleStart = min(radius, width)
        let middleEnd = max(width - radius - 1, middleStart)
        for y in 0 ..< height {
            let source = input + y * width
            let target = output + y * width
            @inline(__always) func value(_ x: Int) -> Float {
                let v = source[min(max(x, 0), width - 1)]
                return squared ? v * v : v
            }
            var sum: Float = 0
            for x in -radius ... radius { sum += value(x) }
            for x in 0 ..< middleStart {
                target[x] = sum
                sum += value(x + radius + 1) - value(x - radius)
            }
            if squared {
                for x in middleStart ..< middleEnd {
                    target[x] = sum
                    let (entering, leaving) = (source[x + radius + 1], source[x - radius])
                    sum += entering * entering - leaving * leaving
                }
            } else {
                for x in middleStart ..< middleEnd {
                    target[x] = sum
                    sum += source[x + radius + 1] - source[x - radius]
                }
            }
            for x in middleEnd ..< width {
                target[x] = sum
                sum += value(x + radius + 1) - value(x - radius)
            }
        }
    }

    /// Calls `vector(x)` for x = 0, 8, 16 … while 8 values remain, then `scalar(x)` for the rest.
    @inline(__always)
    private static func forEachLane(_ count: Int, vector: (Int) -> Void, scalar: (Int) -> Void) {
        var x = 0
        while x + 8 <= count {
            vector(x)
            x += 8
        }
        while x < count {
            scalar(x)
            x += 1
        }
    }

    @inline(__always)
    private static func load(_ pointer: UnsafeMutablePointer<Float>) -> SIMD8<Float> {
        UnsafeRawPointer(pointer).loadUnaligned(as: SIMD8<Float>.self)
    }

    @inline(__always)
    private static func store(_ value: SIMD8<Float>, _ pointer: UnsafeMutablePointer<Float>) {
        UnsafeMutableRawPointer(pointer).storeBytes(of: value, as: SIMD8<Float>.self)
    }

    /// Running column sums over (2·radius+1) rows, edges replicated; `body(rowStart, sums)` is
    /// called for each row with the sums of the rows around it.
    private static func verticalSums(
        _ input: UnsafeMutablePointer<Float>, columns: UnsafeMutablePointer<Float>, width: Int, height: Int,
        radius: Int, _ body: (Int, UnsafeMutablePointer<Float>) -> Void
    ) {
        for x in 0 ..< width { columns[x] = 0 }
        for offset in -radius ... radius {
            let row = input + min(max(offset, 0), height - 1) * width
            for x in 0 ..< width { columns[x] += row[x] }
        }
        for y in 0 ..< height {
            body(y * width, columns)
            let leaving = input + max(y - radius, 0) * width
            let entering = input + min(y + radius + 1, height - 1) * width
            for x in 0 ..< width { columns[x] += entering[x] - leaving[x] }
        }
    }

    /// The plane with `transform` applied to each value.
    func map(_ transform: (Float) -> Float) -> LumaPlane {
        LumaPlane(width: width, height: height, values: values.map(transform))
    }

    /// Local standard deviation over 7 × 7 boxes, and its mean over the image: how much texture
    /// there is to hide a mark in (a flat or gradient image scores below 1 grey level).
    func localDeviation() -> (plane: LumaPlane, mean: Float, localMean: LumaPlane) {
        let mean = boxMean(radius: 3)
        var deviation = map { $0 * $0 }.boxMean(radius: 3).values
        var total: Double = 0
        mean.values.withUnsafeBufferPointer { mean in
            deviation.withUnsafeMutableBufferPointer { deviation in
                var partial: Float = 0
                for index in 0 ..< deviation.count {
                    let value = max(deviation[index] - mean[index] * mean[index], 0).squareRoot()
                    deviation[index] = value
                    partial += value
                    if index & 1023 == 1023 {
                        total += Double(partial)
                        partial = 0
                    }
                }
                total += Double(partial)
            }
        }
        return (
            LumaPlane(width: width, height: height, values: deviation),
            Float(total / Double(max(values.count, 1))), mean
        )
    }

    private static func horizontalMean(_ input: [Float], width: Int, height: Int, radius: Int) -> [Float] {
        var output = [Float](repeating: 0, count: input.count)
        let scale = 1 / Float(2 * radius + 1)
        // Each row copied with its edges replicated, so the running sum needs no clamping.
        var padded = [Float](repeating: 0, count: width + 2 * radius + 1)
        input.withUnsafeBufferPointer { source in
            output.withUnsafeMutableBufferPointer { target in
                padded.withUnsafeMutableBufferPointer { row in
                    for y in 0 ..< height {
                        let base = y * width
                        for index in 0 ..< row.count {
                            row[index] = source[base + min(max(index - radius, 0), width - 1)]
                        }
                        var sum: Float = 0
                        for index in 0 ... (2 * radius) { sum += row[index] }
                        for x in 0 ..< width {
                            target[base + x] = sum * scale
                            sum += row[x + 2 * radius + 1] - row[x]
                        }
                    }
                }
            }
        }
        return output
    }

    private static func verticalMean(_ input: [Float], width: Int, height: Int, radius: Int) -> [Float] {
        var output = [Float](repeating: 0, count: input.count)
        var sums = [Float](repeating: 0, count: width)
        let scale = 1 / Float(2 * radius + 1)
        input.withUnsafeBufferPointer { source in
            output.withUnsafeMutableBufferPointer { target in
                sums.withUnsafeMutableBufferPointer { sum in
                    for offset in -radius ... radius {
                        let base = min(max(offset, 0), height - 1) * width
                        for x in 0 ..< width { sum[x] += source[base + x] }
                    }
                    for y in 0 ..< height {
                        let base = y * width
                        let leaving = max(y - radius, 0) * width
                        let entering = min(y + radius + 1, height - 1) * width
                        for x in 0 ..< width {
                            target[base + x] = sum[x] * scale
                            sum[x] += source[entering + x] - source[leaving + x]
                        }
                    }
                }
            }
        }
        return output
    }
}
