/// Estimates the IJG quality setting a JPEG was made with from its luminance quantisation table.
///
/// libjpeg scales the ITU T.81 Annex K tables (Table K.1 luminance, K.2 chrominance) by
/// `q < 50 ? 5000 / q : 200 - 2q` percent, rounds, and clamps to 1...255 for baseline files
/// (jcparam.c `jpeg_quality_scaling`, `jpeg_add_quant_table`). The estimate is the quality whose
/// scaled table is nearest (sum of absolute differences) to the file's; encoders that do not use
/// the IJG tables get the quality whose tables are closest in overall coarseness.
package enum JPEGQuality {
    /// ITU T.81 Table K.1, natural (row-major) order.
    static let luminance: [Int] = [
        16, 11, 10, 16, 24, 40, 51, 61, 12, 12, 14, 19, 26, 58, 60, 55,
        14, 13, 16, 24, 40, 57, 69, 56, 14, 17, 22, 29, 51, 87, 80, 62,
        18, 22, 37, 56, 68, 109, 103, 77, 24, 35, 55, 64, 81, 104, 113, 92,
        49, 64, 78, 87, 103, 121, 120, 101, 72, 92, 95, 98, 112, 100, 103, 99,
    ]

    /// The table libjpeg builds from `base` for `quality` (baseline-clamped).
    static func scaled(_ base: [Int], quality: Int) -> [Int] {
        let q = min(max(quality, 1), 100)
        let scale = q < 50 ? 5000 / q : 200 - 2 * q
        return base.map { min(max(($0 * scale + 50) / 100, 1), 255) }
    }

    /// The estimated quality (1...100) for a luminance table of 64 entries in natural order;
    /// 90 when there is no usable table.
    package static func estimate(luminanceTable table: [UInt16]?) -> Int {
        guard let table, table.count == 64 else { return 90 }
        var best = (quality: 90, error: Int.max)
        for quality in 1 ... 100 {
            let reference = scaled(luminance, quality: quality)
            var error = 0
            for index in 0 ..< 64 { error += abs(Int(table[index]) - reference[index]) }
            if error < best.error || (error == best.error && quality > best.quality) {
                best = (quality, error)
            }
        }
        return best.quality
    }
}
