import Testing
@testable import Labeler

@Suite struct PNGChunkReaderTests {
    func read(_ bytes: [UInt8]) throws(PNG.Error) -> PNG.ChunkReader {
        do {
            return try bytes.withUnsafeBytes { try PNG.ChunkReader($0) }
        } catch let error as PNG.Error {
            throw error
        } catch {
            Issue.record("unexpected \(error)")
            throw .badSignature(offset: -1)
        }
    }

    @Test("walks a valid file from IHDR to IEND with offsets and lengths")
    func walksValidFile() throws {
        let bytes = PNGBuilder.minimal(extraBeforeIDAT: [("tEXt", Array("Title\0x".utf8))])
        let reader = try read(bytes)
        #expect(reader.chunks.map(\.type.description) == ["IHDR", "tEXt", "IDAT", "IEND"])
        #expect(reader.chunks[0].offset == 8)
        #expect(reader.chunks[0].length == 13)
        #expect(reader.chunks.last?.range.upperBound == bytes.count)
        #expect(reader.trailingRange == nil)
    }

    @Test("reports bytes after IEND as trailing data")
    func trailingData() throws {
        let bytes = PNGBuilder.minimal() + [1, 2, 3]
        #expect(try read(bytes).trailingRange == bytes.count - 3 ..< bytes.count)
    }

    @Test("rejects a wrong signature at byte 0")
    func wrongMagic() {
        #expect(throws: PNG.Error.badSignature(offset: 0)) { try read(Array("GIF89a....".utf8)) }
        #expect(throws: PNG.Error.badSignature(offset: 0)) { try read([]) }
    }

    @Test("rejects a bad CRC, naming the chunk and its offset")
    func badCRC() {
        let bytes = PNGBuilder().chunk("IHDR", [0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0], crc: 0xDEAD_BEEF).bytes
        let error = #expect(throws: PNG.Error.self) { try read(bytes) }
        guard case .crcMismatch(let type, let offset, let stored, _)? = error else {
            Issue.record("wrong error \(String(describing: error))"); return
        }
        #expect(type == .IHDR && offset == 8 && stored == 0xDEAD_BEEF)
        #expect(error?.description.contains("byte 8") == true)
    }

    @Test("rejects a declared length beyond 2^31-1 and beyond the end of the file")
    func hugeLengths() {
        let huge = PNGBuilder().chunk("IHDR", [], declaredLength: 0xFFFF_FFF0).bytes
        #expect(throws: PNG.Error.chunkLengthTooLarge(offset: 8, declared: 0xFFFF_FFF0)) { try read(huge) }
        let pastEnd = PNGBuilder().chunk("IHDR", [1, 2, 3], declaredLength: 1000).bytes
        let error = #expect(throws: PNG.Error.self) { try read(pastEnd) }
        #expect(error?.offset == 8)
        #expect(error?.description.contains("declares 1000") == true)
    }

    @Test("rejects truncation at every byte without crashing")
    func truncatedEverywhere() {
        let bytes = PNGBuilder.minimal()
        for cut in 0 ..< bytes.count {
            #expect(throws: PNG.Error.self) { try read(Array(bytes.prefix(cut))) }
        }
    }

    @Test("rejects a file without IEND, or whose first chunk is not IHDR")
    func structure() {
        let noEnd = PNGBuilder().chunk("IHDR", [0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0]).bytes
        #expect(throws: PNG.Error.missingIEND(offset: noEnd.count)) { try read(noEnd) }
        let wrongFirst = PNGBuilder().chunk("IDAT", []).chunk("IEND", []).bytes
        #expect(throws: PNG.Error.firstChunkNotIHDR(type: .IDAT, offset: 8)) { try read(wrongFirst) }
        let badType = PNGBuilder().chunk("IH1R", []).bytes
        #expect(throws: PNG.Error.self) { try read(badType) }
    }

    @Test("decodes tEXt, zTXt and iTXt payloads")
    func textChunks() throws {
        let text = try PNG.TextChunk(parsing: ArraySlice(Array("AIGC\0{\"Label\":\"1\"}".utf8)), type: .tEXt, offset: 0)
        #expect(text.keyword == "AIGC" && text.text == "{\"Label\":\"1\"}")
        let itxt = PNG.TextChunk.serializedITXt(keyword: "XML:com.adobe.xmp", text: Array("<x/>".utf8))
        let parsed = try PNG.TextChunk(parsing: ArraySlice(itxt[8 ..< itxt.count - 4]), type: .iTXt, offset: 0)
        #expect(parsed.keyword == "XML:com.adobe.xmp" && parsed.text == "<x/>" && parsed.textOffset == 22)
        #expect(throws: PNG.Error.self) {
            try PNG.TextChunk(parsing: ArraySlice(Array("NoTerminator".utf8)), type: .tEXt, offset: 5)
        }
    }
}
