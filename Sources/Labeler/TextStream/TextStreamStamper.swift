import Crypto
import Foundation

/// Stamps text that arrives chunk by chunk (an LLM streaming tokens over seconds) with constant
/// memory: a notice goes out before the first byte of text (after a leading BOM), each chunk is
/// passed on as soon as it is safe to, and at the end an optional suffix (a notice at the end, the
/// signed C2PA text wrapper) is produced from the SHA-256 of everything emitted before it.
///
/// ```
/// [BOM] ‖ prefix ‖ text (NFC when signing) ‖ trailer(digest of all bytes before it, their count)
/// ```
/// When the trailer signs (C2PA 2.4 §A.8 binds the NFC text without the wrapper), the text is
/// normalized to NFC on the way through, as c2pa-rs' text handler writes it: a chunk is cut at the
/// last scalar that can begin a new normalization segment (``NFCBoundary``), the part before is
/// normalized and emitted, the rest waits for the next chunk. NFC of the parts equals NFC of the
/// whole because no composition or reordering crosses such a boundary (UAX #15 §9.1, "stable
/// code points"). Without a signing trailer the text passes through byte for byte.
///
/// UTF-8 is checked as it streams: a bad sequence throws with its byte offset in the input.
public struct TextStreamStamper {
    public enum Failure: Error, Sendable, Hashable, CustomStringConvertible {
        case invalidUTF8(offset: Int)
        /// The stream starts with a UTF-16 or UTF-32 byte order mark (refused, as for files).
        case wideEncoding(String)
        case trailer(String)

        public var description: String {
            switch self {
            case .invalidUTF8(let offset): return "invalid UTF-8 at byte \(offset) of the input"
            case .wideEncoding(let name):
                return "the text is \(name) (byte order mark at byte 0), not UTF-8; "
                    + "convert it first (iconv -f \(name) -t UTF-8)"
            case .trailer(let reason): return "cannot finish the stream: \(reason)"
            }
        }
    }

    /// Builds what follows the text from the SHA-256 of every byte emitted before it and their count.
    public typealias Trailer = (_ digest: [UInt8], _ offset: Int) throws -> [UInt8]

    private let prefix: [UInt8]
    private let suffixLine: [UInt8]
    private var lastEmitted: UInt8?
    private let trailer: Trailer?
    private let normalizes: Bool
    private var hasher = SHA256()
    private var emitted = 0
    private var consumed = 0
    private var started = false
    /// Bytes received but not emitted yet: an incomplete UTF-8 sequence, or (when normalizing)
    /// the scalars after the last NFC boundary.
    private var pending: [UInt8] = []

    /// How many input bytes are held back right now (for tests: memory stays bounded by a chunk
    /// plus the text since the last NFC boundary).
    var heldBack: Int { pending.count }

    /// - Parameters:
    ///   - prefix: emitted before the text (after a BOM the input starts with).
    ///   - suffixLine: a line emitted after the text (a notice at the end), on a line of its own:
    ///     after the text's final line break (then followed by one), or after one it adds; hashed
    ///     with the text.
    ///   - trailer: makes the bytes emitted after the text; `normalizeToNFC` says whether it binds
    ///     the NFC text (a C2PA text manifest) so that the text must be normalized on the way.
    public init(prefix: [UInt8], suffixLine: [UInt8] = [], normalizeToNFC: Bool, trailer: Trailer?) {
        self.prefix = prefix
        self.suffixLine = suffixLine
        self.trailer = trailer
        normalizes = normalizeToNFC
    }

    /// The bytes to send on now for `chunk`.
    /// - Throws: ``Failure/invalidUTF8(offset:)``.
    public mutating func feed(_ chunk: some Collection<UInt8>) throws -> [UInt8] {
        var output: [UInt8] = []
        if !started {
            pending += chunk
            // Wait for four bytes (or the end) to know which byte order mark, if any, leads.
            guard pending.count >= 4 else { return [] }
            output += try start()
        } else {
            pending += chunk
        }
        output += try drain(final: false)
        return output
    }

