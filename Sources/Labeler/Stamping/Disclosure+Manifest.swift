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
            content: manifestContent(parent: parent), signer: signer, manifestID: Disclosure.randomUUID())
        builder.timeStampAuthority = timeStampAuthority
        return builder
    }

    /// What ``manifestBuilder(signer:parent:timeStampAuthority:)`` says about the asset: the
    /// digital source type, the AI system, the instance ID (`xmp.iid:` and the content ID, else a
    /// fresh UUID) and the disclosure as `cawg.metadata`.
    public func manifestContent(parent: ParentIngredient? = nil) -> ManifestBuilder.Content {
        .init(
            digitalSourceType: digitalSourceType.uri, softwareAgent: aiSystem, softwareAgentVersion: aiSystemVersion,
            instanceID: "xmp.iid:" + (contentID ?? Disclosure.randomUUID()), parent: parent,
            metadata: Stamper.c2paMetadata(for: self))
    }
}
