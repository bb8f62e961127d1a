/// Verifies many files concurrently and hands reports back in file order.
public struct BatchVerifier: Sendable {
    public var jobs: Int

    public init(jobs: Int = BatchPipeline.activeCores) { self.jobs = max(1, jobs) }

    /// Verifies `items`; files found in folders that are not PNG/JPEG are passed as `nil` (skipped).
    /// - Parameter onReport: called in item order, one call at a time.
    public func verify(_ items: [FileDiscovery.Item], onReport: @Sendable (FileDiscovery.Item, VerificationReport?) -> Void) {
        let runner = OrderedParallelRunner<VerificationReport?>(count: items.count, jobs: jobs)
        runner.run(claimSize: 4) { _, indices in
            indices.map { index -> VerificationReport? in
                let item = items[index]
                var report = Labeler.verify(file: item.path)
                if !item.isExplicit, report.errorCode == LabelerError.Code.unsupportedFormat.description {
                    return nil
                }
                report.path = item.path
                return report
            }
        } deliver: { index, report in
            onReport(items[index], report)
            return true
        }
    }
}
