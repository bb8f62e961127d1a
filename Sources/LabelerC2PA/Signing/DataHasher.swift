import Crypto

/// SHA-256 over an asset fed piece by piece (the planned output, without the store's carrier):
/// the `c2pa.hash.data` value (C2PA 2.x §18.5).
public struct DataHasher: Sendable {
    private var hasher = SHA256()

    public init() {}

    public mutating func update(_ bytes: ArraySlice<UInt8>) {
        bytes.withUnsafeBytes { hasher.update(bufferPointer: $0) }
    }

    public func finalize() -> [UInt8] { Array(hasher.finalize()) }
}
