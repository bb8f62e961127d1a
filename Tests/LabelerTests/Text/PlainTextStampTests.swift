import Testing
@testable import Labeler

@Suite struct PlainTextStampTests {
    let en = TextFixtures.en

    @Test("a notice line and a blank line at the start; LF and the final newline kept")
    func start() throws {
        #expect(try TextFixtures.stamp("Hello.\nBye.\n", fileName: "a.txt") == "\(en)\n\nHello.\nBye.\n")
    }

    @Test("at the end, with and without a final newline: the final newline stays as it was")
    func end() throws {
        let options = TextStampOptions(position: .end)
        #expect(try TextFixtures.stamp("Hello.\n", fileName: "a.txt", options) == "Hello.\n\n\(en)\n")
        #expect(try TextFixtures.stamp("Hello.", fileName: "a.txt", options) == "Hello.\n\n\(en)")
    }

    @Test("CRLF line endings and a UTF-8 BOM are kept, the notice uses CRLF after the BOM")
    func crlfAndBOM() throws {
        let output = try TextFixtures.stamp("\u{FEFF}Hello.\r\nBye.\r\n", fileName: "a.txt")
        #expect(Array(output.utf8).starts(with: [0xEF, 0xBB, 0xBF]))
        #expect(output == "\u{FEFF}\(en)\r\n\r\nHello.\r\nBye.\r\n")
    }

    @Test("one line per language, in --lang order")
    func languages() throws {
        let output = try TextFixtures.stamp("Hi\n", fileName: "a.txt", languages: [.zh, .ru, .kk, .en])
        #expect(
            output
                == "本内容由人工智能生成\nЭтот текст создан с помощью искусственного интеллекта\n"
                + "Бұл мәтін жасанды интеллект көмегімен жасалған\n\(en)\n\nHi\n")
    }

    @Test("re-stamping never doubles the notice, at either end, and moving it to the other end moves it")
    func restamp() throws {
        for position in NoticePosition.allCases {
            for text in ["Hello.\n", "Hello.", "", "a\n\nb\n"] {
                let options = TextStampOptions(position: position)
                let once = try TextFixtures.stamp(text, fileName: "a.txt", options)
                #expect(try TextFixtures.stamp(once, fileName: "a.txt", options) == once, "\(position) \(text)")
            }
        }
        let atStart = try TextFixtures.stamp("Hello.", fileName: "a.txt")
        let moved = try TextFixtures.stamp(atStart, fileName: "a.txt", TextStampOptions(position: .end))
        #expect(moved == "Hello.\n\n\(en)")
        // Regression: moving a notice from the end to the start kept a newline the original never had.
        let back = try TextFixtures.stamp(moved, fileName: "a.txt")
        #expect(back == atStart)
    }

    @Test("a custom wording is written and recognised on re-stamping, as is the default one")
    func customWording() throws {
        let options = TextStampOptions(wording: try TextNoticeWording(overrides: [.en: "Written with AI help."]))
        let first = try TextFixtures.stamp("Hi\n", fileName: "a.txt")
        let second = try TextFixtures.stamp(first, fileName: "a.txt", options)
        #expect(second == "Written with AI help.\n\nHi\n")
        #expect(throws: LabelerError.self) { try TextNoticeWording(overrides: [.en: "two\nlines"]) }
    }

    @Test("an empty file gets just the notice")
    func empty() throws {
        #expect(try TextFixtures.stamp("", fileName: "a.txt") == en)
    }
}
