#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// Stamps many files concurrently on Dispatch, crash-safe and at the speed of the disk.
///
/// - Each file is read once (one `read`), planned in memory, written once (one `writev`) to a
///   temporary file beside its destination.
/// - Group commit: a worker stages a group of files (``Configuration/groupCommitFiles``), then one `syncfs`,
///   the renames and one `fsync` per folder make the whole group durable at once; only then are the
///   files recorded in the journal. The fast path and the safe path are the same path.
/// - Memory is bounded by the files in flight (one file's bytes per worker), not by the tree size.
public struct BatchPipeline: Sendable {
    public struct Configuration: Sendable {
        /// Concurrent workers; defaults to the active processor count.
        public var jobs: Int
        /// Stop claiming new files after the first failure.
        public var failFast: Bool
        /// Files per group commit; `nil` sizes groups from the batch: about four groups per
        /// worker (so workers stay balanced to the end), between 16 and 256 files (every group
        /// costs a few journal commits, which dominated batches of small files at 32 per group).
        public var groupCommitFiles: Int?
        /// Append-only journal of finished files (`nil`: none).
        public var journalPath: String?
        /// Skip files the journal lists as finished.
        public var resume: Bool

        public init(jobs: Int = BatchPipeline.activeCores, failFast: Bool = false, groupCommitFiles: Int? = nil,
                    journalPath: String? = nil, resume: Bool = false) {
            self.jobs = max(1, jobs)
            self.failFast = failFast
            self.groupCommitFiles = groupCommitFiles.map { max(1, $0) }
            self.journalPath = journalPath
            self.resume = resume
        }
    }

    public enum Destination: Sendable, Hashable {
        /// Replace each input atomically.
        case inPlace
        /// Write under this folder, mirroring relative paths.
        case directory(String)
    }

    public static var activeCores: Int { max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))) }

    public let stamper: Stamper
    public let configuration: Configuration

    public init(stamper: Stamper, configuration: Configuration = Configuration()) {
        self.stamper = stamper
        self.configuration = configuration
    }

    /// Stamps `items` into `destination`.
    /// - Parameter onRecord: called for each file in item order, one call at a time (for reports and progress).
    /// - Throws: ``LabelerError`` only for batch-level failures (journal cannot be opened); per-file
    ///   failures are ``BatchRecord/Outcome/failed`` records.
    public func stamp(_ items: [FileDiscovery.Item], to destination: Destination,
                      onRecord: @Sendable (BatchRecord, BatchSummary) -> Void = { _, _ in }) throws -> BatchSummary {
        let finished = configuration.resume ? try configuration.journalPath.map(Journal.finishedInputs(at:)) ?? [] : []
        if configuration.resume { removeLeftovers(for: items, destination: destination) }
        let journal = try configuration.journalPath.map(Journal.init(path:))
        let clock = ContinuousClock()
        let start = clock.now
        let summary = Mutex(BatchSummary(total: items.count))
        let stopped = Mutex(false)
        let runner = OrderedParallelRunner<BatchRecord>(count: items.count, jobs: configuration.jobs)
        let failFast = configuration.failFast
        let groupSize = configuration.groupCommitFiles ?? min(256, max(16, items.count / (configuration.jobs * 4)))
        runner.run(claimSize: groupSize) { _, indices in
            var records: [BatchRecord] = []
            var staged: [(index: Int, file: AtomicFileWriter.Staged)] = []
            let writer = AtomicFileWriter()
            for index in indices {
                let item = items[index]
                if finished.contains(item.path) {
                    records.append(BatchRecord(path: item.path, outcome: .skippedDone))
                    continue
                }
                if failFast, stopped.withLock({ $0 }) {
                    records.append(BatchRecord(path: item.path, outcome: .notAttempted))
                    continue
                }
                let fileStart = clock.now
                let output = outputPath(for: item, destination: destination)
                do {
                    let input = try MappedFile(item.path)
                    if !item.isExplicit, ContainerFormat.sniff(input.bytes.prefix(ContainerFormat.sniffLength)) == nil {
                        records.append(BatchRecord(path: item.path, outcome: .skippedUnsupported, bytes: input.bytes.count))
                        continue
                    }
                    let stamped: StampedFile
                    do { stamped = try stamper.stamp(mapped: input.bytes) } catch { throw LabelerError.wrapping(error, path: item.path) }
                    try Self.makeParent(of: output)
                    let file = try writer.stage(stamped.plan, from: input.bytes, to: output, mode: input.mode)
                    staged.append((records.count, file))
                    records.append(BatchRecord(path: item.path, output: output, outcome: .stamped, contentID: stamped.disclosure.contentID,
                                               bytes: input.bytes.count, ms: Self.milliseconds(clock.now - fileStart)))
                } catch {
                    if failFast { stopped.withLock { $0 = true } }
                    records.append(BatchRecord(path: item.path, output: output, outcome: .failed, ms: Self.milliseconds(clock.now - fileStart),
                                               error: LabelerError.wrapping(error, path: item.path)))
                }
            }
            let commitStart = clock.now
            let results = writer.commit(staged.map(\.file))
            let commitShare = Self.milliseconds(clock.now - commitStart) / Double(max(1, staged.count))
            for (position, entry) in staged.enumerated() {
                records[entry.index].ms += commitShare
                if let failure = results[position] {
                    records[entry.index] = BatchRecord(path: records[entry.index].path, output: entry.file.destination, outcome: .failed, error: failure)
                }
            }
            if let journal {
                do {
                    try journal.append(records.filter { $0.outcome == .stamped })
                } catch {
                    let failure = LabelerError.wrapping(error, path: journal.path)
                    records = records.map { $0.outcome == .stamped ? BatchRecord(path: $0.path, output: $0.output, outcome: .failed, error: failure) : $0 }
                }
            }
            return records
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
            return summary
        }
    }

    /// Deletes temporary files an interrupted run left in the destination folders
    /// (`.NAME.labeler-*.tmp`, never anything else): they were never renamed, so they are not outputs.
    func removeLeftovers(for items: [FileDiscovery.Item], destination: Destination) {
        var folders: Set<String> = []
        for item in items { folders.insert(AtomicFileWriter.split(outputPath(for: item, destination: destination)).directory) }
        for folder in folders {
            guard let handle = opendir(folder) else { continue }
            var leftovers: [String] = []
            while let entry = readdir(handle) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
                if AtomicFileWriter.isTemporaryName(name) { leftovers.append(name) }
            }
            closedir(handle)
            for name in leftovers { unlink(folder + "/" + name) }
        }
    }

    func outputPath(for item: FileDiscovery.Item, destination: Destination) -> String {
        switch destination {
        case .inPlace: return item.path
        case .directory(let root): return (root.hasSuffix("/") ? String(root.dropLast()) : root) + "/" + item.relativePath
        }
    }

    /// `mkdir -p` of the destination's folder.
    static func makeParent(of path: String) throws {
        let directory = AtomicFileWriter.split(path).directory
        var status = stat()
        if stat(directory, &status) == 0 {
            guard (status.st_mode & S_IFMT) == S_IFDIR else { throw LabelerError(.io, "output folder '\(directory)' is not a folder", path: path) }
            return
        }
        try makeParent(of: directory)
        if mkdir(directory, 0o755) != 0, errno != EEXIST { throw FileIO.ioError("create the output folder '\(directory)'", path) }
    }

    static func milliseconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
    }

    static func seconds(_ duration: Duration) -> Double { milliseconds(duration) / 1000 }
}
