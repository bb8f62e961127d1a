extension Labeler {
    /// Stamps the text file `input` and atomically writes the result to `output` (which may be
    /// `input` itself: replaced in one rename, owner and permission bits kept), through the same
    /// ``AtomicFileWriter`` path as images. The format is decided from `input`'s name unless the
    /// stamper's options fix it.
    /// - Throws: ``LabelerError`` naming the file and, for bad input, the byte offset. On error no
    ///   output is left behind and the input is unchanged.
    @discardableResult
    public static func stampText(
        file input: FilePath, to output: FilePath, with stamper: TextStamper
    ) throws
        -> StampedText
    {
        let file = try InputFile(reading: input)
        let stamped: StampedText
        do {
            stamped = try stamper.stamp(file.bytes, fileName: String(decoding: input.name, as: UTF8.self))
        } catch {
            throw LabelerError.wrapping(error, path: input.description)
        }
        let attributes: AtomicFileWriter.Attributes = input == output ? .replacing(file) : .newFile(like: file)
        try write(stamped.plan, from: file.bytes, to: output, attributes: attributes, inputCheck: file.check)
        return stamped
    }

    /// Stamps the text file `input` and returns the output bytes (for standard output).
    /// - Throws: ``LabelerError`` naming the file and, for bad input, the byte offset.
    public static func stampText(file input: FilePath, with stamper: TextStamper) throws -> (StampedText, [UInt8]) {
        let file = try InputFile(reading: input)
        do {
            let stamped = try stamper.stamp(file.bytes, fileName: String(decoding: input.name, as: UTF8.self))
            return (stamped, stamped.output(from: file.bytes))
        } catch {
            throw LabelerError.wrapping(error, path: input.description)
        }
    }

    /// Stamps text read from elsewhere (standard input) into the new or replaced file `output`
    /// (mode 0666 less the umask), atomically.
    @discardableResult
    public static func stampText(
        _ bytes: [UInt8], fileName: String? = nil, to output: FilePath, with stamper: TextStamper
    ) throws -> StampedText {
        let stamped: StampedText
        do { stamped = try stamper.stamp(bytes, fileName: fileName) } catch {
            throw LabelerError.wrapping(error, path: "<stdin>")
        }
        let attributes = AtomicFileWriter.Attributes(mode: 0o666 & ~System.umask, owner: nil)
        try write(stamped.plan, from: bytes, to: output, attributes: attributes, inputCheck: nil)
        return stamped
    }

    /// Verifies the text file at `path`; unreadable files give a report with verdict `.error`.
    public static func verifyText(
        file path: FilePath, with verifier: TextVerifier = TextVerifier()
    ) -> VerificationReport {
        var report: VerificationReport
        do {
            report = verifier.verify(
                try InputFile(reading: path).bytes, fileName: String(decoding: path.name, as: UTF8.self))
        } catch {
            report = VerificationReport(
                format: nil, verdict: .error, layers: [], regimes: [], error: LabelerError.wrapping(error, path: nil))
        }
        report.path = path
        return report
    }

    private static func write(
        _ plan: SplicePlan, from bytes: [UInt8], to output: FilePath, attributes: AtomicFileWriter.Attributes,
        inputCheck: InputFile.Check?
    ) throws {
        let writer = AtomicFileWriter()
        let staged = try writer.stage(plan, from: bytes, to: output, attributes: attributes, inputCheck: inputCheck)
        if let failure = writer.commit([staged]).first ?? nil { throw failure }
    }
}
