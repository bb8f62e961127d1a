#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Finds the files a batch works on: named files as given, folders walked recursively.
///
/// Symlinks are not followed unless asked (then folder loops are broken by device/inode); hidden
/// entries (`.name`) are skipped and counted; so are our own crash leftovers (temporary files).
/// Only paths are held in memory, never file contents.
public struct FileDiscovery: Sendable {
    /// One file to process.
    public struct Item: Sendable, Hashable {
        /// Path to read.
        public var path: String
        /// Path relative to the named folder (or the file name, for a named file); outputs mirror it.
        public var relativePath: String
        /// True when the user named this file directly (an unsupported format is then an error, not a skip).
        public var isExplicit: Bool
    }

    public struct Counts: Sendable, Hashable, Codable {
        public var hidden = 0
        public var symlinks = 0
        public var other = 0
    }

    public var followSymlinks: Bool
    public var includeHidden: Bool
    public var shard: Shard?

    public init(followSymlinks: Bool = false, includeHidden: Bool = false, shard: Shard? = nil) {
        self.followSymlinks = followSymlinks
        self.includeHidden = includeHidden
        self.shard = shard
    }

    /// Lists the files under `inputs`, sorted within each folder so runs are deterministic.
    /// - Throws: ``LabelerError`` (`.io`) for an input that does not exist or cannot be listed.
    public func discover(_ inputs: [String]) throws -> (items: [Item], skipped: Counts) {
        var items: [Item] = []
        var counts = Counts()
        for input in inputs {
            var status = stat()
            guard stat(input, &status) == 0 else { throw FileIO.ioError("read", input) }
            if (status.st_mode & S_IFMT) == S_IFDIR {
                var visited: Set<[UInt64]> = [[UInt64(status.st_dev), UInt64(status.st_ino)]]
                let root = input.count > 1 && input.hasSuffix("/") ? String(input.dropLast()) : input
                try walk(root, relative: "", into: &items, counts: &counts, visited: &visited)
            } else {
                items.append(Item(path: input, relativePath: AtomicFileWriter.split(input).name, isExplicit: true))
            }
        }
        if let shard { items = items.filter { shard.contains($0.relativePath) } }
        return (items, counts)
    }

    private func walk(_ directory: String, relative: String, into items: inout [Item], counts: inout Counts,
                      visited: inout Set<[UInt64]>) throws {
        guard let handle = opendir(directory) else { throw FileIO.ioError("list the folder", directory) }
        var entries: [(name: String, type: UInt8)] = []
        while let entry = readdir(handle) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            if name == "." || name == ".." { continue }
            entries.append((name, entry.pointee.d_type))
        }
        closedir(handle)
        for (name, type) in entries.sorted(by: { $0.name < $1.name }) {
            let path = directory + "/" + name
            let relativePath = relative.isEmpty ? name : relative + "/" + name
            if name.hasPrefix(".") && (!includeHidden || AtomicFileWriter.isTemporaryName(name)) {
                counts.hidden += 1
                continue
            }
            var kind = type
            if kind == UInt8(DT_LNK) {
                guard followSymlinks else { counts.symlinks += 1; continue }
                kind = UInt8(DT_UNKNOWN)
            }
            var status = stat()
            if kind == UInt8(DT_UNKNOWN) {
                guard stat(path, &status) == 0 else { counts.other += 1; continue }
                kind = (status.st_mode & S_IFMT) == S_IFDIR ? UInt8(DT_DIR) : (status.st_mode & S_IFMT) == S_IFREG ? UInt8(DT_REG) : 0
            }
            if kind == UInt8(DT_DIR) {
                if followSymlinks {
                    if status.st_ino == 0 { _ = stat(path, &status) }
                    guard visited.insert([UInt64(status.st_dev), UInt64(status.st_ino)]).inserted else { counts.symlinks += 1; continue }
                }
                try walk(path, relative: relativePath, into: &items, counts: &counts, visited: &visited)
            } else if kind == UInt8(DT_REG) {
                items.append(Item(path: path, relativePath: relativePath, isExplicit: false))
            } else {
                counts.other += 1
            }
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
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]), count >= 1, (1...count).contains(index) else { return nil }
        self.index = index
        self.count = count
    }

    public func contains(_ relativePath: String) -> Bool {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in relativePath.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01B3
        }
        return Int(hash % UInt64(count)) + 1 == index
    }

    public var description: String { "\(index)/\(count)" }
}
