import LabelerC2PA

extension Stamper {
    /// The plan of a signed stamp, made with one read and one write of the file:
    /// 1. lay the store out: its size is fixed once the exclusion is known (``ManifestBuilder``);
    /// 2. plan the output with that many reserved bytes where the store's carrier goes;
    /// 3. hash the planned output outside the reservation (`c2pa.hash.data`, C2PA 2.x §18.5);
    /// 4. build and sign the store (and time-stamp the signature, into a fixed budget), wrap it in
    ///    its carrier, and fill the reservation.
    ///
    /// The XMP, Exif and every other site are planned first and covered by the hash, so the
    /// manifest binds the disclosure as written. An input that already carries a manifest store
    /// keeps it: its manifests are copied into the new store and the new manifest opens the old
    /// active one as its parent ingredient (``ParentIngredient``), validated as it was found.
    ///
    /// `parentSource` is the file as found when `container` is a re-encoding of it (a pixel layer
    /// was drawn): the parent ingredient is read and validated there. A `watermark` embedded in the
    /// pixels becomes a `c2pa.soft-binding` assertion (its 8 payload bytes).
    func signedPlan(
        _ container: any Container, edit: MetadataEdit, disclosure: Disclosure, signer: any Signer,
        parentSource: (any Container)? = nil, watermark: WatermarkRecord? = nil
    ) throws -> SplicePlan {
        let format = type(of: container)
        var builder = disclosure.manifestBuilder(
            signer: signer, parent: try Self.parentIngredient(of: parentSource ?? container))
        builder.content.softBinding = watermark.map {
            ManifestBuilder.SoftBinding(algorithm: WatermarkRecord.algorithm, value: $0.payloadBytes)
        }
        builder.timeStampAuthority = options.timeStampAuthority
        // Only original bytes precede the carrier, so where it starts is known before planning.
        let start = container.c2paCarrierOffset
        let layout = try builder.layout(start: start, carrierSize: format.c2paCarrierSize)
        var reserved = edit
        reserved.c2paCarrier = [UInt8](repeating: 0, count: layout.exclusionLength)
        var plan = try container.plan(reserved)
        let exclusion = start ..< start + layout.exclusionLength
        guard plan.region(for: .c2pa)?.output == exclusion else {
            throw LabelerError(
                .invalidRequest, "\(format.format): the C2PA carrier is not where the container said it goes")
        }
        var hasher = DataHasher()
        plan.forEachChunk(of: container.bytes, excluding: .c2pa) { hasher.update($0) }
        let store = try builder.store(exclusion: exclusion, dataHash: hasher.finalize())
        let carrier = try format.c2paCarrier(store: store)
        guard store.count == layout.storeSize, plan.fill(.c2pa, with: carrier) else {
            throw LabelerError(
                .invalidRequest,
                "c2pa: the signed store (\(store.count) bytes) does not fill its reservation (\(layout.storeSize))")
        }
        return plan
    }

    /// The parent ingredient for an input carrying a manifest store, validated against the input
    /// as found (no trust anchors: the parent's trust is the reader's business); `nil` without one.
    /// - Throws: ``LabelerError/Code/provenancePresent`` when the store cannot be read (it cannot be
    ///   kept; `--force` without `--sign` replaces it).
    static func parentIngredient(of container: any Container) throws -> ParentIngredient? {
        guard let found = container.manifestStore else { return nil }
        do {
            guard let bytes = container.manifestStoreBytes() else {
                throw ManifestError("the store's parts do not join")
            }
            let store = try ManifestStore(parsing: bytes)
            let validation = ManifestValidator().validate(store, asset: container.bytes)
            return try ParentIngredient(store: store, validation: validation, format: type(of: container).mediaType)
        } catch {
            throw LabelerError(
                .provenancePresent,
                "carries a C2PA manifest store (\(found.carrier)) that cannot be kept as the parent: \(error)",
                offset: found.range.lowerBound)
        }
    }

    /// The disclosure as a `cawg.metadata` assertion: JSON-LD with the IPTC and TC260 properties
    /// the XMP carries (C2PA 2.x §18.13 metadata; CAWG metadata assertion 1.1).
    static func c2paMetadata(for disclosure: Disclosure) -> [UInt8] {
        var members: [(key: String, value: JSONValue)] = [
            (
                "@context",
                .object([
                    ("Iptc4xmpExt", .string(XMP.Namespace.iptcExt)), ("TC260", .string(XMP.Namespace.tc260)),
                    ("dc", .string(XMP.Namespace.dc)),
                ])
            ),
            ("Iptc4xmpExt:DigitalSourceType", .string(disclosure.digitalSourceType.uri)),
            ("Iptc4xmpExt:AISystemUsed", .string(disclosure.aiSystem)),
        ]
        if let version = disclosure.aiSystemVersion {
            members.append(("Iptc4xmpExt:AISystemVersionUsed", .string(version)))
        }
        members.append(("TC260:AIGC", .string(AnnexE.innerJSON(for: disclosure))))
        if let name = disclosure.producerDisplayName { members.append(("dc:publisher", .array([.string(name)]))) }
        return Array(JSONValue.object(members).serialized.utf8)
    }
}
