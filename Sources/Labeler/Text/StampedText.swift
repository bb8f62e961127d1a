/// The result of stamping one text: the format it was taken to be, and the output as a
/// ``SplicePlan`` over the input (kept ranges and new bytes), which the single-file writer, the
/// batch pipeline and a signer can all consume without copying the input.
public struct StampedText: Sendable {
    public var detection: TextFormatDetection
    public var plan: SplicePlan
    /// The disclosure as written (content ID and creation time resolved).
    public var disclosure: Disclosure

    public var format: TextFormat { detection.format }

    /// The output bytes.
    public func output(from input: [UInt8]) -> [UInt8] { plan.materialize(from: input) }
}