    /// Everything still held back, then the trailer.
    /// - Throws: ``Failure``: a stream that ends inside a UTF-8 sequence, or a trailer error.
    public mutating func finish() throws -> [UInt8] {
        var output = started ? [] : try start()
        output += try drain(final: true)
        if !suffixLine.isEmpty {
            let line = lastEmitted == 0x0A ? suffixLine + [0x0A] : [0x0A] + suffixLine
            record(line)
            output += line
        }
        if let trailer {
            do {
                output += try trailer(Array(hasher.finalize()), emitted)
            } catch {
                throw Failure.trailer("\(error)")
            }
        }
        return output
    }

    private mutating func start() throws -> [UInt8] {
        if let wide = TextLayout.wideEncoding(pending) { throw Failure.wideEncoding(wide) }
        started = true
        var output: [UInt8] = []
        if pending.starts(with: [0xEF, 0xBB, 0xBF]) {
            pending.removeFirst(3)
            consumed += 3
            output += [0xEF, 0xBB, 0xBF]
        }
        output += prefix
        record(output)
        return output
    }

    /// Emits the complete, normalization-safe part of ``pending``.
    private mutating func drain(final: Bool) throws -> [UInt8] {
        let complete = try validUTF8Length(final: final)
        var cut = complete
        if normalizes, !final { cut = NFCBoundary.lastSafeCut(in: pending[..<complete]) }
        guard cut > 0 else { return [] }
        let part = pending[..<cut]
        let output = normalizes ? NFCBoundary.normalized(part) : Array(part)
        pending.removeFirst(cut)
        consumed += cut
        record(output)
        return output
    }

    private mutating func record(_ bytes: [UInt8]) {
        if let last = bytes.last { lastEmitted = last }
        guard trailer != nil else {
            emitted += bytes.count
            return
        }
        bytes.withUnsafeBytes { hasher.update(bufferPointer: $0) }
        emitted += bytes.count
    }

    /// The length of the longest prefix of ``pending`` made of whole, valid UTF-8 sequences; at
    /// the end of the stream the whole of it must be.
    private func validUTF8Length(final: Bool) throws -> Int {
        var index = 0
        let bytes = pending
        while index < bytes.count {
            let lead = bytes[index]
            let length: Int
            switch lead {
            case 0x00 ... 0x7F: length = 1
            case 0xC2 ... 0xDF: length = 2
            case 0xE0 ... 0xEF: length = 3
            case 0xF0 ... 0xF4: length = 4
            default: throw Failure.invalidUTF8(offset: consumed + index)
            }
            if index + length > bytes.count {
                // Check what is there, then wait for the rest (or fail at the end).
                try checkContinuation(bytes, at: index, upTo: bytes.count, lead: lead)
                if final { throw Failure.invalidUTF8(offset: consumed + index) }
                return index
            }
            try checkContinuation(bytes, at: index, upTo: index + length, lead: lead)
            index += length
        }
        return index
    }

    /// RFC 3629 §4: continuation bytes, no overlongs, no surrogates, nothing past U+10FFFF.
    private func checkContinuation(_ bytes: [UInt8], at index: Int, upTo end: Int, lead: UInt8) throws {
        guard index + 1 < end else { return }
        let second = bytes[index + 1]
        let range: ClosedRange<UInt8> =
            switch lead {
            case 0xE0: 0xA0 ... 0xBF
            case 0xED: 0x80 ... 0x9F
            case 0xF0: 0x90 ... 0xBF
            case 0xF4: 0x80 ... 0x8F
            default: 0x80 ... 0xBF
            }
        guard range.contains(second) else { throw Failure.invalidUTF8(offset: consumed + index) }
        for position in index + 2 ..< max(index + 2, end) where !(0x80 ... 0xBF).contains(bytes[position]) {
            throw Failure.invalidUTF8(offset: consumed + index)
        }
    }
}
