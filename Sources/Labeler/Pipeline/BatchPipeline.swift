import Synchronization

/// Stamps many files concurrently on Dispatch, crash-safe and at the speed of the disk.
///
/// - The tree is streamed (``FileDiscovery/Walker``), never held: memory stays flat with the file count.
/// - Each file is read once, planned in memory, written once (one `writev`) to a temporary file
///   beside its destination.
/// - Group commit: a worker stages files until a group holds ``Configuration/groupCommitFiles``
///   files or ``Configuration/groupCommitBytes`` bytes, then one `syncfs`, the renames and one
///   `fsync` per folder make the whole group durable at once; only then are the files recorded in
///   the journal. The fast path and the safe path are the same path.
public struct BatchPipeline: Sendable {
    public struct Configuration: Sendable {
        /// Concurrent workers; defaults to the active processor count.
        public var jobs: Int
        /// Stop claiming new files after the first failure.
        public var failFast: Bool
        /// Most files per group commit (claims start small and grow to this, so short batches
        /// still spread over every worker). Each group costs a `syncfs`, a folder `fsync` per
        /// folder and a journal `fdatasync`, which dominate tiny files; the byte limit bounds it for
        /// large ones.
        public var groupCommitFiles: Int
        /// Most bytes staged before a group commits (bounds the dirty data one `syncfs` waits for).
        public var groupCommitBytes: Int
        /// Append-only journal of finished files (`nil`: none).
        public var journalPath: FilePath?
        /// Skip files the journal lists as finished.
        public var resume: Bool
        /// How inputs are walked.
        public var discovery: FileDiscovery

        public init(
            jobs: Int = BatchPipeline.activeCores, failFast: Bool = false, groupCommitFiles: Int = 1024,
            groupCommitBytes: Int = 64 << 20, journalPath: FilePath? = nil, resume: Bool = false,
            discovery: FileDiscovery = FileDiscovery()
        ) {
            self.jobs = max(1, jobs)
            self.failFast = failFast
            self.groupCommitFiles = max(1, groupCommitFiles)
            self.groupCommitBytes = max(1, groupCommitBytes)
            self.journalPath = journalPath
            self.resume = resume
            self.discovery = discovery
        }
    }

    public static var activeCores: Int { System.activeProcessorCount }

    /// Where the journal of a run into `destination` lives unless one is named: outside the
    /// deliverable tree (see ``Journal``). `nil` in place (name one to `--resume` in place).
    public static func defaultJournalPath(for destination: Destination) -> FilePath? {
        guard case .directory(let folder) = destination else { return nil }
        return Journal.defaultPath(forOutputFolder: folder)
    }

    /// What is done to each file (images: ``Stamper``; texts: ``TextStamper``).
    public let planner: any BatchPlanner
    public let configuration: Configuration

    public init(planner: any BatchPlanner, configuration: Configuration = Configuration()) {
        self.planner = planner
        self.configuration = configuration
    }

    public init(stamper: Stamper, configuration: Configuration = Configuration()) {
        self.init(planner: stamper, configuration: configuration)
    }

    /// Stamps the files under `inputs` into `destination`.
    /// - Parameter onRecord: called for each file in walk order, one call at a time (reports, progress).
    /// - Throws: ``LabelerError`` only for batch-level failures (a refused destination, a journal
    ///   that cannot be opened); per-file failures are ``BatchRecord/Outcome/failed`` records.
    public func stamp(
        _ inputs: [FilePath], to destination: Destination,
        onRecord: @Sendable (BatchRecord, BatchSummary) -> Void = { _, _ in }
    ) throws -> BatchSummary {
        try destination.validate(inputs: inputs, discovery: configuration.discovery)
        if planner.disclosure.contentID != nil {
            let isOneFile =
                inputs.count == 1
                && (try? System.stat(inputs[0])).flatMap { $0 }.map { System.Kind($0) != .directory } == true
            guard isOneFile else {
                throw LabelerError(
                    .invalidRequest,
                    "a fixed content ID names one output; give one file, not \(inputs.count == 1 ? "a folder" : "\(inputs.count) inputs")"
                )
            }
        }
        if case .directory(let root) = destination {
            try Self.makeFolder(root, mode: 0o777 & ~System.umask)
            destination.removeLeftovers(in: root, relative: nil, found: [])  // named files land at the top of -o
        }
        let finished = configuration.resume ? try configuration.journalPath.map(Journal.finishedKeys(at:)) ?? [] : []
        let journal = try configuration.journalPath.map(Journal.init(path:))
        let clock = ContinuousClock()
        let start = clock.now
        let summary = Mutex(BatchSummary())
        var walker = configuration.discovery.walk(inputs)
        walker.onFolder = { folder, relative, leftovers in
            destination.removeLeftovers(in: folder, relative: relative, found: leftovers)
        }
        let worker = Worker(pipeline: self, destination: destination, finished: finished, journal: journal)
        let failFast = configuration.failFast
        let runner = OrderedParallelRunner<FileDiscovery.Walker, BatchRecord>(jobs: configuration.jobs)
        let claim = ClaimSizer(jobs: configuration.jobs, limit: configuration.groupCommitFiles)
        let walked = runner.run(walker, claimSize: { claim.next() }) { entries in
            worker.process(entries)
        } deliver: { _, record in
            let snapshot = summary.withLock { summary in
                summary.add(record)
                summary.seconds = Self.seconds(clock.now - start)
                return summary
            }
            onRecord(record, snapshot)
            return !(failFast && record.outcome == .failed)
        }
        return summary.withLock { summary in
            summary.seconds = Self.seconds(clock.now - start)
            summary.skippedByDiscovery = walked.counts
            return summary
        }
    }

    /// ``stamp(_:to:onRecord:)`` for paths given as text.
    public func stamp(
        _ inputs: [String], to destination: Destination,
        onRecord: @Sendable (BatchRecord, BatchSummary) -> Void = { _, _ in }
    ) throws -> BatchSummary {
        try stamp(inputs.map { FilePath($0) }, to: destination, onRecord: onRecord)
    }

    /// `mkdir -p folder`.
    static func makeFolder(_ folder: FilePath, mode: System.Mode = 0o755) throws {
        if let status = try System.stat(folder) {
            guard System.Kind(status) == .directory else {
                throw LabelerError(.io, "exists and is not a folder", path: folder.description)
            }
            return
        }
        let parent = folder.trimmingTrailingSlashes.split.directory
        if parent != folder, parent.bytes != [UInt8(ascii: ".")] { try makeFolder(parent, mode: mode) }
        try System.mkdir(folder, mode: mode)
    }

    static func milliseconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
    }

    static func seconds(_ duration: Duration) -> Double { milliseconds(duration) / 1000 }
}

/// Claim sizes that start at a few files and grow to `limit` as the walk goes on: about four
/// claims per worker early on keeps every worker busy on short batches, and large claims later
/// make fewer, larger group commits on long ones.
final class ClaimSizer: Sendable {
    private let claimed = Mutex(0)
    private let jobs: Int
    private let limit: Int

    init(jobs: Int, limit: Int) {
        self.jobs = jobs
        self.limit = limit
    }

    func next() -> Int {
        claimed.withLock { claimed in
            let size = min(limit, max(4, claimed / (jobs * 4)))
            claimed += size
            return size
        }
    }
}
