internal import CLibDeflate
internal import CZlib

/// zlib (RFC 1950 streams, RFC 1951 deflate) and the CRC-32 that PNG chunks use.
///
/// zlib reports errors by return code only and never longjmps, so it is called directly
/// from Swift. Each `z_stream` lives in its own heap allocation for the whole stream, because
/// zlib keeps a back-pointer to it and rejects a moved stream (`inflateStateCheck`).
package enum Zlib {
    /// CRC-32 (ISO 3309 / ITU-T V.42 polynomial), the CRC of PNG chunks (ISO/IEC 15948 §5.5,
    /// computed over chunk type and data).
    ///
    /// The corresponding call is libdeflate's `libdeflate_crc32`, which folds with PCLMULQDQ
    /// (and AVX) where the CPU has them: several times faster than zlib's table-driven
    /// `crc32_z`, which profiling showed as 28 % of stamping a folder of 1.6 MB PNGs.
    ///
    /// - Parameters:
    ///   - bytes: the bytes to checksum.
    ///   - seed: a previous result to continue from (0 to start).
    package static func crc32(_ bytes: UnsafeRawBufferPointer, seed: UInt32 = 0) -> UInt32 {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return seed }
        return libdeflate_crc32(seed, base, bytes.count)
    }

    /// CRC-32 of an array (`libdeflate_crc32`); same result as the raw-buffer overload.
    package static func crc32(_ bytes: [UInt8], seed: UInt32 = 0) -> UInt32 {
        bytes.withUnsafeBytes { crc32($0, seed: seed) }
    }

    /// Inflates one zlib stream, as stored in PNG zTXt and compressed iTXt chunks
    /// (ISO/IEC 15948 §11.3.4.4-5; compression method 0). Bytes after the end of the stream
    /// are ignored.
    ///
    /// The corresponding zlib calls are `inflateInit_`, `inflate(Z_NO_FLUSH)` in 64 KiB
    /// output steps, and `inflateEnd`.
    ///
    /// - Parameters:
    ///   - bytes: the compressed stream.
    ///   - maxOutput: the most output accepted; decompression stops as soon as more would be
    ///     produced (decompression-bomb guard), so at most `maxOutput + 64 KiB` is ever buffered.
    /// - Throws: ``CLibraryError`` with library `.zlib`: ``CLibraryError/limitExceeded`` past
    ///   `maxOutput`; `Z_BUF_ERROR` (-5) when the stream is truncated; `Z_DATA_ERROR` (-3) with
    ///   zlib's message when it is corrupt; `Z_NEED_DICT` (2) when it needs a preset dictionary.
    package static func inflate(_ bytes: ArraySlice<UInt8>, maxOutput: Int) throws(CLibraryError) -> [UInt8] {
        guard maxOutput >= 0 else {
            throw CLibraryError(library: .zlib, code: CLibraryError.invalidArgument, message: "maxOutput is negative")
        }
        let result = bytes.withUnsafeBufferPointer { input in
            ZStream.inflate(input, maxOutput: maxOutput)
        }
        switch result {
        case .success(let output): return output
        case .failure(let error): throw error
        }
    }

    /// Compresses `bytes` into one zlib stream at `Z_DEFAULT_COMPRESSION`.
    ///
    /// The corresponding zlib calls are `compressBound` and `compress2`.
    ///
    /// - Throws: ``CLibraryError`` with library `.zlib` and zlib's return code (`Z_MEM_ERROR`).
    package static func deflate(_ bytes: [UInt8]) throws(CLibraryError) -> [UInt8] {
        let bound = Int(compressBound(uLong(bytes.count)))
        var status = Z_OK
        let output = [UInt8](unsafeUninitializedCapacity: bound) { buffer, initialized in
            var written = uLongf(bound)
            status = bytes.withUnsafeBufferPointer { input in
                compress2(buffer.baseAddress, &written, input.baseAddress, uLong(input.count), Z_DEFAULT_COMPRESSION)
            }
            initialized = status == Z_OK ? Int(written) : 0
        }
        guard status == Z_OK else {
            throw CLibraryError(library: .zlib, code: status, message: "compress2 failed")
        }
        return output
    }
}

/// One inflate run over a heap-allocated `z_stream`.
private enum ZStream {
    static let step = 64 * 1024

    static func inflate(_ input: UnsafeBufferPointer<UInt8>, maxOutput: Int) -> Result<[UInt8], CLibraryError> {
        let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        stream.initialize(to: z_stream())
        defer {
            stream.deinitialize(count: 1)
            stream.deallocate()
        }
        var status = inflateInit_(stream, zlibVersion(), Int32(MemoryLayout<z_stream>.size))
        guard status == Z_OK else { return .failure(error(status, stream, "inflateInit failed")) }
        defer { inflateEnd(stream) }

        stream.pointee.next_in = input.baseAddress.map { UnsafeMutablePointer(mutating: $0) }
        stream.pointee.avail_in = 0
        var remainingInput = input.count
        var output: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: min(step, maxOutput + 1))
        repeat {
            if stream.pointee.avail_in == 0 && remainingInput > 0 {
                let take = min(remainingInput, Int(UInt32.max))
                stream.pointee.avail_in = uInt(take)
                remainingInput -= take
            }
            let produced = chunk.withUnsafeMutableBufferPointer { out -> Int in
                stream.pointee.next_out = out.baseAddress
                stream.pointee.avail_out = uInt(out.count)
                status = CZlib.inflate(stream, Z_NO_FLUSH)
                return out.count - Int(stream.pointee.avail_out)
            }
            if produced > maxOutput - output.count {
                return .failure(
                    CLibraryError(
                        library: .zlib, code: CLibraryError.limitExceeded,
                        message: "inflated data exceeds the \(maxOutput)-byte limit"))
            }
            output.append(contentsOf: chunk[..<produced])
            switch status {
            case Z_OK:
                continue
            case Z_STREAM_END:
                return .success(output)
            case Z_BUF_ERROR where stream.pointee.avail_in == 0 && remainingInput == 0:
                return .failure(error(Z_BUF_ERROR, stream, "zlib stream is truncated"))
            case Z_BUF_ERROR:
                continue  // no progress possible with this output space; loop gives more
            default:
                return .failure(error(status, stream, "inflate failed"))
            }
        } while true
    }

    private static func error(
        _ status: Int32, _ stream: UnsafeMutablePointer<z_stream>, _ fallback: String
    )
        -> CLibraryError
    {
        let detail = stream.pointee.msg.map { String(cString: $0) } ?? ""
        return CLibraryError(
            library: .zlib, code: status, message: detail.isEmpty ? fallback : "\(fallback): \(detail)")
    }
}
