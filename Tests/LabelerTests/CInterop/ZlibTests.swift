import Testing
import LabelerTestSupport

@testable import LabelerCInterop

extension CInteropTests {
    @Suite struct ZlibTests {
        @Test("crc32 of the IEND chunk type is the well-known 0xAE426082")
        func crcOfIEND() {
            #expect(Zlib.crc32(Array("IEND".utf8)) == 0xAE42_6082)
            #expect(Zlib.crc32([]) == 0)
        }

        @Test("crc32 can be continued with a seed and the raw-buffer overload agrees")
        func crcChaining() {
            let bytes = CInteropSupport.pattern(width: 300, height: 200, channels: 3)
            let whole = Zlib.crc32(bytes)
            let split = Zlib.crc32(Array(bytes[1000...]), seed: Zlib.crc32(Array(bytes[..<1000])))
            #expect(split == whole)
            #expect(bytes.withUnsafeBytes { Zlib.crc32($0) } == whole)
        }

        @Test("inflate undoes deflate", arguments: [0, 1, 100, 300_000])
        func roundTrip(size: Int) throws {
            let input = (0 ..< size).map { UInt8(truncatingIfNeeded: $0 * 31 / 7) }
            let compressed = try Zlib.deflate(input)
            #expect(compressed.first == 0x78)  // RFC 1950 CMF: deflate, 32 KiB window
            #expect(try Zlib.inflate(compressed[...], maxOutput: size) == input)
        }

        @Test("inflate accepts output exactly at maxOutput and rejects one byte more")
        func bombGuard() throws {
            let zeros = [UInt8](repeating: 0, count: 1_000_000)
            let compressed = try Zlib.deflate(zeros)
            #expect(compressed.count < 2_000)
            #expect(try Zlib.inflate(compressed[...], maxOutput: zeros.count).count == zeros.count)
            let error = #expect(throws: CLibraryError.self) {
                try Zlib.inflate(compressed[...], maxOutput: zeros.count - 1)
            }
            #expect(error?.code == CLibraryError.limitExceeded)
            #expect(error?.library == .zlib)
            let small = #expect(throws: CLibraryError.self) { try Zlib.inflate(compressed[...], maxOutput: 1000) }
            #expect(small?.code == CLibraryError.limitExceeded)
        }

        @Test("inflate rejects a truncated stream and a corrupt one")
        func corruptStreams() throws {
            let compressed = try Zlib.deflate(Array(repeating: 0x41, count: 5000) + Array(0 ... 255))
            let truncated = #expect(throws: CLibraryError.self) {
                try Zlib.inflate(compressed.dropLast(6), maxOutput: 1 << 20)
            }
            #expect(truncated?.code == -5)  // Z_BUF_ERROR
            #expect(truncated?.message.isEmpty == false)

            var damaged = compressed
            damaged[0] = 0x79  // header check bits no longer a multiple of 31
            let corrupt = #expect(throws: CLibraryError.self) { try Zlib.inflate(damaged[...], maxOutput: 1 << 20) }
            #expect(corrupt?.code == -3)  // Z_DATA_ERROR
            #expect(corrupt?.message.contains("incorrect header check") == true)
            #expect(throws: CLibraryError.self) { try Zlib.inflate([][...], maxOutput: 10) }
        }

        @Test("inflate works on a slice that does not start at index 0")
        func sliceInput() throws {
            let payload = Array("hello, zTXt".utf8)
            let chunk = Array("keyword".utf8) + [0, 0] + (try Zlib.deflate(payload))
            #expect(try Zlib.inflate(chunk[9...], maxOutput: 100) == payload)
        }
    }
}
