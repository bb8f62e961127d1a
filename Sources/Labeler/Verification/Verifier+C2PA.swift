import LabelerC2PA

extension Verifier {
    /// The C2PA layer: the store is reassembled from its carriers and its active manifest
    /// validated (claim signature, hashed URIs, data hash over this file; C2PA 2.x §15).
    ///
    /// `present` when valid, `invalid` on any failure but an untrusted credential (which is a
    /// warning: no trust anchors are configured, so intact reads as intact, not as trusted). Each
    /// C2PA status code becomes a finding of kind `c2pa.<code>`.
    func readC2PA(_ container: any Container, sites: MetadataSites) -> LayerReport {
        guard !sites.provenance.isEmpty else { return LayerReport(name: .c2pa, status: .absent) }
        var layer = LayerReport(name: .c2pa, status: .present, locations: sites.provenance.map(\.carrier))
        let store: ManifestStore
        do {
            guard let bytes = container.manifestStoreBytes() else {
                throw ManifestError("the JUMBF carrier holds no C2PA manifest store")
            }
            store = try ManifestStore(parsing: bytes)
        } catch {
            layer.status = .invalid
            layer.problems.append(Finding(Finding.Kind(rawValue: "c2pa.manifest.malformed"), "\(error)"))
            return layer
        }
        let result = ManifestValidator(trustAnchors: trustAnchors).validate(store, asset: container.bytes)
        Self.fill(&layer, with: result, store: store)
        return layer
    }

    /// The c2pa layer's fields and findings for a validation (shared by images and texts).
    static func fill(_ layer: inout LayerReport, with result: ManifestValidation, store: ManifestStore?) {
        layer.fields["ValidationState"] = result.state.rawValue
        if let store { layer.fields["Manifests"] = String(store.manifests.count) }
        if let label = result.activeManifest { layer.fields["ActiveManifest"] = label }
        if let version = result.claimVersion { layer.fields["ClaimVersion"] = String(version) }
        if let algorithm = result.algorithm { layer.fields["Algorithm"] = algorithm.description }
        if let agent = result.softwareAgent { layer.fields["SoftwareAgent"] = agent }
        if let signer = result.signer { layer.fields["Signer"] = signer }
        if let issuer = result.signerIssuer { layer.fields["SignerIssuer"] = issuer }
        Self.addTimeStamp(result, to: &layer)
        if let source = result.digitalSourceType {
            layer.fields["DigitalSourceType"] = source
            layer.declaresAI = DigitalSourceType(uri: source).isAI
        } else {
            layer.declaresAI = false
        }
        if let parent = result.ingredients.first(where: { $0.relationship == "parentOf" }) {
            layer.fields["Parent"] = parent.manifest ?? "(no manifest)"
            let intact = parent.recordedState != .invalid && parent.signatureVerifies != false
            layer.fields["ParentState"] = intact ? "valid" : "invalid"
            if !intact {
                layer.warnings.append(
                    Finding(
                        Finding.Kind(rawValue: "c2pa.ingredient.invalid"),
                        "the parent manifest \(parent.manifest ?? "") was not valid when it was opened"
                            + (parent.signatureVerifies == false ? " (its claim signature does not verify)" : "")))
            }
        }
        for status in result.failures {
            let finding = Finding(Finding.Kind(rawValue: "c2pa." + status.code), status.explanation, at: status.url)
            if status.code == "signingCredential.untrusted" {
                layer.warnings.append(finding)
            } else {
                layer.problems.append(finding)
            }
        }
        if result.state == .invalid { layer.status = .invalid }
    }
}

extension Verifier {
    /// The time-stamp's fields (`TimeStamp` RFC 3339 UTC, `TimeStampValidated`,
    /// `TimeStampAuthority`, `TimeStampStatus`), and a warning for one that does not validate
    /// (informational in C2PA: the manifest's state does not change).
    fileprivate static func addTimeStamp(_ result: ManifestValidation, to layer: inout LayerReport) {
        let statuses = result.statuses.filter { $0.code.hasPrefix("timeStamp.") }
        guard !statuses.isEmpty else { return }
        layer.fields["TimeStampStatus"] = statuses.map(\.code).joined(separator: " ")
        layer.fields["TimeStampValidated"] = String(result.timeStamp?.validated ?? false)
        if let stamp = result.timeStamp {
            layer.fields["TimeStamp"] = RFC3339.string(from: stamp.time)
            if let authority = stamp.authority { layer.fields["TimeStampAuthority"] = authority }
        }
        for status in statuses where status.kind == .informational && status.code != "timeStamp.untrusted" {
            layer.warnings.append(
                Finding(Finding.Kind(rawValue: "c2pa." + status.code), status.explanation, at: status.url))
        }
    }
}
