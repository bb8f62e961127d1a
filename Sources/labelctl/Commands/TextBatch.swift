import Labeler

/// `labelctl text stamp` over folders or several files: the same crash-safe batch pipeline as
/// images (``BatchPipeline`` with a ``TextStamper`` as its planner): atomic writes, group commit,
/// a journal outside the output tree, `--resume`.
enum TextBatch {
    static func run(
        _ stamper: TextStamper, inputs: [String], output: String?, discovery: DiscoveryOptions, resume: Bool,
        quiet: Bool
    ) throws {
        let destination: BatchPipeline.Destination =
            output.map { .directory(StandardStreams.argumentPath($0)) } ?? .inPlace
        let pipeline = BatchPipeline(
            planner: stamper,
            configuration: .init(
                jobs: discovery.workerCount, journalPath: BatchPipeline.defaultJournalPath(for: destination),
                resume: resume, discovery: discovery.discovery))
        let summary: BatchSummary
        do {
            summary = try pipeline.stamp(CommandSupport.paths(inputs), to: destination) { record, _ in
                if record.outcome == .failed, let error = record.error { CommandSupport.printError("error: \(error)") }
                if let warning = record.warning { CommandSupport.printError("warning: \(record.path): \(warning)") }
            }
        } catch let error as LabelerError {
            throw CommandSupport.fail(error)
        }
        if !quiet { CommandSupport.printSummary(summary) }
        let status = RunStatus(summary)
        if status != .ok { throw status.exitCode }
    }
}
