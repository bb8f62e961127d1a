import LabelerC2PA

/// The one error type at the library's public boundary.
///
/// Layer errors (``PNG/Error``, ``JPEG/Error``, ``XMP/Error``, …) carry the evidence; the façade and the
/// pipeline wrap them into a `LabelerError` that also knows the file. Its description reads like
/// `a.png: png: chunk 'iTXt' at byte 1234 declares 4294967295 bytes, 12 remain`.
///
/// Outcomes are not errors: "no disclosure found" or "label invalid" are ``VerificationReport`` values.
public struct LabelerError: Error, Sendable, Hashable, CustomStringConvertible {
    /// An open set of error codes (new codes can be added without breaking callers).
    /// Encoded in reports as its name (`"corrupt"`, `"io"`, …).
    public struct Code: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible {
        private enum Base: String, Hashable, Sendable, CaseIterable {
            case corrupt, unsupportedFormat, provenancePresent, tooLarge, io, invalidRequest, refused
        }
        private let base: Base
        private init(_ base: Base) { self.base = base }

        /// The code named `rawValue`, if there is one.
        public init?(rawValue: String) {
            guard let base = Base(rawValue: rawValue) else { return nil }
            self.base = base
        }

        /// The code's name (Codable as this string, from the standard library's `RawRepresentable` defaults).
        public var rawValue: String { base.rawValue }

        /// The bytes violate the container's structure (truncation, bad CRC, bad lengths, bad XML).
        public static let corrupt = Code(.corrupt)
        /// The input is not a PNG or JPEG (sniffed by magic bytes, never by extension).
        public static let unsupportedFormat = Code(.unsupportedFormat)
        /// The input carries a C2PA manifest whose hard binding a metadata edit would break.
        public static let provenancePresent = Code(.provenancePresent)
        /// A size limit was hit (XMP packet too large for one APP1 segment, file too large, …).
        public static let tooLarge = Code(.tooLarge)
        /// Reading or writing the file system failed.
        public static let io = Code(.io)
        /// A safety rule refused the input (stamping in place would split a hard link, …).
        public static let refused = Code(.refused)
        /// The request itself is invalid (bad producer code, bad content ID, conflicting options).
        public static let invalidRequest = Code(.invalidRequest)

        public var description: String { base.rawValue }
    }

    public var code: Code
    /// Human-readable cause, without the path (the path is prepended by ``description``).
    public var message: String
    /// The file the error is about, once known.
    public var path: String?
    /// Absolute byte offset in that file, where the error has one.
    public var offset: Int?

    public init(_ code: Code, _ message: String, path: String? = nil, offset: Int? = nil) {
        self.code = code
        self.message = message
        self.path = path
        self.offset = offset
    }

    /// The same error, attributed to `path`.
    public func at(path: String) -> LabelerError {
        var copy = self
        copy.path = path
        return copy
    }

    public var description: String {
        var text = ""
        if let path { text += "\(path): " }
        text += message
        if let offset, !message.contains("byte \(offset)") { text += " (at byte \(offset))" }
        return text
    }

    public static func == (lhs: LabelerError, rhs: LabelerError) -> Bool { lhs.code == rhs.code }
    public func hash(into hasher: inout Hasher) { hasher.combine(code) }
}

/// Errors that can be turned into a ``LabelerError``.
protocol LabelerErrorConvertible: Error {
    var labelerError: LabelerError { get }
}

extension LabelerError {
    /// Wraps any thrown error into a `LabelerError` attributed to `path`.
    static func wrapping(_ error: any Error, path: String?) -> LabelerError {
        var wrapped: LabelerError
        if let error = error as? LabelerError {
            wrapped = error
        } else if let error = error as? any LabelerErrorConvertible {
            wrapped = error.labelerError
        } else {
            wrapped = LabelerError(.corrupt, "\(error)")
        }
        if wrapped.path == nil, let path { wrapped.path = path }
        return wrapped
    }
}

extension TimeStampAuthorityError: LabelerErrorConvertible {
    /// An unreachable authority is an I/O failure of the run, not a fault of the file.
    var labelerError: LabelerError { LabelerError(reason == .tooLarge ? .tooLarge : .io, description) }
}
