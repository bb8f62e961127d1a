/// What a batch does to one file: which files met in folders are its kind, and how one is
/// planned. The batch pipeline (walk, read once, stage, group commit, journal) is the same for
/// every kind; images (``Stamper``) and texts (``TextStamper``) plug in here.
public protocol BatchPlanner: Sendable {
    /// The disclosure written (a fixed content ID limits a run to one file).
    var disclosure: Disclosure { get }

    /// Whether a file met in a folder is one this planner stamps, from its name and first
    /// ``ContainerRegistry/sniffLength`` bytes (the file is read whole only then).
    func accepts(name: String, prefix: [UInt8]) -> Bool

    /// The output of the file named `name` with contents `bytes`, as a plan over `bytes`.
    /// - Throws: ``LabelerError`` (corrupt, unsupportedFormat, refused, …) with the byte offset.
    func plan(_ bytes: [UInt8], name: String) throws -> (plan: SplicePlan, disclosure: Disclosure)
}

extension Stamper: BatchPlanner {
    public func accepts(name: String, prefix: [UInt8]) -> Bool { ContainerRegistry.type(sniffing: prefix) != nil }

    public func plan(_ bytes: [UInt8], name: String) throws -> (plan: SplicePlan, disclosure: Disclosure) {
        guard let type = ContainerRegistry.type(sniffing: Array(bytes.prefix(ContainerRegistry.sniffLength))) else {
            throw ContainerRegistry.unsupported(bytes)
        }
        let stamped = try stamp(try type.init(walking: bytes))
        return (stamped.plan, stamped.disclosure)
    }
}

extension TextStamper: BatchPlanner {
    /// Text has no magic bytes: in folders, the extension decides (`.txt`, `.md`, `.json`, …).
    public func accepts(name: String, prefix: [UInt8]) -> Bool { TextFormat.byExtension(of: name) != nil }

    public func plan(_ bytes: [UInt8], name: String) throws -> (plan: SplicePlan, disclosure: Disclosure) {
        let stamped = try stamp(bytes, fileName: name)
        return (stamped.plan, stamped.disclosure)
    }
}
