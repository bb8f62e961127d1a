/// What happened to one file in a batch; one line of `--report`.
public struct BatchRecord: Sendable, Codable, Hashable {
    public enum Outcome: String, Sendable, Codable, Hashable, CaseIterable, CodingKeyRepresentable {
        case stamped
        /// Found while walking a folder, but not a supported format.
        case skippedUnsupported = "skipped_unsupported"
        /// Already finished according to the journal (`--resume`).
        case skippedDone = "skipped_done"
        /// Not reached because `--fail-fast` stopped the batch.
        case notAttempted = "not_attempted"
        case failed
    }

    public var path: FilePath
    public var output: FilePath?
    public var outcome: Outcome
    public var contentID: String?
    public var bytes: Int
    /// Milliseconds spent on the file, read to rename.
    public var ms: Double
    public var error: String?
    public var errorCode: LabelerError.Code?
    public var errorOffset: Int?
    /// Something true about a finished file that is not a failure of it (its journal line could not
    /// be written, so `--resume` will redo it).
    public var warning: String?

    public init(
        path: FilePath, output: FilePath? = nil, outcome: Outcome, contentID: String? = nil, bytes: Int = 0,
        ms: Double = 0,
        error: LabelerError? = nil
    ) {
        self.path = path
        self.output = output
        self.outcome = outcome
        self.contentID = contentID
        self.bytes = bytes
        self.ms = ms
        self.error = error?.description
        self.errorCode = error?.code
        self.errorOffset = error?.offset
    }
}

/// Counts and rates at the end of a batch (and, partially, during it).
public struct BatchSummary: Sendable, Codable, Hashable {
    /// Files seen so far (the walk streams, so the total is known only at the end).
    public var total: Int { processed }
    public var counts: [BatchRecord.Outcome: Int] = [:]
    public var skippedByDiscovery = FileDiscovery.Counts()
    public var bytesRead = 0
    public var seconds = 0.0
    /// Set when some file failed: the most serious error code met (`io` over data errors).
    public var worstError: LabelerError.Code?
    /// Files stamped whose journal line could not be written.
    public var unjournaled = 0

    public init() {}

    public func count(_ outcome: BatchRecord.Outcome) -> Int { counts[outcome] ?? 0 }
    public var processed: Int { counts.values.reduce(0, +) }
    public var filesPerSecond: Double { seconds > 0 ? Double(count(.stamped)) / seconds : 0 }
    public var megabytesPerSecond: Double { seconds > 0 ? Double(bytesRead) / 1_000_000 / seconds : 0 }

    mutating func add(_ record: BatchRecord) {
        counts[record.outcome, default: 0] += 1
        if record.outcome == .stamped { bytesRead += record.bytes }
        if record.warning != nil {
            unjournaled += 1
            worstError = .io  // the run's record of finished files is incomplete: an I/O failure
        }
        if record.outcome == .failed, let code = record.errorCode {
            if worstError.map({ RunStatus(code) > RunStatus($0) }) ?? true { worstError = code }
        }
    }
}
