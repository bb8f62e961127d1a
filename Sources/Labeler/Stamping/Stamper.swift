import LabelerCInterop

/// Options that change how ``Stamper`` treats an input.
public struct StampOptions: Sendable, Hashable {
    /// Stamp even when the input carries a C2PA manifest (its hard binding will no longer validate).
    public var force: Bool
    /// Fill EXIF Software / ImageDescription where empty (JPEG only).
    public var writeEXIF: Bool

    public init(force: Bool = false, writeEXIF: Bool = true) {
        self.force = force
        self.writeEXIF = writeEXIF
    }
}

/// The result of stamping one file in memory.
public struct StampedFile: Sendable {
    public var format: ContainerFormat
    /// How to build the output from the input's bytes.
    public var plan: SplicePlan
    /// The disclosure as written (content ID and time resolved).
    public var disclosure: Disclosure
}

/// Writes one disclosure into PNG and JPEG bytes, losslessly.
///
/// Only the XMP packet (and, for JPEG, the EXIF segment when a field is empty) changes; every other
/// byte is copied, so decoded pixels are identical. Inputs carrying a C2PA manifest are refused
/// unless ``StampOptions/force`` is set: any metadata edit breaks the manifest's hard binding
/// (C2PA 2.x §15.12 `c2pa.hash.data`), which exiftool and exiv2 do silently.
public struct Stamper: Sendable {
    public let disclosure: Disclosure
    public let options: StampOptions

    /// - Throws: ``LabelerError`` (``LabelerError/Code/invalidRequest``) when the disclosure cannot be written.
    public init(disclosure: Disclosure, options: StampOptions = StampOptions()) throws {
        try disclosure.validate()
        self.disclosure = disclosure
        self.options = options
    }

    /// Plans the stamped version of `bytes`.
    /// - Parameter resolved: the disclosure for this output; by default ``disclosure`` with a new content ID and time.
    /// - Throws: ``LabelerError`` (corrupt, unsupportedFormat, provenancePresent, tooLarge). The input is never modified.
    public func stamp(_ bytes: [UInt8], as resolved: Disclosure? = nil) throws -> StampedFile {
        do {
            switch ContainerFormat.sniff(bytes.prefix(ContainerFormat.sniffLength)) {
            case .png: return try stamp(.png(try PNG.Handler(bytes)), as: resolved)
            case .jpeg: return try stamp(.jpeg(try JPEG.Handler(bytes)), as: resolved)
            case nil: throw Self.unsupported(bytes)
            }
        } catch {
            throw LabelerError.wrapping(error, path: nil)
        }
    }

    /// Plans the stamped version of a mapped file: the walk runs on the mapping and the plan's
    /// original pieces refer to it, so unchanged bytes are copied once, mapping → output.
    func stamp(mapped file: UnsafeRawBufferPointer, as resolved: Disclosure? = nil) throws -> StampedFile {
        do {
            return try stamp(try MetadataFileReader.handler(for: file), as: resolved)
        } catch {
            throw LabelerError.wrapping(error, path: nil)
        }
    }

    private func stamp(_ walked: MetadataFileReader.Handler, as resolved: Disclosure?) throws -> StampedFile {
        let resolved = resolved ?? disclosure.resolved()
        do {
            switch walked {
            case .png(let handler):
                if !options.force, let manifest = handler.reader.chunks.first(where: { $0.type == .caBX }) {
                    throw Self.provenanceError(offset: manifest.offset, carrier: "caBX chunk")
                }
                let plan = try handler.plan { existing in try Self.packet(merging: existing, with: resolved) }
                return StampedFile(format: .png, plan: plan, disclosure: resolved)
            case .jpeg(let handler):
                if !options.force, handler.hasC2PA, let manifest = handler.reader.segments.first(where: handler.isJUMBF) {
                    throw Self.provenanceError(offset: manifest.offset, carrier: "APP11 JUMBF segment")
                }
                let plan = try handler.plan(
                    exif: { existing in
                        guard options.writeEXIF else { return nil }
                        return try Self.exif(filling: existing, with: resolved)
                    },
                    xmp: { existing in try Self.packet(merging: existing, with: resolved) })
                return StampedFile(format: .jpeg, plan: plan, disclosure: resolved)
            }
        } catch {
            throw LabelerError.wrapping(error, path: nil)
        }
    }

    static func packet(merging existing: MetadataSites.Packet?, with disclosure: Disclosure) throws -> [UInt8] {
        guard let existing else { return XMPPacketWriter.packet(for: disclosure) }
        do throws(XMP.Error) {
            return XMPPacketWriter.packet(merging: try XMP.Document(parsing: existing.bytes), with: disclosure)
        } catch {
            throw error.shifted(by: existing.offset)
        }
    }

    static func exif(filling existing: ArraySlice<UInt8>?, with disclosure: Disclosure) throws -> [UInt8]? {
        let software = [disclosure.aiSystem, disclosure.aiSystemVersion].compactMap { $0 }.joined(separator: " ")
        do {
            return try EXIFEditor.fillingEmpty(
                existing, software: software, imageDescription: NoticeLanguage.en.notice(for: disclosure.involvement),
                removingLabelCopies: Verifier.looksLikeAnnexE)
        } catch {
            throw LabelerError(.corrupt, "exif: \(error.message)", offset: existing?.startIndex)
        }
    }

    static func provenanceError(offset: Int, carrier: String) -> LabelerError {
        LabelerError(
            .provenancePresent,
            "carries a C2PA manifest (\(carrier) at byte \(offset)); editing metadata would break its signature's hard binding. "
                + "Refused; pass --force to stamp anyway (the manifest will no longer validate)",
            offset: offset)
    }

    static func unsupported(_ bytes: some Collection<UInt8>) -> LabelerError {
        if bytes.isEmpty { return LabelerError(.unsupportedFormat, "empty file (0 bytes), not a PNG or JPEG", offset: 0) }
        let magic = bytes.prefix(4).map { byte in
            let digits = String(byte, radix: 16, uppercase: true)
            return digits.count == 1 ? "0" + digits : digits
        }.joined(separator: " ")
        return LabelerError(.unsupportedFormat, "not a PNG or JPEG (magic bytes \(magic) at byte 0)", offset: 0)
    }
}
