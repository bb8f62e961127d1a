import Foundation
import Testing
@testable import Labeler

@Suite struct MarkdownStampTests {
    let mapping = """
        AIGC:
          Label: "1"
          ContentProducer: "001191110000EXAMPLE00X1AB01"
          ProduceID: "id-1"
          ReservedCode1: ""
          ContentPropagator: ""
          PropagateID: ""
          ReservedCode2: ""

        """

    @Test("without front matter: a new one with the AIGC mapping, then the blockquote notice")
    func newFrontMatter() throws {
        let output = try TextFixtures.stamp("# Title\n\nText\n", fileName: "a.md")
        #expect(output == "---\n\(mapping)---\n> \(TextFixtures.en)\n\n# Title\n\nText\n")
    }

    @Test("merged into front matter: other keys, comments and quoting untouched, notice after it")
    func merge() throws {
        let front = "---\ntitle: 'Hi' # keep me\n# a comment\ntags:\n  - a\n---\n"
        let output = try TextFixtures.stamp(front + "Body\n", fileName: "a.md")
        #expect(
            output
                == "---\ntitle: 'Hi' # keep me\n# a comment\ntags:\n  - a\n\(mapping)---\n> \(TextFixtures.en)\n\nBody\n"
        )
    }

    @Test("re-stamping replaces our mapping in place, keeps keys after it, and never duplicates")
    func restamp() throws {
        let text = "---\ntitle: x\nAIGC:\n  Label: '2'\n  ProduceID: old\nafter: y\n---\nBody\n"
        let output = try TextFixtures.stamp(text, fileName: "a.md")
        #expect(output == "---\ntitle: x\n\(mapping)after: y\n---\n> \(TextFixtures.en)\n\nBody\n")
        #expect(try TextFixtures.stamp(output, fileName: "a.md") == output)
        #expect(output.components(separatedBy: "AIGC:").count == 2)
    }

    @Test("the notice never goes inside a fenced code block: end after an unclosed fence is refused")
    func fences() throws {
        let closed = "Text\n\n```swift\nlet a = 1\n```\n"
        let output = try TextFixtures.stamp(closed, fileName: "a.md", TextStampOptions(position: .end))
        #expect(output.hasSuffix("```\n\n> \(TextFixtures.en)\n"))
        #expect(throws: LabelerError.self) {
            try TextFixtures.stamp("Text\n\n~~~\ncode\n", fileName: "a.md", TextStampOptions(position: .end))
        }
        // A fence line inside the code (shorter, or the other marker) does not close it.
        #expect(
            MarkdownStructure.unclosedFence(
                Array("````\n```\n~~~\n".utf8), lines: TextLine.split(Array("````\n```\n~~~\n".utf8), 0 ..< 13)[...])
                == 0)
    }

    @Test("several languages form one blockquote with '>' lines between; CRLF kept in front matter and notice")
    func crlf() throws {
        let output = try TextFixtures.stamp("---\r\na: 1\r\n---\r\nBody\r\n", fileName: "a.md", languages: [.en, .zh])
        #expect(output.contains("a: 1\r\nAIGC:\r\n  Label: \"1\"\r\n"))
        #expect(output.hasSuffix("---\r\n> \(TextFixtures.en)\r\n>\r\n> \(TextFixtures.zh)\r\n\r\nBody\r\n"))
    }

    @Test("format by extension, else by content (front matter, fence, heading), else plain")
    func detection() {
        func detect(_ text: String, _ name: String?) -> TextFormatDetection {
            TextFormatDetection.detect(Array(text.utf8)[...], fileName: name, requested: nil)
        }
        #expect(detect("x", "a.MD") == TextFormatDetection(format: .markdown, detectedBy: .extension))
        #expect(detect("# Title\n", nil) == TextFormatDetection(format: .markdown, detectedBy: .content))
        #expect(detect("{\"a\":1}\n", nil).format == .json)
        #expect(detect("{\"a\":1}\n{\"a\":2}\n", nil).format == .jsonl)
        #expect(detect("{not json", nil).format == .plain)
        #expect(detect("Just words.", "notes") == TextFormatDetection(format: .plain, detectedBy: .content))
    }
}
