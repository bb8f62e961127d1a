import Foundation
import Testing
@testable import LabelerC2PA

/// The text manifest wrapper (C2PA 2.4 §A.8) byte for byte, and its decoder on broken frames.
@Suite struct TextManifestWrapperTests {
    static let text: [UInt8] = Array("Written by a model.\n".utf8)

    /// The selectors of a wrapper decoded back to bytes (marker dropped).
    static func decoded(_ wrapper: [UInt8]) -> [UInt8] {
        wrapper.withUnsafeBufferPointer { bytes in
            var out: [UInt8] = []
            var cursor = 3
            while let (byte, width) = TextManifestWrapper.selector(at: cursor, in: bytes) {
                out.append(byte)
                cursor += width
            }
            return out
        }
    }

    static func hex(_ bytes: some Sequence<UInt8>) -> String {
        bytes.map { String($0, radix: 16).count == 1 ? "0" + String($0, radix: 16) : String($0, radix: 16) }.joined()
    }

    @Test func headerForASixteenByteStore() throws {
        let store = [UInt8](repeating: 0x20, count: 16)
        let wrapper = try TextManifestWrapper.encode(store: store)
        #expect(Array(wrapper.prefix(7)) == [0xEF, 0xBB, 0xBF, 0xF3, 0xA0, 0x84, 0xB3])  // U+FEFF, VS(0x43)
        #expect(Self.hex(Self.decoded(wrapper).prefix(13)) == "43325041545854000100000010")
        #expect(Self.decoded(wrapper).dropFirst(13).elementsEqual(store))
        #expect(wrapper.count == TextManifestWrapper.unpaddedLength(store: store))
    }

    @Test func selectorEncodingAtTheEdges() throws {
        let wrapper = try TextManifestWrapper.encode(store: [0x00, 0x0F, 0x10, 0xFF])
        #expect(Self.hex(wrapper.suffix(3 + 3 + 4 + 4)) == "efb880" + "efb88f" + "f3a08480" + "f3a087af")
    }

    /// c2pa.md §8: gap 11 is padded `00 10 10`; the padded length is `3 + (13 + M)·4 + 6` (16 → 125).
    @Test func paddingRule() throws {
        let store = [UInt8](repeating: 0x20, count: 16)
        #expect(TextManifestWrapper.paddedLength(storeSize: 16) == 125)
        let padded = try TextManifestWrapper.encodePadded(store: store, length: 125)
        #expect(padded.count == 125)
        #expect(125 - TextManifestWrapper.unpaddedLength(store: store) == 11)
        #expect(Array(Self.decoded(padded).suffix(3)) == [0x00, 0x10, 0x10])
        let found = try #require(try TextManifestWrapper.find(in: Self.text + padded))
        #expect(found.store == store)
        #expect(found.paddingCount == 3)
        #expect(found.range == Self.text.count ..< Self.text.count + 125)
    }

    @Test(arguments: [1, 2, 15, 16, 255, 256, 3786, 70000])
    func paddedLengthIsExactForAnyStore(size: Int) throws {
        var generator = SystemRandomNumberGenerator()
        for _ in 0 ..< 4 {
            let store = (0 ..< size).map { _ in UInt8.random(in: 0 ... 255, using: &generator) }
            let target = TextManifestWrapper.paddedLength(storeSize: size)
            let padded = try TextManifestWrapper.encodePadded(store: store, length: target)
            #expect(padded.count == target)
            let found = try #require(try TextManifestWrapper.find(in: Self.text + padded))
            #expect(found.store == store)
            #expect(found.range.count == target)
        }
    }

