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
    /// manifest binds the disclosure as written.
    func signedPlan(
        _ container: any Container, edit: MetadataEdit, disclosure: Disclosure, signer: any Signer
    ) throws -> SplicePlan {
        let format = type(of: container)
        var builder = ManifestBuilder(
            content: .init(
                digitalSourceType: disclosure.digitalSourceType.uri, softwareAgent: disclosure.aiSystem,
                softwareAgentVersion: disclosure.aiSystemVersion,
                instanceID: "xmp.iid:" + (disclosure.contentID ?? Disclosure.randomUUID())),
            signer: signer, manifestID: Disclosure.randomUUID())
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
}
