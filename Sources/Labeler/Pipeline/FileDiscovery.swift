/// Finds the files a batch works on: named files as given, folders walked recursively, streamed.
///
/// The walk never holds the tree: only the sorted listing of each folder on the current path, so
/// memory stays flat from ten thousand files to ten million. Order is deterministic (inputs as
/// given, each folder's entries sorted by their bytes). Symlinks inside folders are not followed
/// unless asked (then folder loops are broken by device/inode); hidden entries (`.name`) are
/// skipped and counted; so are our own crash leftovers (temporary files). A named input that does
/// not exist becomes one ``Entry/missing(_:_:)`` entry; the walk goes on with the rest.
public struct FileDiscovery: Sendable {
    /// One file to process.
    public struct Item: Sendable, Hashable {
        /// Path to read.
        public var path: FilePath
        /// Path relative to the named folder (or the file name, for a named file); outputs mirror it.
        public var relativePath: FilePath
        /// True when the user named this file directly (an unsupported format is then an error, not a skip).
        public var isExplicit: Bool

        public init(path: FilePath, relativePath: FilePath, isExplicit: Bool) {
            self.path = path
            self.relativePath = relativePath
            self.isExplicit = isExplicit
        }
    }

    /// What the walk yields.
    public enum Entry: Sendable {
        case file(Item)
        /// A named input, or a folder met on the way, that could not be read.
        case missing(FilePath, LabelerError)

        /// The file, for ``file(_:)``.
        public var item: Item? {
            if case .file(let item) = self { return item }
            return nil
        }
    }

    public struct Counts: Sendable, Hashable, Codable {
        public var hidden = 0
        public var symlinks = 0
        public var other = 0
        public init() {}
    }

    public var followSymlinks: Bool
    public var includeHidden: Bool
    public var shard: Shard?

    public init(followSymlinks: Bool = false, includeHidden: Bool = false, shard: Shard? = nil) {
        self.followSymlinks = followSymlinks
        self.includeHidden = includeHidden
        self.shard = shard
    }

    /// A walk over `inputs`, pulled one entry at a time.
    public func walk(_ inputs: [FilePath]) -> Walker { Walker(discovery: self, inputs: inputs) }

    /// Every entry under `inputs`, collected (for small inputs and tests; batches stream ``walk(_:)``).
    public func discover(_ inputs: [FilePath]) -> (entries: [Entry], skipped: Counts) {
        var walker = walk(inputs)
        var entries: [Entry] = []
        while let entry = walker.next() { entries.append(entry) }
        return (entries, walker.counts)
    }

    /// The files under `inputs` (paths as text), collected; missing inputs as ``Entry/missing(_:_:)``.
    public func discover(_ inputs: [String]) -> (entries: [Entry], skipped: Counts) {
        discover(inputs.map { FilePath($0) })
    }

    /// The walk's state: the inputs not yet started and, for the folder being walked, the stack of
    /// sorted listings from the named folder down.
    public struct Walker: IteratorProtocol, Sendable {
        struct Frame: Sendable {
            var path: FilePath
            var relative: FilePath?
            var entries: [(name: [UInt8], kind: System.Kind)]
            var next = 0
        }

        let discovery: FileDiscovery
        var inputs: ArraySlice<FilePath>
        var stack: [Frame] = []
        var visited: Set<[UInt64]> = []
        /// Entries skipped so far.
        public private(set) var counts = Counts()
        /// Called with each folder entered (its path and the path relative to the named folder)
        /// and the names of our temporary leftovers in it.
        var onFolder: (@Sendable (FilePath, FilePath?, [[UInt8]]) -> Void)?

        init(discovery: FileDiscovery, inputs: [FilePath]) {
            self.discovery = discovery
            self.inputs = inputs[...]
        }