    @Test func unrepresentablePaddingThrows() throws {
        let store = [UInt8](repeating: 0x20, count: 16)
        let unpadded = TextManifestWrapper.unpaddedLength(store: store)
        for gap in [-1, 1, 2, 5] {
            #expect(throws: TextManifestWrapperError.paddingUnrepresentable(gap: gap)) {
                try TextManifestWrapper.encodePadded(store: store, length: unpadded + gap)
            }
        }
    }

    @Test func textWithoutAWrapper() throws {
        #expect(try TextManifestWrapper.find(in: []) == nil)
        #expect(try TextManifestWrapper.find(in: Self.text) == nil)
        // A BOM followed by an emoji's VS16 and other selectors without the magic is text.
        let bom = Array("\u{FEFF}\u{2764}\u{FE0F} \u{FEFF}\u{FE0F}\u{FE00}\u{E0100}".utf8)
        #expect(try TextManifestWrapper.find(in: bom) == nil)
        // The magic's first bytes alone are not a wrapper.
        let prefix = Array(try TextManifestWrapper.encode(store: [1]).prefix(3 + 4 * 5))
        #expect(try TextManifestWrapper.find(in: Self.text + prefix) == nil)
    }

    @Test func twoWrappersAreRefused() throws {
        let one = try TextManifestWrapper.encode(store: [0x20, 0x21])
        let text = Self.text + one + Self.text + one
        #expect(throws: TextManifestWrapperError.multipleWrappers(offsets: [20, 20 + one.count + 20])) {
            try TextManifestWrapper.find(in: text)
        }
        #expect(TextManifestWrapperError.multipleWrappers(offsets: []).statusCode == "manifest.text.multipleWrappers")
    }

    /// A frame with the magic but a bad version, a length past its selectors, an empty store, or a
    /// header cut short: `manifest.text.corruptedWrapper`, with the byte offset of the fault.
    @Test func corruptedFrames() throws {
        let store: [UInt8] = [0x20, 0x21, 0x22]
        let good = try TextManifestWrapper.encode(store: store)
        let base = Self.text.count
        func corrupted(_ wrapper: [UInt8]) -> TextManifestWrapperError? {
            do {
                _ = try TextManifestWrapper.find(in: Self.text + wrapper)
                return nil
            } catch { return error }
        }
        // Version 2: the version selector (9th, after 7 wide and 1 narrow) is at 3 + 28 + 3.
        var version = good
        version[3 + 28 + 3 + 2] = 0x82
        #expect(corrupted(version) == .corrupted(offset: base + 34, reason: "version 2, only 1 is known"))
        // Cut after the second store byte: the length (3) runs past the selectors.
        let truncated = Array(good.dropLast(4))
        guard case .corrupted(let offset, _) = corrupted(truncated) else {
            Issue.record("a truncated store must be corrupted")
            return
        }
        #expect(offset == base + truncated.count)
        // Magic and version only.
        #expect(corrupted(Array(good.prefix(3 + 28 + 3 + 3))) != nil)
        // Length 0.
        #expect(corrupted(try TextManifestWrapper.encode(store: [])) != nil)
        #expect(
            TextManifestWrapperError.corrupted(offset: 0, reason: "").statusCode == "manifest.text.corruptedWrapper")
    }

    /// Every prefix of a wrapper and random bytes around the marker decode or throw, never trap.
    @Test func truncatedAndGarbageInputs() throws {
        let wrapper = try TextManifestWrapper.encodePadded(
            store: Array(0 ... 255), length: TextManifestWrapper.paddedLength(storeSize: 256))
        for cut in 0 ... wrapper.count {
            _ = try? TextManifestWrapper.find(in: Self.text + wrapper.prefix(cut))
        }
        var generator = SystemRandomNumberGenerator()
        let alphabet: [UInt8] = [0xEF, 0xBB, 0xBF, 0xB8, 0x80, 0x8F, 0xF3, 0xA0, 0x84, 0x87, 0xAF, 0xBF, 0x41, 0x00]
        for _ in 0 ..< 2000 {
            let garbage = (0 ..< Int.random(in: 0 ... 200, using: &generator)).map { _ in
                alphabet.randomElement(using: &generator) ?? 0
            }
            _ = try? TextManifestWrapper.find(in: garbage)
            _ = try? TextManifestWrapper.find(in: Array(wrapper.prefix(60)) + garbage)
        }
    }
}

@Suite struct TextBindingNFCTests {
    @Test("the NFC fast path agrees with Foundation's normalizer on stable text and defers on anything else")
    func fastPath() throws {
        let samples = [
            "Жасанды интеллект көмегімен жасалған. Ә Ғ Қ Ң Ө Ұ Ү Һ І", "本内容由人工智能生成，「引用」。", "ひらがな カタカナ 한국어",
            "— “quotes” …", "Cafe\u{301}", "か\u{3099}", "\u{1112}\u{1161}\u{11AB}", "Ω \u{2126}", "\u{F900}",
            "И\u{306}",
        ]
        for sample in samples {
            let expected = Array(sample.precomposedStringWithCanonicalMapping.utf8)
            #expect(TextBinding.nfc(Array(sample.utf8)) == expected, "\(sample)")
        }
        // The one-pass check still refuses what is not UTF-8: overlongs, surrogates, truncations, stray bytes.
        for bad: [UInt8] in [
            [0xC0, 0x80], [0xE0, 0x80, 0x80], [0xED, 0xA0, 0x80], [0xD0], [0xE4, 0xB8], [0x80], [0xFF],
        ] {
            #expect(TextBinding.nfc(Array("ok ".utf8) + bad + Array(" ок".utf8)) == nil, "\(bad)")
        }
        #expect(TextBinding.isStableNFC("Жасанды 人工智能 한국어 カナ"))
        #expect(!TextBinding.isStableNFC("Cafe\u{301}") && !TextBinding.isStableNFC("\u{2126}"))
    }
}

/// The table-driven composition of decomposed Latin text agrees with Foundation's normalizer.
@Suite struct TextBindingLatinPairsTests {
    @Test("every pair in the table, and texts around it, come out as Foundation's NFC")
    func agreesWithFoundation() throws {
        #expect(TextBinding.latinPairs.count > 300)
        var samples: [String] = TextBinding.latinPairs.keys.compactMap { key in
            guard let letter = Unicode.Scalar(key >> 16), let mark = Unicode.Scalar(key & 0xFFFF) else { return nil }
            return "x" + String(letter) + String(mark) + "y"
        }
        samples += [
            "Le mode\u{300}le a e\u{301}crit ce paragraphe sur les rivie\u{300}res. Жасанды 人工智能 한국어",
            "e\u{301}\u{301}", "a\u{323}\u{302}", "q\u{301}", "\u{301}start", "e\u{301}", "e\u{301}\u{1100}",
            "\u{AC00}\u{11A8} e\u{301}", "A\u{30A} \u{212B}", "e\u{301}\u{0}e\u{300}", "i\u{308}\u{FF01}",
            "e\u{0340}", "e\u{0344}",
        ]
        for sample in samples {
            let expected = Array(sample.precomposedStringWithCanonicalMapping.utf8)
            #expect(TextBinding.nfc(Array(sample.utf8)) == expected, "\(sample.unicodeScalars.map(\.value))")
        }
        // Invalid UTF-8 after a decomposed letter is still refused.
        #expect(TextBinding.nfc(Array("e\u{301}".utf8) + [0xC0, 0x80]) == nil)
    }
}
