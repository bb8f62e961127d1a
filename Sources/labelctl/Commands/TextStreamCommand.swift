import Foundation
import Labeler
import LabelerC2PA

/// `labelctl text stamp` on standard input: the text streams through ``TextStreamStamper`` as it
/// arrives (an LLM's tokens over seconds), each read passed on at once, with constant memory; the
/// notice goes first (or last), and with `--sign` the C2PA text manifest closes the stream.
enum TextStreamCommand {
    static func run(_ stamper: TextStamper, quiet: Bool) throws {
        let disclosure = stamper.disclosure.resolved()
        let options = stamper.options
        let lines =
            options.writeNotice
            ? disclosure.languages.map { options.wording.line(for: $0, disclosure.involvement) } : []
        // As for files (NoticeEditor): the notice lines, a blank line, then the text — or at the end.
        let notice = Array(lines.joined(separator: "\n").utf8)
        let atStart = options.position == .start
        var trailer: TextStreamStamper.Trailer?
        if let signer = options.signer {
            let fixed = disclosure.manifestBuilder(signer: signer, timeStampAuthority: options.timeStampAuthority)
            trailer = { digest, offset in
                try TextManifestSigner.wrapper(forTextDigest: digest, at: offset, builder: fixed)
            }
        }
        var stream = TextStreamStamper(
            prefix: atStart && !notice.isEmpty ? notice + [0x0A, 0x0A] : [],
            suffixLine: atStart || notice.isEmpty ? [] : [0x0A] + notice,
            normalizeToNFC: trailer != nil, trailer: trailer)
        let input = FileHandle.standardInput
        let output = FileHandle.standardOutput
        do {
            while true {
                let chunk = input.availableData
                if chunk.isEmpty { break }
                let bytes = try stream.feed(chunk)
                if !bytes.isEmpty { try output.write(contentsOf: bytes) }
            }
            try output.write(contentsOf: try stream.finish())
        } catch let failure as TextStreamStamper.Failure {
            CommandSupport.printError("error: <stdin>: \(failure)")
            throw RunStatus.dataError.exitCode
        }
        if !quiet {
            CommandSupport.printError("note: <stdin>: streamed as plain text, ProduceID \(disclosure.contentID ?? "")")
        }
    }
}
