/// How a JPEG was encoded, from its frame header and quantisation tables (ITU T.81 B.2.2, B.2.4.1).
package struct JPEGEncodingInfo: Sendable, Equatable {
    package var width: Int
    package var height: Int
    /// Frame components: 1 gray, 3 YCbCr, 4 CMYK/YCCK.
    package var components: Int
    /// Sampling factors of the first (luma) component: 2×2 is 4:2:0, 2×1 4:2:2, 1×1 4:4:4.
    package var horizontalSampling: Int
    package var verticalSampling: Int
    /// A progressive (SOF2) frame.
    package var progressive: Bool
    /// Quantisation tables 0 (luma) and 1 (chroma) in natural order; `nil` when not defined.
    package var luminanceTable: [UInt16]?
    package var chrominanceTable: [UInt16]?
}
