import LabelerBytes
import LabelerCInterop

extension PNG {
    /// The payload of a `tEXt`, `zTXt` or `iTXt` chunk (PNG §11.3.4).
    ///
    /// ```
    /// tEXt: keyword (1-79 B Latin-1) 00 text (Latin-1)
    /// zTXt: keyword 00 method(=0) zlib-stream
    /// iTXt: keyword 00 compression-flag(0|1) method(=0) language-tag 00 translated-keyword 00 text (UTF-8)
    /// ```
    public struct TextChunk: Sendable, Hashable {
        public var keyword: String
        public var text: String
        public var isCompressed: Bool = false
        public var languageTag: String = ""
        public var translatedKeyword: String = ""
        /// Offset of the uncompressed text within the data field (`nil` when compressed).
        public var textOffset: Int?

        public init(keyword: String, text: String) {
            self.keyword = keyword
            self.text = text
        }

        /// Decodes the data field of a text chunk of `type` found at `offset`; compressed text may
        /// inflate to at most `limit` bytes.
        /// - Throws: ``PNG/Error/malformedTextChunk(type:offset:reason:)``.
        init(
            parsing data: ArraySlice<UInt8>, type: ChunkType, offset: Int, limit: Int = PNG.maxTextChunkBytes
        ) throws(PNG.Error) {
            func fail(_ reason: String) -> PNG.Error { .malformedTextChunk(type: type, offset: offset, reason: reason) }
            guard let keywordEnd = data.firstIndex(of: 0) else { throw fail("keyword has no NUL terminator") }
            guard (1 ... 79).contains(keywordEnd - data.startIndex) else { throw fail("keyword must be 1-79 bytes") }
            keyword = String(decoding: data[data.startIndex ..< keywordEnd], as: UTF8.self)
            var cursor = keywordEnd + 1
            switch type {
            case .tEXt:
                text = String(data[cursor...].map { Character(Unicode.Scalar($0)) })
                textOffset = cursor - data.startIndex
            case .zTXt:
                guard cursor < data.endIndex, data[cursor] == 0 else { throw fail("unknown compression method") }
                isCompressed = true
                text = String(
                    try Self.inflate(data[(cursor + 1)...], limit: limit, fail: fail).map {
                        Character(Unicode.Scalar($0))
                    })
            case .iTXt:
                guard data.endIndex - cursor >= 2 else { throw fail("missing compression fields") }
                let flag = data[cursor]
                guard flag <= 1, data[cursor + 1] == 0 else { throw fail("bad compression flag or method") }
                isCompressed = flag == 1
                cursor += 2
                guard let languageEnd = data[cursor...].firstIndex(of: 0) else {
                    throw fail("language tag not terminated")
                }
                languageTag = String(decoding: data[cursor ..< languageEnd], as: UTF8.self)
                cursor = languageEnd + 1
                guard let translatedEnd = data[cursor...].firstIndex(of: 0) else {
                    throw fail("translated keyword not terminated")
                }
                translatedKeyword = String(decoding: data[cursor ..< translatedEnd], as: UTF8.self)
                let body = data[(translatedEnd + 1)...]
                if !isCompressed { textOffset = translatedEnd + 1 - data.startIndex }
                let utf8 = isCompressed ? ArraySlice(try Self.inflate(body, limit: limit, fail: fail)) : body
                guard let decoded = String(validating: utf8, as: UTF8.self) else {
                    throw fail("text is not valid UTF-8")
                }
                text = decoded
            default:
                throw fail("not a text chunk")
            }
        }

        private static func inflate(
            _ bytes: ArraySlice<UInt8>, limit: Int, fail: (String) -> PNG.Error
        ) throws(PNG.Error) -> [UInt8] {
            do {
                return try Zlib.inflate(bytes, maxOutput: limit)
            } catch {
                throw fail("compressed text: \(error.message)")
            }
        }

        /// The complete uncompressed `iTXt` chunk (length, type, data, CRC) carrying `text`.
        static func serializedITXt(keyword: String, text: [UInt8]) -> [UInt8] {
            var data: [UInt8] = Array(keyword.utf8)
            data += [0, 0, 0, 0, 0]  // NUL, compression flag 0, method 0, empty language NUL, empty translated NUL
            data += text
            return serializedChunk(type: .iTXt, data: data)
        }
    }

    /// A complete chunk: big-endian length, type, `data`, CRC-32 over type and data.
    static func serializedChunk(type: ChunkType, data: [UInt8]) -> [UInt8] {
        var chunk = ByteWriter(capacity: data.count + 12)
        chunk.writeInteger(UInt32(data.count))  // data of a text chunk we write is far below 2^31
        chunk.writeInteger(type.rawValue)
        chunk.writeBytes(data)
        let crc = chunk.bytes.withUnsafeBytes { Zlib.crc32(UnsafeRawBufferPointer(rebasing: $0[4...])) }
        chunk.writeInteger(crc)
        return chunk.bytes
    }
}
