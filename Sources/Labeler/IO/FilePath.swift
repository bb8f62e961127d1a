/// A file-system path as the bytes the kernel knows it by.
///
/// Linux file names are bytes, not text: a name that is not UTF-8 (Latin-1 from an old archive,
/// say) must still be stamped, verified and checked, so paths never pass through `String` on
/// their way to a system call. ``description`` shows them as `ls` does, with control characters
/// and invalid bytes escaped, so a crafted name cannot print a fake report line.
public struct FilePath: Sendable, Hashable, Comparable, CustomStringConvertible, ExpressibleByStringLiteral {
    /// The path's bytes, without a terminating NUL.
    public var bytes: [UInt8]

    public init(bytes: some Sequence<UInt8>) { self.bytes = Array(bytes) }
    public init(_ string: String) { bytes = Array(string.utf8) }
    public init(stringLiteral value: String) { self.init(value) }

    /// The path as text when it is valid UTF-8 (else `nil`).
    public var string: String? { String(validating: bytes, as: UTF8.self) }

    /// The path for people and reports: UTF-8 as is, other bytes and controls escaped
    /// (`\n`, `\t`, `\x1B`, `\xFF`, and `\\` for a backslash).
    public var description: String {
        var text = ""
        var index = 0
        while index < bytes.count {
            let length = Self.utf8SequenceLength(bytes, at: index)
            if length > 1, let scalar = String(validating: bytes[index ..< index + length], as: UTF8.self) {
                text += scalar
                index += length
                continue
            }
            let byte = bytes[index]
            switch byte {
            case 0x5C: text += "\\\\"
            case 0x0A: text += "\\n"
            case 0x0D: text += "\\r"
            case 0x09: text += "\\t"
            case 0x20 ... 0x7E: text.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let digits = String(byte, radix: 16, uppercase: true)
                text += "\\x" + (digits.count == 1 ? "0" : "") + digits
            }
            index += 1
        }
        return text
    }

    /// Length of the well-formed UTF-8 sequence starting at `index`, or 1.
    private static func utf8SequenceLength(_ bytes: [UInt8], at index: Int) -> Int {
        let lead = bytes[index]
        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1
        guard length > 1, index + length <= bytes.count else { return 1 }
        for offset in 1 ..< length where bytes[index + offset] & 0xC0 != 0x80 { return 1 }
        // Scalars U+0080...U+009F are C1 controls: escape them too.
        if length == 2, lead == 0xC2, bytes[index + 1] < 0xA0 { return 1 }
        return length
    }

    /// `self/name`.
    public func appending(_ name: some Sequence<UInt8>) -> FilePath {
        var copy = self
        if copy.bytes.last != UInt8(ascii: "/") { copy.bytes.append(UInt8(ascii: "/")) }
        copy.bytes += name
        return copy
    }

    public func appending(_ name: String) -> FilePath { appending(name.utf8) }

    /// The folder and the last component (`.` for a bare name, `/` for a file at the root).
    public var split: (directory: FilePath, name: [UInt8]) {
        guard let slash = bytes.lastIndex(of: UInt8(ascii: "/")) else { return (".", bytes) }
        let directory = slash == 0 ? FilePath("/") : FilePath(bytes: bytes[..<slash])
        return (directory, Array(bytes[(slash + 1)...]))
    }

    /// The last component.
    public var name: [UInt8] { split.name }

    /// The path without trailing slashes (but `/` stays `/`).
    public var trimmingTrailingSlashes: FilePath {
        var copy = self
        while copy.bytes.count > 1, copy.bytes.last == UInt8(ascii: "/") { copy.bytes.removeLast() }
        return copy
    }

    /// Runs `body` with the path as a NUL-terminated C string.
    func withCString<R>(_ body: (UnsafePointer<CChar>) throws -> R) rethrows -> R {
        try (bytes + [0]).withUnsafeBufferPointer { buffer in
            try buffer.withMemoryRebound(to: CChar.self) { chars in
                // A buffer with at least one element (the NUL) always has a base address.
                guard let base = chars.baseAddress else { preconditionFailure("empty C string buffer") }
                return try body(base)
            }
        }
    }

    public static func < (lhs: FilePath, rhs: FilePath) -> Bool { lhs.bytes.lexicographicallyPrecedes(rhs.bytes) }
}

extension FilePath: Codable {
    /// Encoded as text: the UTF-8 path, or the escaped ``description`` when it is not UTF-8.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(string ?? description)
    }

    public init(from decoder: any Decoder) throws {
        self.init(try decoder.singleValueContainer().decode(String.self))
    }
}
