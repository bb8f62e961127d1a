/// The structure of a file as `inspect` shows it.
public struct ContainerMap: Sendable, Codable, Hashable {
    public struct Entry: Sendable, Codable, Hashable {
        public var name: String
        public var offset: Int
        public var length: Int
        /// What the entry carries, when it is metadata (`XMP`, `Exif`, `C2PA`, `text AIGC`, …).
        public var note: String?
    }

    public var format: ContainerFormat
    public var fileSize: Int
    public var entries: [Entry]
}
