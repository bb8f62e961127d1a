public import LabelerC2PA

extension Disclosure {
    /// The C2PA manifest builder for this disclosure (images, texts and streams alike): the digital
    /// source type and the AI system as `c2pa.actions.v2`, the disclosure as `cawg.metadata`
    /// (``Stamper/c2paMetadata(for:)``), a fresh `urn:c2pa:` label, and `parent` when the input
    /// already carried a manifest.
    public func manifestBuilder(
        signer: any Signer, parent: ParentIngredient? = nil, timeStampAuthority: (any TimeStampAuthority)? = nil
    ) -> ManifestBuilder {
        var builder = ManifestBuilder(
            content: .init(
                digitalSourceType: digitalSourceType.uri, softwareAgent: aiSystem,
                softwareAgentVersion: aiSystemVersion,
                instanceID: "xmp.iid:" + (contentID ?? Disclosure.randomUUID()), parent: parent,
                metadata: Stamper.c2paMetadata(for: self)),
            signer: signer, manifestID: Disclosure.randomUUID())
        builder.timeStampAuthority = timeStampAuthority
        return builder
    }
}
