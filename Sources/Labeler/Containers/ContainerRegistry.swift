/// The single dispatch point from bytes to a format: every caller that needs "which format is
/// this?" asks here, so a new format is one line in ``types``.
enum ContainerRegistry {
    /// Every supported format, tried in order by ``type(sniffing:)``.
    static let types: [any Container.Type] = [
        PNG.Handler.self,
        JPEG.Handler.self,
    ]

    /// Bytes needed to sniff any registered format.
    static let sniffLength = 8

    /// The container type whose signature starts `prefix`.
    static func type(sniffing prefix: [UInt8]) -> (any Container.Type)? {
        types.first { $0.sniff(prefix) }
    }

    /// Walks `bytes` with the container its magic bytes name.
    /// - Throws: the walker's error, or ``LabelerError/Code/unsupportedFormat`` naming the magic bytes.
    static func walk(_ bytes: [UInt8]) throws -> any Container {
        guard let type = type(sniffing: Array(bytes.prefix(sniffLength))) else { throw unsupported(bytes) }
        return try type.init(walking: bytes)
    }

    /// The error for bytes no registered format recognises.
    static func unsupported(_ bytes: some Collection<UInt8>) -> LabelerError {
        let names = types.map { $0.format.rawValue }.joined(separator: ", ")
        if bytes.isEmpty {
            return LabelerError(.unsupportedFormat, "empty file (0 bytes), not one of: \(names)", offset: 0)
        }
        let magic = bytes.prefix(4).map { byte in
            let digits = String(byte, radix: 16, uppercase: true)
            return digits.count == 1 ? "0" + digits : digits
        }.joined(separator: " ")
        return LabelerError(.unsupportedFormat, "not one of: \(names) (magic bytes \(magic) at byte 0)", offset: 0)
    }
}
