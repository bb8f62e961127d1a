/// A file format Labeler reads and writes, named by a stable lower-case string (`png`, `jpeg`).
///
/// An open set: each format declares its own value in its folder (`ContainerFormat.png` in
/// `PNG/`), and ``ContainerRegistry`` lists the formats; adding one touches its folder and one line
/// there. Encoded in reports as the bare string.
public struct ContainerFormat: RawRepresentable, Sendable, Hashable, Codable, CustomStringConvertible {
    public let rawValue: String

    /// (Codable as the bare string comes from the standard library's `RawRepresentable` defaults.)
    public init(rawValue: String) { self.rawValue = rawValue }

    public var description: String { rawValue }

    /// The registered format whose signature starts `prefix`, or `nil` (sniffed by magic bytes, never by extension).
    public static func sniff<Bytes: Collection<UInt8>>(_ prefix: Bytes) -> ContainerFormat? {
        ContainerRegistry.type(sniffing: Array(prefix.prefix(ContainerRegistry.sniffLength)))?.format
    }
}
