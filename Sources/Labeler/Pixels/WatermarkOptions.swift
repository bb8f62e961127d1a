import Crypto
import LabelerPixels

/// Asks ``Stamper`` to embed the invisible watermark (``LabelerPixels/Watermark``) after any
/// visible label and before the metadata and the signature.
public struct WatermarkOptions: Sendable, Hashable {
    /// Default target PSNR in dB (the mark is scaled to land just above it).
    public static let defaultTargetPSNR = 40.0

    /// PSNR of the marked pixels against the input, in dB: higher is weaker and less visible.
    public var targetPSNR: Double
    /// Sources declaring more pixels than this are refused before decoding (decompression bombs).
    public var maxPixelCount: Int

    public init(
        targetPSNR: Double = defaultTargetPSNR, maxPixelCount: Int = VisibleLabelOptions.defaultMaxPixelCount
    ) {
        self.targetPSNR = targetPSNR
        self.maxPixelCount = maxPixelCount
    }
}

/// The watermark as the XMP records it and the C2PA soft binding carries it.
struct WatermarkRecord: Sendable, Hashable {
    /// The soft-binding algorithm name and the XMP `LabelerWatermark:Algorithm` value.
    static let algorithm = "org.labeler.spread-spectrum.1"

    var payload: WatermarkPayload
    /// The PSNR reached, dB.
    var psnr: Double

    /// The payload as 16 hex digits (XMP) and 8 big-endian bytes (soft binding).
    var payloadHex: String { payload.hex }
    var payloadBytes: [UInt8] { payload.bytes }

    /// PSNR with two decimals, as written.
    var psnrText: String { String(Double(Int((psnr * 100).rounded())) / 100) }

    /// The payload for a content ID: scheme 1 and the top 44 bits of SHA-256 of its UTF-8 bytes.
    static func payload(forContentID contentID: String) -> WatermarkPayload {
        let digest = Array(SHA256.hash(data: Array(contentID.utf8)))
        let top = digest.prefix(8).reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        return WatermarkPayload(identifier: top >> 20)
    }
}
