/// What happened to one file in a batch; one line of `--report` and of the journal.
public struct BatchRecord: Sendable, Codable, Hashable {
    public enum Outcome: String, Sendable, Codable, Hashable, CaseIterable {
        case stamped
        /// Found while walking a folder, but not a PNG or JPEG.
        case skippedUnsupported = "skipped_unsupported"
        /// Already finished according to the journal (`--resume`).
        case skippedDone = "skipped_done"
        /// Not reached because `--fail-fast` stopped the batch.
        case notAttempted = "not_attempted"
        case failed
    }

    public var path: String
    public var output: String?
    public var outcome: Outcome
    public var contentID: String?
    public var bytes: Int
    /// Milliseconds spent on the file, read to rename.
    public var ms: Double
    public var error: String?
    public var errorCode: String?
    public var errorOffset: Int?

    public init(path: String, output: String? = nil, outcome: Outcome, contentID: String? = nil, bytes: Int = 0, ms: Double = 0,
                error: LabelerError? = nil) {
        self.path = path
        self.output = output
        self.outcome = outcome
        self.contentID = contentID
        self.bytes = bytes
        self.ms = ms
        self.error = error?.description
        self.errorCode = error?.code.description
        self.errorOffset = error?.offset
    }
}

/// Counts and rates at the end of a batch (and, partially, during it).
public struct BatchSummary: Sendable, Codable, Hashable {
    public var total: Int
    public var counts: [String: Int] = [:]
    public var skippedByDiscovery = FileDiscovery.Counts()
    public var bytesRead = 0
    public var seconds = 0.0
    /// Set when some file failed: the most serious error code met (`io` over `corrupt` over others).
    public var worstError: String?

    public init(total: Int) { self.total = total }

    public func count(_ outcome: BatchRecord.Outcome) -> Int { counts[outcome.rawValue] ?? 0 }
    public var processed: Int { counts.values.reduce(0, +) }
    public var filesPerSecond: Double { seconds > 0 ? Double(count(.stamped)) / seconds : 0 }
    public var megabytesPerSecond: Double { seconds > 0 ? Double(bytesRead) / 1_000_000 / seconds : 0 }

    mutating func add(_ record: BatchRecord) {
        counts[record.outcome.rawValue, default: 0] += 1
        if record.outcome == .stamped {
            bytesRead += record.bytes
        }
        if record.outcome == .failed, let code = record.errorCode {
            let rank = ["io": 3, "corrupt": 2, "unsupportedFormat": 2]
            if (rank[code] ?? 1) > (worstError.flatMap { rank[$0] } ?? 0) { worstError = code }
        }
    }
}

/// Progress of a running batch, delivered in file order on one thread at a time.
public struct BatchProgress: Sendable {
    public var done: Int
    public var total: Int
    public var bytes: Int
    public var seconds: Double
    public var lastRecord: BatchRecord
}
