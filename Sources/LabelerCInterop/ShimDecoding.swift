internal import CLabelerShims

/// The shape shared by `CLabelerShims_png_decode_rgba` and `CLabelerShims_jpeg_decode_rgb`:
/// `(data, len, out, out_len, &width, &height, err, err_len) -> status`; with `out == NULL`
/// only the header is read.
typealias DecodeShim = (
    UnsafePointer<UInt8>?, Int, UnsafeMutablePointer<UInt8>?, Int,
    UnsafeMutablePointer<UInt32>?, UnsafeMutablePointer<UInt32>?,
    UnsafeMutablePointer<CChar>?, Int
) -> Int32

/// The shape shared by `CLabelerShims_png_encode` and `CLabelerShims_jpeg_encode` once the
/// codec-specific arguments are bound: `(pixels, len, width, height, channels, &out, &out_len,
/// err, err_len) -> status`.
typealias EncodeShim = (
    UnsafePointer<UInt8>?, Int, UInt32, UInt32, Int32,
    UnsafeMutablePointer<UnsafeMutablePointer<UInt8>?>?, UnsafeMutablePointer<Int>?,
    UnsafeMutablePointer<CChar>?, Int
) -> Int32

enum ShimCodec {
    /// Two-pass decode: read the header to learn the size, check it against
    /// ``DecodedImage/maxPixelCount``, allocate, then decode straight into the array.
    static func decode(
        _ bytes: [UInt8], channels: Int, library: CLibraryError.Library,
        maxPixelCount: Int = DecodedImage.maxPixelCount, shim: DecodeShim
    ) throws(CLibraryError) -> DecodedImage {
        guard !bytes.isEmpty else {
            throw CLibraryError(library: library, code: CLibraryError.invalidArgument, message: "no data (0 bytes)")
        }
        var width: UInt32 = 0
        var height: UInt32 = 0
        let header = bytes.withUnsafeBufferPointer { input in
            callShim { err, errLength in
                shim(input.baseAddress, input.count, nil, 0, &width, &height, err, errLength)
            }
        }
        try header.check(library)
        guard
            let byteCount = DecodedImage.byteCount(
                width: Int(width), height: Int(height), channels: channels, limit: maxPixelCount)
        else {
            throw CLibraryError(
                library: library, code: CLibraryError.limitExceeded,
                message:
                    "image is \(width)x\(height) (\(UInt64(width) * UInt64(height)) pixels); the limit is "
                    + "\(maxPixelCount) pixels, refused as a possible decompression bomb")
        }
        var status = ShimStatus(code: CLibraryError.libraryFailure, message: "")
        let pixels = [UInt8](unsafeUninitializedCapacity: byteCount) { output, initialized in
            status = bytes.withUnsafeBufferPointer { input in
                callShim { err, errLength in
                    shim(
                        input.baseAddress, input.count, output.baseAddress, output.count,
                        &width, &height, err, errLength)
                }
            }
            initialized = status.code == 0 ? byteCount : 0
        }
        try status.check(library)
        return DecodedImage(width: Int(width), height: Int(height), channels: channels, pixels: pixels)
    }

    /// Validates the image, runs the encoder and copies its malloc'd output into an array.
    static func encode(
        _ image: DecodedImage, library: CLibraryError.Library, shim: EncodeShim
    ) throws(CLibraryError) -> [UInt8] {
        try image.validateForEncoding(library)
        var output: UnsafeMutablePointer<UInt8>? = nil
        var outputLength = 0
        let status = image.pixels.withUnsafeBufferPointer { input in
            callShim { err, errLength in
                shim(
                    input.baseAddress, input.count, UInt32(image.width), UInt32(image.height),
                    Int32(image.channels), &output, &outputLength, err, errLength)
            }
        }
        let encoded = takeShimBuffer(output, count: outputLength)
        try status.check(library)
        return encoded
    }
}
