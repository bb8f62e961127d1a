import Synchronization

extension BatchPipeline {
    /// What one worker does with a claimed run of files: read, plan, stage, group-commit, journal.
    /// Shared by every Dispatch worker of one batch.
    final class Worker: Sendable {
        let pipeline: BatchPipeline
        let destination: Destination
        let finished: Set<UInt64>
        let journal: Journal?
        /// Set by the first failure under `--fail-fast`.
        let stopped = Mutex(false)

        init(pipeline: BatchPipeline, destination: Destination, finished: Set<UInt64>, journal: Journal?) {
            self.pipeline = pipeline
            self.destination = destination
            self.finished = finished
            self.journal = journal
        }

        /// One record per entry, in order.
        func process(_ entries: [FileDiscovery.Entry]) -> [BatchRecord] {
            let configuration = pipeline.configuration
            let clock = ContinuousClock()
            let writer = AtomicFileWriter()
            var records: [BatchRecord] = []
            var group: [(index: Int, file: AtomicFileWriter.Staged, key: String)] = []
            var groupBytes = 0
            var madeFolder: FilePath?
            for entry in entries {
                let item: FileDiscovery.Item
                switch entry {
                case .missing(let path, let error):
                    records.append(BatchRecord(path: path, outcome: .failed, error: error))
                    continue
                case .file(let file):
                    item = file
                }
                let output = destination.output(
                    for: item, mayBeSymlink: item.isExplicit || pipeline.configuration.discovery.followSymlinks)
                // The key costs a realpath in place: only computed when a journal reads or records it.
                let key = journal != nil || !finished.isEmpty ? destination.journalKey(for: item, output: output) : ""
                if !finished.isEmpty, finished.contains(FNV1a.hash(key.utf8)) {
                    records.append(BatchRecord(path: item.path, output: output, outcome: .skippedDone))
                    continue
                }
                if configuration.failFast, stopped.withLock({ $0 }) {
                    records.append(BatchRecord(path: item.path, outcome: .notAttempted))
                    continue
                }
                let fileStart = clock.now
                do {
                    // Files met in folders are read whole only if their format is one we write.
                    let planner = pipeline.planner
                    let name = String(decoding: item.path.name, as: UTF8.self)
                    let input = try InputFile(
                        reading: item.path,
                        onlyIf: item.isExplicit ? nil : { planner.accepts(name: name, prefix: $0) })
                    guard input.isComplete else {
                        records.append(BatchRecord(path: item.path, outcome: .skippedUnsupported, bytes: input.size))
                        continue
                    }
                    let attributes: AtomicFileWriter.Attributes
                    switch destination {
                    case .inPlace:
                        if input.linkCount > 1 {
                            throw LabelerError(
                                .refused,
                                "has \(input.linkCount) hard links; replacing it in place would leave the other names unlabelled. Refused: stamp with -o, or break the links first"
                            )
                        }
                        attributes = .replacing(input)
                    case .directory:
                        attributes = .newFile(like: input)
                    }
                    let stamped: (plan: SplicePlan, disclosure: Disclosure)
                    do { stamped = try planner.plan(input.bytes, name: name) } catch {
                        throw LabelerError.wrapping(error, path: item.path.description)
                    }
                    let folder = output.split.directory
                    if folder != madeFolder {
                        try BatchPipeline.makeFolder(folder, mode: 0o777 & ~System.umask)
                        madeFolder = folder
                    }
                    let file = try writer.stage(
                        stamped.plan, from: input.bytes, to: output, attributes: attributes, inputCheck: input.check)
                    group.append((records.count, file, key))
                    groupBytes += stamped.plan.outputSize
                    records.append(
                        BatchRecord(
                            path: item.path, output: output, outcome: .stamped, contentID: stamped.disclosure.contentID,
                            bytes: input.bytes.count, ms: BatchPipeline.milliseconds(clock.now - fileStart)))
                } catch {
                    if configuration.failFast { stopped.withLock { $0 = true } }
                    records.append(
                        BatchRecord(
                            path: item.path, output: output, outcome: .failed,
                            ms: BatchPipeline.milliseconds(clock.now - fileStart),
                            error: LabelerError.wrapping(error, path: item.path.description)))
                }
                if groupBytes >= configuration.groupCommitBytes {
                    commit(group, into: &records, writer: writer)
                    group = []
                    groupBytes = 0
                }
            }
            commit(group, into: &records, writer: writer)
            return records
        }

        /// Syncs, checks and renames a group, then journals what is in place. A file whose journal
        /// line cannot be written stays stamped (its output is in place) and says so.
        private func commit(
            _ group: [(index: Int, file: AtomicFileWriter.Staged, key: String)], into records: inout [BatchRecord],
            writer: AtomicFileWriter
        ) {
            guard !group.isEmpty else { return }
            let clock = ContinuousClock()
            let start = clock.now
            let results = writer.commit(group.map(\.file))
            let share = BatchPipeline.milliseconds(clock.now - start) / Double(group.count)
            var done: [(index: Int, key: String)] = []
            for (position, entry) in group.enumerated() {
                records[entry.index].ms += share
                if let failure = results[position] {
                    records[entry.index] = BatchRecord(
                        path: records[entry.index].path, output: entry.file.destination, outcome: .failed,
                        error: failure)
                    if pipeline.configuration.failFast { stopped.withLock { $0 = true } }
                } else {
                    done.append((entry.index, entry.key))
                }
            }
            guard let journal else { return }
            do {
                try journal.append(done.map { Journal.Line(key: $0.key, contentID: records[$0.index].contentID) })
            } catch {
                let failure = LabelerError.wrapping(error, path: journal.path.description)
                for entry in done {
                    records[entry.index].warning =
                        "stamped, but not recorded in the journal (\(failure)); --resume will stamp it again"
                }
            }
        }
    }
}
