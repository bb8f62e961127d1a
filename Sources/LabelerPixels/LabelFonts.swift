package import LabelerCInterop

/// Where the fonts for the visible label come from: Debian's `fonts-dejavu-core` (DejaVu Sans
/// Bold covers Latin and Cyrillic, Kazakh Ә Ғ Қ Ң Ө Ұ Ү Һ І included) and `fonts-wqy-microhei`
/// (WenQuanYi Micro Hei for Chinese), both installed by `make deps`.
package struct LabelFonts: Sendable, Equatable {
    /// A font file and the face inside it (`.ttc` collections hold several).
    package struct Source: Sendable, Equatable {
        package var path: String
        package var faceIndex: Int

        package init(path: String, faceIndex: Int = 0) {
            self.path = path
            self.faceIndex = faceIndex
        }
    }

    /// For Latin and Cyrillic scripts (en, ru, kk).
    package var latinCyrillic: Source
    /// For Chinese (zh).
    package var chinese: Source

    package init(latinCyrillic: Source, chinese: Source) {
        self.latinCyrillic = latinCyrillic
        self.chinese = chinese
    }

    /// The Debian package paths.
    package static let debian = LabelFonts(
        latinCyrillic: Source(path: "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"),
        chinese: Source(path: "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"))

    /// The font for a notice language code (`zh` gets the CJK face, everything else DejaVu).
    package func source(forLanguage language: String) -> Source {
        language == "zh" ? chinese : latinCyrillic
    }

    /// Opens the face for `language`.
    /// - Throws: ``CLibraryError`` (`.freetype`) naming the path and the Debian package to install.
    package func open(forLanguage language: String) throws(CLibraryError) -> FontFace {
        let source = source(forLanguage: language)
        do {
            return try FontFace(path: source.path, index: source.faceIndex)
        } catch {
            let package = language == "zh" ? "fonts-wqy-microhei" : "fonts-dejavu-core"
            throw CLibraryError(
                library: .freetype, code: error.code,
                message: "cannot open font \(source.path) (\(error.message)); install \(package) (make deps)")
        }
    }
}
