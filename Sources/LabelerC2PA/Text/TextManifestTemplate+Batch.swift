import Dispatch
import Synchronization

extension TextManifestTemplate {
    /// `text` signed (``sign(_:instanceID:manifestID:)``) with a fresh random instance ID
    /// (`xmp.iid:<UUID>`) and manifest ID (``RandomUUID``, both from one `getrandom` call).
    /// - Throws: as ``sign(_:instanceID:manifestID:)``.
    public func sign(_ text: [UInt8]) throws -> [UInt8] {
        let ids = RandomUUID.make(2)
        return try sign(text, instanceID: "xmp.iid:" + ids[0], manifestID: ids[1])
    }

    /// Signs every text of `texts` (``sign(_:)``) on up to `workers` threads
    /// (`DispatchQueue.concurrentPerform`), in the order given. A text that fails does not stop the others.
    ///
    /// Workers take chunks of ``batchChunk`` texts from a shared counter until none are left, so
    /// a worker the scheduler holds back (on a shared machine) does not leave a fixed share behind;
    /// each chunk's results are stored once, under a lock.
    public func sign(_ texts: [[UInt8]], workers: Int) -> [Result<[UInt8], any Error>] {
        let chunks = (texts.count + Self.batchChunk - 1) / Self.batchChunk
        let width = max(1, min(workers, chunks))
        let next = Atomic<Int>(0)
        let slots = Mutex([[Result<[UInt8], any Error>]](repeating: [], count: chunks))
        DispatchQueue.concurrentPerform(iterations: width) { _ in
            while true {
                let chunk = next.wrappingAdd(1, ordering: .relaxed).oldValue
                guard chunk < chunks else { return }
                let range = chunk * Self.batchChunk ..< min(texts.count, (chunk + 1) * Self.batchChunk)
                let results = range.map { index in Result { try sign(texts[index]) } }
                slots.withLock { $0[chunk] = results }
            }
        }
        return slots.withLock { $0.flatMap { $0 } }
    }

    /// Texts a worker takes at a time: a few hundred microseconds of work, so the counter and the
    /// lock are touched rarely and the last chunks still balance.
    static let batchChunk = 16
}