        public mutating func next() -> Entry? {
            while true {
                if let entry = nextInFolder() { return entry }
                guard let input = inputs.popFirst() else { return nil }  // nextInFolder emptied the stack
                let status: System.FileStatus?
                do { status = try System.stat(input) } catch {
                    return .missing(input, LabelerError.wrapping(error, path: input.description))
                }
                guard let status else {
                    return .missing(
                        input, LabelerError(.io, "cannot read: No such file or directory", path: input.description))
                }
                if System.Kind(status) == .directory {
                    visited = [[status.device, status.inode]]
                    if let failure = enter(input.trimmingTrailingSlashes, relative: nil) { return failure }
                } else {
                    let item = Item(path: input, relativePath: FilePath(bytes: input.name), isExplicit: true)
                    if discovery.shard?.contains(item.relativePath) ?? true { return .file(item) }
                }
            }
        }

        /// Lists `folder` and pushes it; returns an entry for a folder that cannot be listed.
        private mutating func enter(_ folder: FilePath, relative: FilePath?) -> Entry? {
            do {
                let entries = try System.listFolder(folder).sorted { $0.name.lexicographicallyPrecedes($1.name) }
                onFolder?(folder, relative, entries.map(\.name).filter(AtomicFileWriter.isTemporaryName))
                stack.append(Frame(path: folder, relative: relative, entries: entries))
                return nil
            } catch {
                return .missing(folder, LabelerError.wrapping(error, path: folder.description))
            }
        }

        private mutating func nextInFolder() -> Entry? {
            while let top = stack.indices.last {
                guard stack[top].next < stack[top].entries.count else {
                    stack.removeLast()
                    continue
                }
                let (name, entryKind) = stack[top].entries[stack[top].next]
                stack[top].next += 1
                let frame = stack[top]
                let path = frame.path.appending(name)
                let relative = frame.relative.map { $0.appending(name) } ?? FilePath(bytes: name)
                if name.first == UInt8(ascii: ".")
                    && (!discovery.includeHidden || AtomicFileWriter.isTemporaryName(name))
                {
                    counts.hidden += 1
                    continue
                }
                var kind = entryKind
                var status: System.FileStatus?
                if kind == .symlink {
                    guard discovery.followSymlinks else { counts.symlinks += 1; continue }
                    kind = .unknown
                }
                if kind == .unknown {
                    guard let found = try? System.stat(path) else { counts.other += 1; continue }
                    status = found
                    kind = System.Kind(found)
                }
                if kind == .directory {
                    if discovery.followSymlinks {
                        if status == nil { status = try? System.stat(path) }
                        guard let status, visited.insert([status.device, status.inode]).inserted else {
                            counts.symlinks += 1
                            continue
                        }
                    }
                    if let failure = enter(path, relative: relative) { return failure }
                } else if kind == .regular {
                    if discovery.shard?.contains(relative) ?? true {
                        return .file(Item(path: path, relativePath: relative, isExplicit: false))
                    }
                } else {
                    counts.other += 1
                }
            }
            return nil
        }
    }
}

/// One part of a deterministic N-way split of a tree: `--shard I/N` (1-based I).
///
/// A file belongs to shard `FNV-1a-64(relative path) % N + 1`, so N machines given the same tree
/// split it with no coordination, and a file always lands in the same shard.
public struct Shard: Sendable, Hashable, Codable, CustomStringConvertible {
    public let index: Int
    public let count: Int

    /// Parses `I/N` with 1 ≤ I ≤ N.
    public init?(_ text: String) {
        let parts = text.split(separator: "/")
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]), count >= 1,
            (1 ... count).contains(index)
        else { return nil }
        self.index = index
        self.count = count
    }

    public func contains(_ relativePath: FilePath) -> Bool {
        Int(FNV1a.hash(relativePath.bytes) % UInt64(count)) + 1 == index
    }

    public var description: String { "\(index)/\(count)" }
}

/// FNV-1a, 64-bit: a small, stable, non-cryptographic hash (shards, journal keys).
enum FNV1a {
    static func hash(_ bytes: some Sequence<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01B3
        }
        return hash
    }
}
