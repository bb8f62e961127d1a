internal import CLabelerShims

/// An error reported by one of the C libraries Labeler wraps (libpng, libjpeg, libexif, zlib),
/// or by the Swift guard in front of it.
///
/// `code` is the library's own status where it has one and a shim status otherwise:
/// - libpng / libjpeg: the CLabelerShims status (``libraryFailure``, ``noMemory``,
///   ``invalidArgument``, ``truncated``); `message` is the text libpng passed to its error
///   callback or libjpeg's `format_message` output.
/// - zlib: the `Z_*` return code (`Z_DATA_ERROR` -3, `Z_BUF_ERROR` -5, ...) or
///   ``limitExceeded`` for the decompression-bomb guard; `message` is `z_stream.msg` when set.
/// - libexif: ``corruptData``, ``limitExceeded``, ``noMemory`` or ``invalidArgument``;
///   `message` is the first CORRUPT_DATA line libexif logged, when it logged one.
package struct CLibraryError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The library that failed.
    package enum Library: String, Sendable {
        case libpng, libjpeg, libexif, zlib, freetype, tesseract
    }

    /// The library that failed.
    package var library: Library
    /// The status code (see the type's documentation).
    package var code: Int32
    /// A human-readable message; never empty.
    package var message: String

    /// The library raised an error (`png_error`, `ERREXIT`).
    package static let libraryFailure = Int32(CLABELER_SHIMS_LIBRARY_ERROR)
    /// An allocation failed.
    package static let noMemory = Int32(CLABELER_SHIMS_NO_MEMORY)
    /// The caller passed something unusable (empty input, bad channel count, wrong pixel count).
    package static let invalidArgument = Int32(CLABELER_SHIMS_INVALID_ARGUMENT)
    /// The data ended before the image or stream was complete.
    package static let truncated = Int32(CLABELER_SHIMS_TRUNCATED)
    /// A size limit (pixel count, inflate output, APP1 segment size) would be exceeded.
    package static let limitExceeded: Int32 = 5
    /// The data is structurally invalid for the library (bad EXIF/TIFF header, dropped entries).
    package static let corruptData: Int32 = 6

    /// Creates an error; an empty message is replaced by "status <code>".
    package init(library: Library, code: Int32, message: String) {
        self.library = library
        self.code = code
        self.message = message.isEmpty ? "status \(code)" : message
    }

    package var description: String {
        "\(library.rawValue) error \(code): \(message)"
    }
}

/// The result of one shim call: its status and the message it copied out.
struct ShimStatus {
    var code: Int32
    var message: String

    /// Throws when `code` is not CLABELER_SHIMS_OK.
    func check(_ library: CLibraryError.Library) throws(CLibraryError) {
        if code != Int32(CLABELER_SHIMS_OK) {
            throw CLibraryError(library: library, code: code, message: message)
        }
    }
}

/// Size of the message buffer handed to every shim.
private let shimMessageCapacity = 512

/// Calls `body` with a zeroed, caller-owned message buffer (`char *err, size_t err_len`)
/// and returns its status together with the message the C side copied into the buffer.
func callShim(_ body: (UnsafeMutablePointer<CChar>, Int) -> Int32) -> ShimStatus {
    withUnsafeTemporaryAllocation(of: CChar.self, capacity: shimMessageCapacity) { buffer in
        buffer.initialize(repeating: 0)
        guard let base = buffer.baseAddress else {
            return ShimStatus(code: CLibraryError.noMemory, message: "no message buffer")
        }
        let code = body(base, buffer.count)
        buffer[buffer.count - 1] = 0
        let bytes = buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }
        return ShimStatus(code: code, message: String(decoding: bytes, as: UTF8.self))
    }
}

/// Copies a malloc'd shim output buffer into an array and releases it with
/// `CLabelerShims_free`.
func takeShimBuffer(_ pointer: UnsafeMutablePointer<UInt8>?, count: Int) -> [UInt8] {
    defer { CLabelerShims_free(pointer) }
    guard let pointer, count > 0 else { return [] }
    return Array(UnsafeBufferPointer(start: pointer, count: count))
}
