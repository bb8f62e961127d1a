import LabelerPixels
import Testing

@testable import LabelerPixels

@Suite struct WatermarkCodingTests {
    @Test("CRC-16/CCITT-FALSE has its catalogue check value")
    func crcCheckValue() {
        #expect(WatermarkPayload.crc16(Array("123456789".utf8)) == 0x29B1)
    }

    @Test("payload layout: 4-bit scheme, 44-bit identifier, 16-bit CRC, big-endian bytes")
    func layout() throws {
        let payload = WatermarkPayload(identifier: 0xABC_DEF0_1234)
        #expect(payload.value >> 60 == 1)
        #expect((payload.value >> 16) & WatermarkPayload.identifierMask == 0xABC_DEF0_1234)
        #expect(payload.bytes.count == 8)
        #expect(payload.bytes[0] == 0x1A)
        #expect(payload.hex.count == 16)
        #expect(WatermarkPayload(value: payload.value) == payload)
        #expect(WatermarkPayload(value: payload.value ^ 1) == nil)
        #expect(WatermarkPayload(value: payload.value ^ (1 << 40)) == nil)
        #expect(WatermarkPayload(bits: payload.bits) == payload)
    }

    @Test("the convolutional code corrects scattered errors with soft decisions")
    func viterbi() {
        let payload = WatermarkPayload(identifier: 0x123_4567_89AB)
        let coded = ConvolutionalCode.encode(payload.bits)
        #expect(coded.count == 140)
        var soft = coded.map { $0 == 1 ? 1.0 : -1.0 }
        #expect(ConvolutionalCode.decode(soft, count: 64) == payload.bits)
        // Flip 8 coded bits spread over the block, weaken others.
        for index in stride(from: 3, to: 140, by: 17) { soft[index] = -0.6 * soft[index] }
        for index in stride(from: 5, to: 140, by: 7) { soft[index] *= 0.2 }
        #expect(ConvolutionalCode.decode(soft, count: 64) == payload.bits)
    }

    @Test("the PRNG and patterns are deterministic and keyed")
    func deterministic() {
        var a = SplitMix64(seed: 1)
        var b = SplitMix64(seed: 1)
        #expect((0 ..< 4).map { _ in a.next() } == (0 ..< 4).map { _ in b.next() })
        let first = WatermarkPatterns(key: 7)
        let again = WatermarkPatterns(key: 7)
        let other = WatermarkPatterns(key: 8)
        #expect(first.sync == again.sync)
        #expect(first.sync != other.sync)
        let rms = (first.sync.reduce(0) { $0 + $1 * $1 } / Double(first.sync.count)).squareRoot()
        #expect(abs(rms - 1) < 1e-9)
    }

    @Test("FFT forward then inverse is the identity")
    func fftRoundTrip() {
        var random = SplitMix64(seed: 3)
        let original = (0 ..< (128 * 128)).map { _ in Double(random.next() % 1000) / 7 }
        var re = original
        var im = [Double](repeating: 0, count: re.count)
        let fft = TileFFT()
        fft.transform(re: &re, im: &im, inverse: false)
        #expect(abs(re[0] - original.reduce(0, +)) < 1e-6)
        fft.transform(re: &re, im: &im, inverse: true)
        #expect(zip(re, original).allSatisfy { abs($0 - $1) < 1e-8 })
    }
}
