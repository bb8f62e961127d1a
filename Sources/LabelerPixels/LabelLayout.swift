import LabelerCInterop

/// Lays the label's lines out for a picture: the font size that meets the glyph-height floor,
/// then wrapping at spaces, the language's short form, and breaking between characters, in that
/// order, until every line fits the width available.
struct LabelLayout {
    /// One language's block.
    struct Block {
        var language: String
        var face: FontFace
        var lines: [String]
        var shortened: Bool
    }

    var pixelsPerEm: Int
    /// Least ink ascent over the blocks' lines (the measured glyph height).
    var glyphHeight: Int
    var ascent: Int
    var descent: Int
    var blocks: [Block]

    var lineGap: Int { max(1, pixelsPerEm / 5) }
    var lineHeight: Int { ascent + descent }
    var lines: [(face: FontFace, text: String)] { blocks.flatMap { block in block.lines.map { (block.face, $0) } } }

    /// The layout for a `maxWidth`-pixel-wide text column.
    /// - Parameter targetGlyphHeight: the least ascent, in pixels, of each line's tallest glyph.
    init(
        request: VisibleLabelRequest, fonts: LabelFonts, targetGlyphHeight: Int, maxWidth: Int
    ) throws(CLibraryError) {
        var blocks: [Block] = []
        var pixelsPerEm = max(targetGlyphHeight, 4)
        for line in request.lines {
            let face = try fonts.open(forLanguage: line.language)
            // Grow the size until this language's glyphs are tall enough (cap height ≈ 0.73 em for
            // DejaVu, ideographs ≈ 0.8 em): a few steps from an estimate.
            var size = max(pixelsPerEm, Int((Double(targetGlyphHeight) / 0.72).rounded(.up)))
            var steps = 0
            while steps < 64, try face.measure(line.text, pixelHeight: size).ascent < targetGlyphHeight {
                size += 1
                steps += 1
            }
            pixelsPerEm = max(pixelsPerEm, size)
            blocks.append(Block(language: line.language, face: face, lines: [line.text], shortened: false))
        }
        var ascent = 0
        var descent = 0
        var glyphHeight = Int.max
        for index in blocks.indices {
            let line = request.lines[index]
            var block = blocks[index]
            if let lines = try Self.wrapWords(line.text, face: block.face, size: pixelsPerEm, maxWidth: maxWidth) {
                block.lines = lines
            } else {
                block.shortened = true
                if let lines = try Self.wrapWords(
                    line.shortText, face: block.face, size: pixelsPerEm, maxWidth: maxWidth)
                {
                    block.lines = lines
                } else {
                    block.lines = try Self.wrapCharacters(
                        line.shortText, face: block.face, size: pixelsPerEm, maxWidth: maxWidth)
                }
            }
            for text in block.lines {
                let metrics = try block.face.measure(text, pixelHeight: pixelsPerEm)
                ascent = max(ascent, metrics.ascent)
                descent = max(descent, metrics.descent)
                glyphHeight = min(glyphHeight, metrics.ascent)
            }
            blocks[index] = block
        }
        self.pixelsPerEm = pixelsPerEm
        self.glyphHeight = glyphHeight == Int.max ? 0 : glyphHeight
        self.ascent = ascent
        self.descent = descent
        self.blocks = blocks
    }

    /// Greedy wrapping at spaces; `nil` when a single word is wider than `maxWidth`.
    static func wrapWords(
        _ text: String, face: FontFace, size: Int, maxWidth: Int
    ) throws(CLibraryError) -> [String]? {
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ").map(String.init) {
            let candidate = current.isEmpty ? word : current + " " + word
            if try face.measure(candidate, pixelHeight: size).advance <= maxWidth {
                current = candidate
                continue
            }
            guard !current.isEmpty, try face.measure(word, pixelHeight: size).advance <= maxWidth else { return nil }
            lines.append(current)
            current = word
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }

    /// Breaks between characters (grapheme clusters), as many per line as fit; a line holds at
    /// least one. CJK text, which has no spaces, wraps this way.
    static func wrapCharacters(
        _ text: String, face: FontFace, size: Int, maxWidth: Int
    ) throws(CLibraryError) -> [String] {
        var lines: [String] = []
        var current = ""
        for character in text where !(current.isEmpty && character == " ") {
            let next = current + String(character)
            let fits = try face.measure(next, pixelHeight: size).advance <= maxWidth
            if current.isEmpty || fits {
                current = next
            } else {
                lines.append(current.trimmingTrailingSpaces())
                current = character == " " ? "" : String(character)
            }
        }
        if !current.isEmpty { lines.append(current.trimmingTrailingSpaces()) }
        return lines
    }
}

extension String {
    fileprivate func trimmingTrailingSpaces() -> String {
        var copy = self
        while copy.last == " " { copy.removeLast() }
        return copy
    }
}
