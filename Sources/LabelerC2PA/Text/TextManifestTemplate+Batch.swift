import Dispatch
import Synchronization

extension TextManifestTemplate {
    /// Signs every text of `texts` (``sign(_:instanceID:manifestID:)``) on up to `workers` threads
    /// (`DispatchQueue.concurrentPerform`), each with a fresh random instance ID (`xmp.iid:<UUID>`)
    /// and manifest ID (``RandomUUID``), in the order given. A text that fails does not stop the others.
    ///
    /// Texts are dealt out in contiguous shares, one per worker, so each worker's results are
    /// collected without a lock and stored once.
    public func sign(_ texts: [[UInt8]], workers: Int) -> [Result<[UInt8], any Error>] {
        let width = max(1, min(workers, texts.count))
        let shares = Mutex([[Result<[UInt8], any Error>]](repeating: [], count: width))
        DispatchQueue.concurrentPerform(iterations: width) { worker in
            let range = texts.count * worker / width ..< texts.count * (worker + 1) / width
            var results: [Result<[UInt8], any Error>] = []
            results.reserveCapacity(range.count)
            for index in range {
                results.append(
                    Result {
                        try sign(
                            texts[index], instanceID: "xmp.iid:" + RandomUUID.make(), manifestID: RandomUUID.make())
                    })
            }
            shares.withLock { $0[worker] = results }
        }
        return shares.withLock { $0.flatMap { $0 } }
    }
}
