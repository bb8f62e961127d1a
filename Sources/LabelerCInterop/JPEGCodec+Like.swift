internal import CLabelerShims

extension JPEGCodec {
    /// Reads how `bytes` was encoded without decoding pixels (`jpeg_read_header` in
    /// `CLabelerShims_jpeg_inspect`).
    /// - Throws: ``CLibraryError`` with library `.libjpeg` when the headers cannot be read.
    package static func inspect(_ bytes: [UInt8]) throws(CLibraryError) -> JPEGEncodingInfo {
        guard !bytes.isEmpty else {
            throw CLibraryError(library: .libjpeg, code: CLibraryError.invalidArgument, message: "no data (0 bytes)")
        }
        var info = CLabelerShimsJPEGInfo()
        let status = bytes.withUnsafeBufferPointer { input in
            callShim { err, errLength in
                CLabelerShims_jpeg_inspect(input.baseAddress, input.count, &info, err, errLength)
            }
        }
        try status.check(.libjpeg)
        let tables = withUnsafeBytes(of: info.quant) { raw in
            let values = raw.bindMemory(to: UInt16.self)
            return (Array(values[0 ..< 64]), Array(values[64 ..< 128]))
        }
        return JPEGEncodingInfo(
            width: Int(info.width), height: Int(info.height), components: Int(info.components),
            horizontalSampling: Int(info.h_samp), verticalSampling: Int(info.v_samp),
            progressive: info.progressive != 0,
            luminanceTable: info.quant_present.0 != 0 ? tables.0 : nil,
            chrominanceTable: info.quant_present.1 != 0 ? tables.1 : nil)
    }

    /// Encodes RGB(A) pixels with the given IJG quality, luma sampling factors (chroma 1×1),
    /// as one gray component when `gray`, and progressive when asked (`jpeg_simple_progression`).
    /// The corresponding shim is `CLabelerShims_jpeg_encode_like`.
    /// - Throws: ``CLibraryError`` (`.libjpeg`) as ``encode(_:quality:)``.
    package static func encode(
        _ image: DecodedImage, quality: Int, horizontalSampling: Int, verticalSampling: Int, gray: Bool,
        progressive: Bool
    ) throws(CLibraryError) -> [UInt8] {
        let clamped = Int32(min(max(quality, 1), 100))
        let h = Int32(min(max(horizontalSampling, 1), 4))
        let v = Int32(min(max(verticalSampling, 1), 4))
        return try ShimCodec.encode(image, library: .libjpeg) {
            CLabelerShims_jpeg_encode_like(
                $0, $1, $2, $3, $4, clamped, h, v, gray ? 1 : 0, progressive ? 1 : 0, $5, $6, $7, $8)
        }
    }
}
