extension BatchPipeline {
    /// Where a batch writes, and the rules that keep it from harming its inputs.
    public enum Destination: Sendable, Hashable {
        /// Replace each input atomically (a named symlink's target is replaced, never the link).
        case inPlace
        /// Write under this folder, mirroring paths relative to the named folders.
        case directory(FilePath)

        /// The output path for `item` (`nil` in place when the path cannot be resolved).
        /// - Parameter mayBeSymlink: whether `item` can be a symlink (named on the command line, or
        ///   met while following links); only then is it checked, which costs an `lstat`.
        func output(for item: FileDiscovery.Item, mayBeSymlink: Bool = true) -> FilePath {
            switch self {
            case .inPlace:
                guard mayBeSymlink else { return item.path }
                // Stamp a symlink's target: renaming over the link would replace it by a file and
                // leave the real target unlabelled.
                if let status = try? System.stat(item.path, followingSymlinks: false), System.Kind(status) == .symlink {
                    return System.realPath(item.path) ?? item.path
                }
                return item.path
            case .directory(let root):
                return root.trimmingTrailingSlashes.appending(item.relativePath.bytes)
            }
        }

        /// The journal key of `item`: its path under the output folder, or its resolved path in
        /// place, so a rerun that spells the inputs differently (absolute, `./`) still matches.
        func journalKey(for item: FileDiscovery.Item, output: FilePath) -> String {
            switch self {
            case .inPlace: return (System.realPath(output) ?? output).description
            case .directory: return item.relativePath.description
            }
        }

        /// Refuses, before anything is written, a destination that would rewrite its own inputs
        /// (`-o` naming an input folder, a folder inside it, or the folder of a named file) or make
        /// two inputs land on one output path.
        /// - Throws: ``LabelerError/Code/invalidRequest`` naming the paths.
        func validate(inputs: [FilePath], discovery: FileDiscovery) throws {
            guard case .directory(let root) = self else { return }
            let output = Self.resolve(root)
            for input in inputs {
                guard let status = try System.stat(input), let resolved = System.realPath(input) else { continue }
                let isFolder = System.Kind(status) == .directory
                let folder = isFolder ? resolved : resolved.split.directory
                if output == folder || (isFolder && output.bytes.starts(with: folder.bytes + [UInt8(ascii: "/")])) {
                    throw LabelerError(
                        .invalidRequest,
                        "the output folder '\(root)' is \(output == folder ? "the same as" : "inside") the input \(isFolder ? "folder" : "file's folder") '\(input)'; stamping would rewrite the inputs. Choose an output folder outside it, or --in-place"
                    )
                }
            }
            if inputs.count > 1, let clash = OutputCollisions.first(among: inputs, discovery: discovery) {
                throw LabelerError(
                    .invalidRequest,
                    "'\(clash.0)' and '\(clash.1)' would both be written to '\(clash.relative)' under -o; stamp them separately"
                )
            }
        }

        /// The resolved form of `path`, resolving its longest existing prefix (the rest may not exist yet).
        static func resolve(_ path: FilePath) -> FilePath {
            if let resolved = System.realPath(path) { return resolved }
            let (parent, name) = path.trimmingTrailingSlashes.split
            guard parent != path, !name.isEmpty else { return path }
            return resolve(parent).appending(name)
        }

        /// Removes temporary files an interrupted run left where this run writes `folder`'s files
        /// (`.labeler-*.tmp`, never anything else): they were never renamed, so they are not outputs.
        func removeLeftovers(in folder: FilePath, relative: FilePath?, found: [[UInt8]]) {
            switch self {
            case .inPlace:
                for name in found where AtomicFileWriter.isLeftover(name) { System.unlink(folder.appending(name)) }
            case .directory(let root):
                let target = relative.map { root.trimmingTrailingSlashes.appending($0.bytes) } ?? root
                guard let entries = try? System.listFolder(target) else { return }
                for entry in entries where AtomicFileWriter.isLeftover(entry.name) {
                    System.unlink(target.appending(entry.name))
                }
            }
        }
    }
}

/// Finds two inputs of one `-o` run that mirror to the same output path: they can only clash
/// through names they share at the top, so only those are compared, folder by folder, and no
/// listing of the whole tree is ever held.
enum OutputCollisions {
    static func first(among inputs: [FilePath], discovery: FileDiscovery) -> (FilePath, FilePath, relative: FilePath)? {
        // Each input contributes its top-level names: a named file its own name, a folder its entries.
        let roots: [[(name: [UInt8], path: FilePath)]] = inputs.map { input in
            guard let status = try? System.stat(input) else { return [] }
            if System.Kind(status) != .directory { return [(input.name, input)] }
            return children(of: input, discovery: discovery)
        }
        return clash(roots, relative: nil, discovery: discovery)
    }

    private static func children(of folder: FilePath, discovery: FileDiscovery) -> [(name: [UInt8], path: FilePath)] {
        ((try? System.listFolder(folder)) ?? [])
            .filter {
                discovery.includeHidden
                    ? !AtomicFileWriter.isTemporaryName($0.name) : $0.name.first != UInt8(ascii: ".")
            }
            .map { ($0.name, folder.appending($0.name)) }
    }

    private static func clash(
        _ groups: [[(name: [UInt8], path: FilePath)]], relative: FilePath?,
        discovery: FileDiscovery
    ) -> (FilePath, FilePath, relative: FilePath)? {
        var byName: [[UInt8]: [FilePath]] = [:]
        for group in groups { for entry in group { byName[entry.name, default: []].append(entry.path) } }
        for (name, paths) in byName.sorted(by: { $0.key.lexicographicallyPrecedes($1.key) }) where paths.count > 1 {
            let path = relative.map { $0.appending(name) } ?? FilePath(bytes: name)
            let folders = paths.filter {
                (try? System.stat($0)).flatMap { $0 }.map { System.Kind($0) == .directory } ?? false
            }
            guard folders.count == paths.count else { return (paths[0], paths[1], path) }
            if let found = clash(
                folders.map { children(of: $0, discovery: discovery) }, relative: path, discovery: discovery)
            {
                return found
            }
        }
        return nil
    }
}
