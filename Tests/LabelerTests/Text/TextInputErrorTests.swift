import Testing
@testable import Labeler

@Suite struct TextInputErrorTests {
    func error(_ bytes: [UInt8], fileName: String = "a.txt") throws -> LabelerError {
        let stamper = try TextFixtures.stamper()
        do {
            _ = try stamper.stamp(bytes, fileName: fileName)
        } catch let error as LabelerError {
            return error
        }
        Issue.record("no error")
        return LabelerError(.io, "none")
    }

    @Test("invalid UTF-8 is refused, naming the byte offset")
    func invalidUTF8() throws {
        let bad = try error(Array("ab".utf8) + [0xC3, 0x28] + Array("x".utf8))
        #expect(bad.code == .corrupt && bad.offset == 2)
        #expect(TextLayout.firstInvalidUTF8([0x41, 0xED, 0xA0, 0x80]) == 1)  // a surrogate
        #expect(TextLayout.firstInvalidUTF8([0xE0, 0x80, 0x80]) == 0)  // overlong
        #expect(TextLayout.firstInvalidUTF8(Array("日本".utf8)) == nil)
    }

    @Test("UTF-16 with a BOM is refused with a hint to convert, not transcoded")
    func utf16() throws {
        let bad = try error([0xFF, 0xFE, 0x41, 0x00])
        #expect(bad.code == .unsupportedFormat && bad.message.contains("UTF-16LE"))
    }

    @Test("a NUL byte is refused as binary data")
    func nul() throws {
        let bad = try error(Array("ab".utf8) + [0] + Array("c".utf8))
        #expect(bad.code == .corrupt && bad.offset == 2)
    }

    @Test("JSON that is not an object, or does not parse, is refused")
    func json() throws {
        let array = try error(Array("[1, 2]".utf8), fileName: "a.json")
        #expect(array.code == .unsupportedFormat && array.message.contains("is an array"))
        let broken = try error(Array("{\"a\": }".utf8), fileName: "a.json")
        #expect(broken.code == .corrupt && broken.offset == 6)
        let line = try error(Array("{\"a\":1}\n[2]\n".utf8), fileName: "a.jsonl")
        #expect(line.message.hasPrefix("line 2: "))
    }

    @Test("front matter that is never closed, or is not YAML, is refused")
    func frontMatter() throws {
        let open = try error(Array("---\ntitle: x\n\n# Body\n".utf8), fileName: "a.md")
        #expect(open.code == .corrupt && open.offset == 0)
        let yaml = try error(Array("---\ntitle: [unclosed\n---\nBody\n".utf8), fileName: "a.md")
        #expect(yaml.code == .corrupt && yaml.message.contains("not valid YAML"))
        let list = try error(Array("---\n- a\n- b\n---\nBody\n".utf8), fileName: "a.md")
        #expect(list.message.contains("not a mapping"))
    }

    @Test("a 16 MB single line is stamped in linear time, the line kept byte for byte")
    func longLine() throws {
        let line = [UInt8](repeating: UInt8(ascii: "a"), count: 16 << 20)
        let stamper = try TextFixtures.stamper(TextStampOptions(position: .end))
        let stamped = try stamper.stamp(line, fileName: "a.txt")
        let output = stamped.output(from: line)
        #expect(output.count == line.count + 2 + TextFixtures.en.utf8.count)
        #expect(output.starts(with: line))
    }
}
