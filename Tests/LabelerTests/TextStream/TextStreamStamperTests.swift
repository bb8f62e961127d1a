import Crypto
import Foundation
import Testing
@testable import Labeler

@Suite struct TextStreamStamperTests {
    /// Runs `input` through a stamper in chunks of `size`, returning every output piece.
    static func run(
        _ input: [UInt8], chunk size: Int, prefix: [UInt8] = Array("AI notice\n".utf8), signing: Bool
    ) throws -> (pieces: [[UInt8]], digest: [UInt8]?, offset: Int?) {
        var digest: [UInt8]?
        var offset: Int?
        var stamper = TextStreamStamper(prefix: prefix, normalizeToNFC: signing) { hash, at in
            digest = hash
            offset = at
            return Array("<trailer>".utf8)
        }
        var pieces: [[UInt8]] = []
        var index = 0
        while index < input.count {
            pieces.append(try stamper.feed(input[index ..< min(input.count, index + size)]))
            index += size
        }
        pieces.append(try stamper.finish())
        return (pieces, digest, offset)
    }

    @Test("text passes through byte for byte after the notice; the trailer gets the digest of all bytes before it")
    func passThrough() throws {
        let text = Array("Line one.\r\nЖасанды интеллект — 人工智能生成.\r\nend".utf8)
        for size in [1, 2, 3, 7, 64, 4096] {
            let (pieces, digest, offset) = try Self.run(text, chunk: size, signing: false)
            let output = pieces.flatMap { $0 }
            #expect(output == Array("AI notice\n".utf8) + text + Array("<trailer>".utf8))
            let body = Array(output.dropLast("<trailer>".utf8.count))
            #expect(offset == body.count)
            #expect(digest == nil || digest == Array(SHA256.hash(data: body)))
        }
    }

    @Test("when signing, the text goes out as NFC even when a combining mark arrives in a later chunk")
    func nfcAcrossChunks() throws {
        let decomposed = Array("Cafe\u{301} and re\u{301}sume\u{301}, Й = И\u{306}; 한 = \u{1112}\u{1161}\u{11AB}.".utf8)
        let expected = Array(String(decoding: decomposed, as: UTF8.self).precomposedStringWithCanonicalMapping.utf8)
        for size in 1 ... 9 {
            let (pieces, digest, offset) = try Self.run(decomposed, chunk: size, prefix: [], signing: true)
            let output = pieces.flatMap { $0 }
            let body = Array(output.dropLast("<trailer>".utf8.count))
            #expect(body == expected, "chunk size \(size)")
            #expect(digest == Array(SHA256.hash(data: body)) && offset == body.count)
        }
    }

    @Test("a BOM stays first, the notice follows it, even when the BOM is split across chunks")
    func byteOrderMark() throws {
        let text: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("hello".utf8)
        let (pieces, _, _) = try Self.run(text, chunk: 1, signing: false)
        #expect(pieces.flatMap { $0 } == [0xEF, 0xBB, 0xBF] + Array("AI notice\nhello<trailer>".utf8))
    }

    @Test("invalid UTF-8 is refused with its offset in the input, also across chunks and at the end")
    func invalidUTF8() throws {
        let bad = Array("good text ".utf8) + [0xC3, 0x28] + Array(" more".utf8)
        for size in [1, 4, 100] {
            #expect(throws: TextStreamStamper.Failure.invalidUTF8(offset: 10)) {
                _ = try Self.run(bad, chunk: size, signing: true)
            }
        }
        #expect(throws: TextStreamStamper.Failure.invalidUTF8(offset: 4)) {
            _ = try Self.run(Array("abcd".utf8) + [0xE4, 0xBA], chunk: 3, signing: false)
        }
        #expect(throws: TextStreamStamper.Failure.invalidUTF8(offset: 0)) {
            _ = try Self.run([0xED, 0xA0, 0x80], chunk: 1, signing: false)  // a surrogate
        }
    }

    @Test("memory stays bounded: 8 MB of mixed text in 4 KB chunks never holds back more than a chunk")
    func boundedMemory() throws {
        let line = Array("The model wrote: Жасанды интеллект 人工智能 e\u{301}.\n".utf8)
        var stamper = TextStreamStamper(prefix: [], normalizeToNFC: true) { _, _ in [] }
        var total = 0
        var largest = 0
        var block: [UInt8] = []
        while block.count < 4096 { block += line }
        for _ in 0 ..< (8 << 20) / block.count {
            total += try stamper.feed(block).count
            largest = max(largest, stamper.heldBack)
        }
        total += try stamper.finish().count
        #expect(largest < 4096 + line.count && total > 8_000_000)
    }

    @Test("when signing, a chunk that ends a line goes out whole at once (no wait for the next chunk)")
    func lineGoesOutAtOnce() throws {
        var stamper = TextStreamStamper(prefix: [], normalizeToNFC: true) { _, _ in [] }
        #expect(try stamper.feed(Array("abcd".utf8)) == Array("abc".utf8))  // waits to see what follows
        #expect(try stamper.feed(Array("e\u{301} end of line\n".utf8)) == Array("dé end of line\n".utf8))
        #expect(stamper.heldBack == 0)
    }
}
