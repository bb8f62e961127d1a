import Crypto

extension ManifestValidator {
    /// The ingredients of the active manifest (C2PA 2.x §15.10.3.2; c2pa.md §4.4): each
    /// `c2pa.ingredient*` assertion that names a manifest in this store (v3 `activeManifest` and
    /// `claimSignature`, v1/v2 `c2pa_manifest`) must name it by the hash of its bytes as found, so a
    /// copied parent cannot be swapped or edited without the new signature failing to cover it.
    ///
    /// The parent's own claim signature is checked again (it is informational, as c2pa-rs reports
    /// a parent through the results recorded when it was opened); the recorded results are kept.
    func checkIngredients(_ manifest: Manifest, store: ManifestStore, into result: inout ManifestValidation) {
        for box in manifest.assertions(prefixed: "c2pa.ingredient") {
            let url = "self#jumbf=/c2pa/\(manifest.label)/c2pa.assertions/" + (box.label ?? "c2pa.ingredient")
            guard let content = box.contentBoxes.first(where: { $0.type == .cbor }),
                let ingredient = try? CBOR.Decoder.decode(Array(store.bytes[content.payloadRange])),
                case .map = ingredient
            else {
                result.statuses.append(
                    ValidationStatus(
                        "assertion.ingredient.malformed", .failure, url: url, "the ingredient cannot be read"))
                continue
            }
            var summary = IngredientSummary(relationship: ingredient["relationship"]?.textValue ?? "")
            summary.recordedState = Self.recordedState(
                ingredient["validationResults"] ?? ingredient["validationStatus"])
            guard let reference = (ingredient["activeManifest"] ?? ingredient["c2pa_manifest"]).flatMap(HashedURI.init)
            else {
                result.ingredients.append(summary)
                continue
            }
            let label = Self.manifestLabel(of: reference.url)
            summary.manifest = label
            guard let parent = store.manifests.first(where: { $0.label == label }) else {
                result.statuses.append(
                    ValidationStatus(
                        "ingredient.manifest.missing", .failure, url: url,
                        "the ingredient names manifest '\(label)', which the store lacks"))
                result.ingredients.append(summary)
                continue
            }
            let algorithm = reference.algorithm ?? manifest.hashAlgorithm
            let matches = Self.digest(algorithm, of: [parent.box.payloadRange], in: store.bytes) == reference.hash
            result.statuses.append(
                matches
                    ? ValidationStatus(
                        "ingredient.manifest.validated", .success, url: url, "ingredient manifest \(label)")
                    : ValidationStatus(
                        "ingredient.manifest.mismatch", .failure, url: url,
                        "the copied manifest '\(label)' does not match the hash the ingredient records"))
            if let signatureReference = ingredient["claimSignature"].flatMap(HashedURI.init) {
                let signatureBox = parent.box.superboxes.first { $0.description.contentType == .signature }
                let signatureMatches =
                    signatureBox.map {
                        Self.digest(signatureReference.algorithm ?? algorithm, of: [$0.payloadRange], in: store.bytes)
                            == signatureReference.hash
                    } ?? false
                result.statuses.append(
                    signatureMatches
                        ? ValidationStatus(
                            "ingredient.claimSignature.validated", .success, url: url, "ingredient claim signature box")
                        : ValidationStatus(
                            "ingredient.claimSignature.mismatch", .failure, url: url,
                            "the copied manifest's signature does not match the hash the ingredient records"))
            }
            summary.signatureVerifies = Self.claimSignatureVerifies(parent)
            if summary.signatureVerifies == false {
                result.statuses.append(
                    ValidationStatus(
                        "ingredient.claimSignature.mismatch", .informational, url: url,
                        "the parent manifest's own claim signature does not verify"))
            }
            result.ingredients.append(summary)
        }
    }

    /// `/c2pa/<label>` of a `self#jumbf=/c2pa/<label>` URL.
    static func manifestLabel(of url: String) -> String {
        let path = url.split(separator: "=", maxSplits: 1).last.map(String.init) ?? url
        let parts = path.split(separator: "/")
        return parts.count >= 2 && parts[0] == "c2pa" ? String(parts[1]) : String(parts.last ?? "")
    }

    /// `invalid` when the recorded results list a failure other than an untrusted credential, else `valid`.
    static func recordedState(_ recorded: CBOR?) -> ManifestValidation.State? {
        guard let recorded else { return nil }
        // v3: {activeManifest: {success, informational, failure}}; v1/v2: a flat status list, whose
        // failure codes end in one of these words (C2PA 2.x §15.2.2).
        let failureEndings = ["mismatch", "missing", "invalid", "malformed", "revoked", "expired", "unsupported"]
        let codes =
            recorded["activeManifest"]?["failure"]?.arrayValue?.compactMap { $0["code"]?.textValue }
            ?? recorded.arrayValue?.compactMap { $0["code"]?.textValue }.filter { code in
                failureEndings.contains { code.hasSuffix("." + $0) }
            } ?? []
        let serious = codes.filter { $0 != "signingCredential.untrusted" }
        return serious.isEmpty ? .valid : .invalid
    }

    /// Whether a manifest's claim signature verifies with its own leaf (no trust, no time).
    static func claimSignatureVerifies(_ manifest: Manifest) -> Bool {
        guard let bytes = manifest.signatureBytes, let sign1 = try? COSE.Sign1(decoding: bytes),
            let algorithm = try? sign1.algorithm(), let leaf = sign1.certificateChain.first,
            let spki = try? CertificateFields.subjectPublicKeyInfo(ofCertificate: leaf)
        else { return false }
        let message = sign1.toBeSigned(detachedPayload: manifest.claimBytes)
        return (try? SignatureVerifier.isValid(sign1.signature, over: message, spki: spki, algorithm: algorithm))
            ?? false
    }
}

/// What the active manifest says of one ingredient, and what was found of it.
public struct IngredientSummary: Sendable, Hashable {
    /// `parentOf`, `componentOf` or `inputTo`.
    public var relationship: String
    /// The label of the ingredient's manifest in this store, when it has one.
    public var manifest: String?
    /// The state recorded when the ingredient was opened (from its `validationResults`).
    public var recordedState: ManifestValidation.State?
    /// Whether the copied manifest's claim signature verifies now (`nil`: no manifest).
    public var signatureVerifies: Bool?
}
