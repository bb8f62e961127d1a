internal import CLabelerShims
import CTesseract
internal import Glibc

/// One line of text Tesseract read, in the coordinates of the image it was given.
package struct OCRLine: Sendable, Hashable {
    /// The text as recognised, without the trailing newline.
    package var text: String
    /// The line's bounding box: left, top, width, height in pixels.
    package var x: Int
    package var y: Int
    package var width: Int
    package var height: Int
    /// From the top of the box down to the line's baseline: the height of its tallest glyph
    /// without descenders (the box height when Tesseract gives no usable baseline).
    package var ascent: Int
    /// Tesseract's mean word confidence for the line, 0–100.
    package var confidence: Double

    package init(text: String, x: Int, y: Int, width: Int, height: Int, ascent: Int, confidence: Double) {
        self.text = text
        self.x = x
        self.y = y
        self.width = width
        self.height = height
        self.ascent = ascent
        self.confidence = confidence
    }
}

/// A Tesseract 5 engine (its C API, `tesseract/capi.h`) loaded with some languages.
///
/// A `TessBaseAPI` is not thread-safe, so this type is not `Sendable`: each worker makes its own
/// (loading eng+rus+kaz+chi_sim takes about a tenth of a second) and uses it for every band of one
/// picture. Nothing Tesseract allocates outlives a call; the handle is ended and freed in `deinit`.
package final class OCREngine {
    /// Page segmentation modes used here (Tesseract `PSM_*`).
    package enum Segmentation: Sendable {
        /// `PSM_SPARSE_TEXT`: find as much text as possible, in no particular order (labels in
        /// a photograph are short, scattered lines, not a page).
        case sparse
        /// `PSM_AUTO`: full page layout analysis.
        case auto
    }

    private let handle: OpaquePointer

    /// Where Debian's `tesseract-ocr-*` packages put the language data.
    package static let debianDataPath = "/usr/share/tesseract-ocr/5/tessdata"

    /// Loads `languages` (Tesseract codes joined by `+`, e.g. `eng+rus+kaz+chi_sim`).
    /// - Parameter dataPath: the `tessdata` folder; `nil`: `TESSDATA_PREFIX` when set, else
    ///   ``debianDataPath`` when it exists, else Tesseract's compiled-in default.
    /// - Throws: ``CLibraryError`` (`.tesseract`, ``CLibraryError/libraryFailure``) when the
    ///   language data cannot be loaded.
    package init(languages: String, dataPath: String? = nil) throws(CLibraryError) {
        var error = [CChar](repeating: 0, count: 256)
        guard CLabelerShims_tesseract_load(&error, error.count) == 0 else {
            throw CLibraryError(
                library: .tesseract, code: CLibraryError.libraryFailure,
                message: String(decoding: error.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))
        }
        guard let handle = TessBaseAPICreate() else {
            throw CLibraryError(library: .tesseract, code: CLibraryError.noMemory, message: "TessBaseAPICreate failed")
        }
        let path = dataPath ?? Self.defaultDataPath()
        let status = TessBaseAPIInit3(handle, path, languages)
        guard status == 0 else {
            TessBaseAPIEnd(handle)
            TessBaseAPIDelete(handle)
            throw CLibraryError(
                library: .tesseract, code: CLibraryError.libraryFailure,
                message: "cannot load the language data '\(languages)' from \(path ?? "the default tessdata")")
        }
        self.handle = handle
        // Tesseract's diagnostics ("Invalid resolution", "Empty page") go nowhere.
        _ = TessBaseAPISetVariable(handle, "debug_file", "/dev/null")
    }

    deinit {
        TessBaseAPIEnd(handle)
        TessBaseAPIDelete(handle)
    }

    private static func trimmed(_ text: String) -> String {
        var slice = Substring(text)
        while let first = slice.first, first.isWhitespace { slice = slice.dropFirst() }
        while let last = slice.last, last.isWhitespace { slice = slice.dropLast() }
        return String(slice)
    }

    private static func defaultDataPath() -> String? {
        if let prefix = getenv("TESSDATA_PREFIX") { return String(cString: prefix) }
        return access(debianDataPath, R_OK) == 0 ? debianDataPath : nil
    }

    /// Recognises an 8-bit gray image (`width * height` bytes, rows top to bottom) and returns its
    /// text lines with their boxes. Empty when the sizes do not match the bytes.
    package func lines(gray: [UInt8], width: Int, height: Int, segmentation: Segmentation = .sparse) -> [OCRLine] {
        guard width > 0, height > 0, gray.count == width * height, width <= Int(Int32.max),
            height <= Int(Int32.max)
        else { return [] }
        TessBaseAPISetPageSegMode(handle, segmentation == .sparse ? PSM_SPARSE_TEXT : PSM_AUTO)
        let recognised = gray.withUnsafeBufferPointer { buffer -> Bool in
            guard let base = buffer.baseAddress else { return false }
            TessBaseAPISetImage(handle, base, Int32(width), Int32(height), 1, Int32(width))
            TessBaseAPISetSourceResolution(handle, 300)
            return TessBaseAPIRecognize(handle, nil) == 0
        }
        defer { TessBaseAPIClear(handle) }
        guard recognised, let iterator = TessBaseAPIGetIterator(handle) else { return [] }
        defer { TessResultIteratorDelete(iterator) }
        var result: [OCRLine] = []
        repeat {
            guard let utf8 = TessResultIteratorGetUTF8Text(iterator, RIL_TEXTLINE) else { continue }
            let text = String(cString: utf8)
            TessDeleteText(utf8)
            var (left, top, right, bottom): (Int32, Int32, Int32, Int32) = (0, 0, 0, 0)
            guard
                TessPageIteratorBoundingBox(
                    TessResultIteratorGetPageIteratorConst(iterator), RIL_TEXTLINE, &left, &top, &right, &bottom) != 0
            else { continue }
            let trimmed = Self.trimmed(text)
            guard !trimmed.isEmpty else { continue }
            let height = Int(bottom - top)
            var ascent = height
            var (x1, y1, x2, y2): (Int32, Int32, Int32, Int32) = (0, 0, 0, 0)
            if TessPageIteratorBaseline(
                TessResultIteratorGetPageIteratorConst(iterator), RIL_TEXTLINE, &x1, &y1, &x2, &y2) != 0
            {
                let baseline = (Int(y1) + Int(y2)) / 2
                if baseline > Int(top), baseline <= Int(bottom) { ascent = baseline - Int(top) }
            }
            result.append(
                OCRLine(
                    text: trimmed, x: Int(left), y: Int(top), width: Int(right - left), height: height,
                    ascent: ascent, confidence: Double(TessResultIteratorConfidence(iterator, RIL_TEXTLINE))))
        } while TessResultIteratorNext(iterator, RIL_TEXTLINE) != 0
        return result
    }
}
