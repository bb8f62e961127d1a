/// The watermark's error correction: the rate-½, constraint-length-7 convolutional code with
/// generators 171 and 133 (octal; the CCSDS / 802.11 code), zero-terminated, decoded by a
/// soft-decision Viterbi decoder. 64 payload bits + 6 tail bits give 140 coded bits.
///
/// Soft decisions come straight from the correlator: a positive value says "coded bit 1", its
/// size how sure. The decoder maximises the correlation between the soft values and a codeword.
enum ConvolutionalCode {
    static let constraintLength = 7
    static let generators: [Int] = [0o171, 0o133]
    private static let stateCount = 1 << (constraintLength - 1)

    /// The number of coded bits for `count` input bits.
    static func codedCount(for count: Int) -> Int { 2 * (count + constraintLength - 1) }

    /// Encodes `bits` (0/1) followed by 6 zero tail bits.
    static func encode(_ bits: [UInt8]) -> [UInt8] {
        var register = 0
        var out: [UInt8] = []
        out.reserveCapacity(codedCount(for: bits.count))
        for bit in bits + [UInt8](repeating: 0, count: constraintLength - 1) {
            register = ((register << 1) | Int(bit & 1)) & ((1 << constraintLength) - 1)
            for generator in generators { out.append(parity(register & generator)) }
        }
        return out
    }

    /// The most likely input bits (`count` of them) for soft coded values (positive = 1).
    static func decode(_ soft: [Double], count: Int) -> [UInt8] {
        let steps = count + constraintLength - 1
        precondition(soft.count == 2 * steps, "soft values must cover every coded bit")
        var metric = [Double](repeating: -.infinity, count: stateCount)
        metric[0] = 0
        // decisions[step][state]: the previous state's dropped top bit that won.
        var decisions = [[UInt8]](repeating: [UInt8](repeating: 0, count: stateCount), count: steps)
        // Branch outputs for a (state, input) pair: register = state << 1 | input.
        let outputs: [(Double, Double)] = (0 ..< (2 * stateCount)).map { register in
            (parity(register & generators[0]) == 1 ? 1 : -1, parity(register & generators[1]) == 1 ? 1 : -1)
        }
        for step in 0 ..< steps {
            let s0 = soft[2 * step]
            let s1 = soft[2 * step + 1]
            var next = [Double](repeating: -.infinity, count: stateCount)
            for state in 0 ..< stateCount where metric[state] > -.infinity {
                for input in 0 ... 1 {
                    if step >= count, input == 1 { continue }
                    let register = state << 1 | input
                    let target = register & (stateCount - 1)
                    let candidate = metric[state] + outputs[register].0 * s0 + outputs[register].1 * s1
                    if candidate > next[target] {
                        next[target] = candidate
                        decisions[step][target] = UInt8(state >> (constraintLength - 2))
                    }
                }
            }
            metric = next
        }
        var state = 0
        var bits = [UInt8](repeating: 0, count: steps)
        for step in stride(from: steps - 1, through: 0, by: -1) {
            bits[step] = UInt8(state & 1)
            state = (state >> 1) | Int(decisions[step][state]) << (constraintLength - 2)
        }
        return Array(bits.prefix(count))
    }

    private static func parity(_ value: Int) -> UInt8 { UInt8(value.nonzeroBitCount & 1) }
}
