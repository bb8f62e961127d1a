public import LabelerC2PA
import LabelerCInterop

/// Options that change how ``Stamper`` treats an input.
public struct StampOptions: Sendable {
    /// Stamp even when the input carries a C2PA manifest (its hard binding will no longer validate).
    /// Signed stamping does not need it: the old manifests are kept as the new one's parent.
    public var force: Bool
    /// Fill EXIF Software / ImageDescription where empty (JPEG only).
    public var writeEXIF: Bool
    /// Sign: add a C2PA manifest store (claim v2, `c2pa.actions.v2`, `c2pa.hash.data`) signed by this.
    public var signer: (any Signer)?
    /// With ``signer``: time-stamp each signature (RFC 3161 token in `sigTst2`); `nil`: offline.
    public var timeStampAuthority: (any TimeStampAuthority)?
    /// Draw the notice into the pixels first (the image is re-encoded like its source); `nil`:
    /// metadata only, lossless, no pixel decoded.
    public var visibleLabel: VisibleLabelOptions?
    /// Embed the invisible watermark (after any visible label; the image is re-encoded like its
    /// source); with a ``signer`` the manifest gets a `c2pa.soft-binding` assertion for it.
    public var watermark: WatermarkOptions?

    public init(
        force: Bool = false, writeEXIF: Bool = true, signer: (any Signer)? = nil,
        timeStampAuthority: (any TimeStampAuthority)? = nil, visibleLabel: VisibleLabelOptions? = nil,
        watermark: WatermarkOptions? = nil
    ) {
        self.watermark = watermark
        self.force = force
        self.writeEXIF = writeEXIF
        self.signer = signer
        self.timeStampAuthority = timeStampAuthority
        self.visibleLabel = visibleLabel
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

/// Writes one disclosure into the bytes of any registered container format, losslessly unless a
/// pixel layer is asked for.
///
/// With ``StampOptions/visibleLabel`` the notice is drawn into the pixels first and the image is
/// re-encoded like its source with its metadata carried over (``PixelLayer``); the metadata and
/// the signature are then planned over the new bytes, so the plan holds the whole output.
/// ``StampOptions/watermark`` takes the same path: the mark is embedded after any visible label,
/// in the same decode and re-encode, and recorded in the XMP and the manifest (soft binding).
/// Otherwise only the XMP packet (and, for JPEG, the EXIF segment when a field is empty) changes; every other
/// byte is copied, so decoded pixels are identical. Unsigned stamping refuses inputs carrying a
/// C2PA manifest unless ``StampOptions/force`` is set: any metadata edit breaks the manifest's hard
/// binding (C2PA 2.x §15.12 `c2pa.hash.data`), which exiftool and exiv2 do silently. Signed
/// stamping keeps the history instead: the new manifest takes the old one as its parent ingredient.
public struct Stamper: Sendable {
    public let disclosure: Disclosure
    public let options: StampOptions

    /// - Throws: ``LabelerError`` (``LabelerError/Code/invalidRequest``) when the disclosure cannot be written.
    public init(disclosure: Disclosure, options: StampOptions = StampOptions()) throws {
        try disclosure.validate()
        self.disclosure = disclosure
        self.options = options
    }

    /// Plans the stamped version of `bytes`; the plan's kept regions refer to `bytes`.
    /// - Parameter resolved: the disclosure for this output; by default ``disclosure`` with a new content ID and time.
    /// - Throws: ``LabelerError`` (corrupt, unsupportedFormat, provenancePresent, tooLarge). The input is never modified.
    public func stamp(_ bytes: [UInt8], as resolved: Disclosure? = nil) throws -> StampedFile {
        do {
            return try stamp(try ContainerRegistry.walk(bytes), as: resolved)
        } catch {
            throw LabelerError.wrapping(error, path: nil)
        }
    }

    /// Plans the stamped version of an already walked container.
    func stamp(_ container: any Container, as resolved: Disclosure? = nil) throws -> StampedFile {
        let resolved = resolved ?? disclosure.resolved()
        if !options.force, options.signer == nil, let manifest = container.manifestStore {
            throw Self.provenanceError(offset: manifest.range.lowerBound, carrier: manifest.carrier)
        }
        var target = container
        var visibleLabel: VisibleLabelRecord?
        var watermark: WatermarkRecord?
        let pixelLayer = options.visibleLabel != nil || options.watermark != nil
        if pixelLayer {
            let rendered = try PixelLayer.render(
                in: container, visible: options.visibleLabel, watermark: options.watermark, disclosure: resolved)
            target = try type(of: container).init(walking: rendered.bytes)
            visibleLabel = rendered.visibleLabel
            watermark = rendered.watermark
        }
        let writeEXIF = options.writeEXIF
        let edit = MetadataEdit(
            xmp: { existing in
                try Self.packet(merging: existing, with: resolved, visibleLabel: visibleLabel, watermark: watermark)
            },
            exif: { existing in writeEXIF ? try Self.exif(filling: existing, with: resolved) : nil })
        do {
            var plan =
                try options.signer.map {
                    try signedPlan(
                        target, edit: edit, disclosure: resolved, signer: $0, parentSource: container,
                        watermark: watermark)
                }
                ?? target.plan(edit)
            // The pixel layer's bytes exist only in memory: the plan must carry them, not refer to them.
            if pixelLayer { plan = plan.detached(from: target.bytes) }
            return StampedFile(format: type(of: container).format, plan: plan, disclosure: resolved)
        } catch {
            throw LabelerError.wrapping(error, path: nil)
        }
    }

    static func packet(
        merging existing: MetadataSites.Packet?, with disclosure: Disclosure, visibleLabel: VisibleLabelRecord? = nil,
        watermark: WatermarkRecord? = nil
    ) throws -> [UInt8] {
        guard let existing else {
            return XMPPacketWriter.packet(for: disclosure, visibleLabel: visibleLabel, watermark: watermark)
        }
        do throws(XMP.Error) {
            return XMPPacketWriter.packet(
                merging: try XMP.Document(parsing: existing.bytes), with: disclosure, visibleLabel: visibleLabel,
                watermark: watermark)
        } catch {
            throw error.shifted(by: existing.offset)
        }
    }

    static func exif(filling existing: ArraySlice<UInt8>?, with disclosure: Disclosure) throws -> [UInt8]? {
        let software = [disclosure.aiSystem, disclosure.aiSystemVersion].compactMap { $0 }.joined(separator: " ")
        do {
            return try EXIFEditor.fillingEmpty(
                existing, software: software, imageDescription: NoticeLanguage.en.notice(for: disclosure.involvement),
                removingLabelCopies: AnnexE.looksLikeLabel)
        } catch {
            throw LabelerError(.corrupt, "exif: \(error.message)", offset: existing?.startIndex)
        }
    }

    static func provenanceError(offset: Int, carrier: String) -> LabelerError {
        LabelerError(
            .provenancePresent,
            "carries a C2PA manifest (\(carrier)); editing metadata would break its signature's hard binding. "
                + "Refused; pass --force to stamp anyway (the manifest will no longer validate)",
            offset: offset)
    }
}
