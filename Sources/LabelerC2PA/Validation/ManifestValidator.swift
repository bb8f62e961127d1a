import Crypto
public import Foundation

/// Validates the active manifest of a store against the asset it was found in (C2PA 2.x §15):
/// the claim signature, every hashed URI of the claim, the data-hash hard binding over the asset,
/// and the credential's trust. Never throws: what is wrong is a failure status.
///
/// Trust: with no anchors given, an intact signature reads as `valid` with
/// `signingCredential.untrusted` (as c2pa-rs reports it), never as tampered.
public struct ManifestValidator: Sendable {
    /// The roots to trust; `nil`: none configured (an intact signature reads `valid`, untrusted).
    public var trustAnchors: TrustAnchors?

    /// The time validity is judged at when no validated time-stamp dates the signature; `nil`: now.
    public var validationTime: Date?

    /// How the asset's bytes outside the data hash's exclusions are hashed: as they are (images),
    /// or as NFC text (a text asset, C2PA 2.4 §A.8; ``TextBinding``).
    public var dataHashInput: DataHashInput = .bytes

    public init(trustAnchors: TrustAnchors? = nil, validationTime: Date? = nil) {
        self.trustAnchors = trustAnchors
        self.validationTime = validationTime
    }

    public func validate(_ store: ManifestStore, asset: [UInt8]) -> ManifestValidation {
        var result = ManifestValidation(state: .valid, statuses: [])
        guard let manifest = store.active else {
            result.statuses.append(ValidationStatus("claim.missing", .failure, "the store holds no manifest"))
            result.state = .invalid
            return result
        }
        result.activeManifest = manifest.label
        result.claimVersion = manifest.claimVersion
        let base = "self#jumbf=/c2pa/\(manifest.label)"
        checkTimeStamp(manifest, base: base, into: &result)  // first: its genTime can date the signer's validity
        checkSignature(manifest, base: base, into: &result)
        for reference in manifest.assertionReferences {
            checkHashedURI(reference, in: manifest, store: store, base: base, into: &result)
        }
        checkDataHash(manifest, store: store, asset: asset, base: base, into: &result)
        checkIngredients(manifest, store: store, into: &result)
        checkStructure(manifest, base: base, into: &result)
        readActions(manifest, store: store, into: &result)
        let tolerated: Set<String> = ["signingCredential.untrusted"]
        if result.failures.contains(where: { !tolerated.contains($0.code) }) {
            result.state = .invalid
        } else if result.statuses.contains(where: { $0.code == "signingCredential.trusted" }) {
            result.state = .trusted
        }
        return result
    }

    private func checkSignature(_ manifest: Manifest, base: String, into result: inout ManifestValidation) {
        let url = base + "/c2pa.signature"
        guard let bytes = manifest.signatureBytes else {
            result.statuses.append(ValidationStatus("claimSignature.missing", .failure, url: url, "no claim signature"))
            return
        }
        do {
            let sign1 = try COSE.Sign1(decoding: bytes)
            let algorithm = try sign1.algorithm()
            result.algorithm = algorithm
            // The signer's validity is judged at the validated time-stamp's genTime, else now
            // (C2PA 2.x §14.5.1: a time-stamp keeps a manifest valid after its certificate expires).
            let time = result.timeStamp.flatMap { $0.validated ? $0.time : nil } ?? validationTime ?? Date()
            guard let leaf = checkCredential(sign1.certificateChain, url: url, at: time, into: &result) else {
                return
            }
            let message = sign1.toBeSigned(detachedPayload: manifest.claimBytes)
            if try SignatureVerifier.isValid(
                sign1.signature, over: message, spki: leaf.publicKey.der, algorithm: algorithm)
            {
                result.statuses.append(
                    ValidationStatus(
                        "claimSignature.validated", .success, url: url, "claim signature valid (\(algorithm))"))
            } else {
                result.statuses.append(
                    ValidationStatus(
                        "claimSignature.mismatch", .failure, url: url, "the claim signature does not verify"))
            }
        } catch {
            result.statuses.append(
                ValidationStatus("claimSignature.mismatch", .failure, url: url, "unreadable signature: \(error)"))
        }
    }

    private func checkHashedURI(
        _ reference: HashedURI, in manifest: Manifest, store: ManifestStore, base: String,
        into result: inout ManifestValidation
    ) {
        let url = base + "/c2pa.assertions/" + reference.label
        guard let box = manifest.assertion(reference.label) else {
            result.statuses.append(
                ValidationStatus(
                    "assertion.missing", .failure, url: url, "the claim names an assertion the store lacks"))
            return
        }
        guard
            let digest = Self.digest(
                reference.algorithm ?? manifest.hashAlgorithm, of: [box.payloadRange], in: store.bytes)
        else {
            result.statuses.append(
                ValidationStatus(
                    "algorithm.unsupported", .failure, url: url,
                    "hash algorithm '\(reference.algorithm ?? manifest.hashAlgorithm)'"))
            return
        }
        if digest == reference.hash {
            result.statuses.append(
                ValidationStatus(
                    "assertion.hashedURI.match", .success, url: url, "hashed uri matched: \(reference.label)"))
        } else {
            result.statuses.append(
                ValidationStatus(
                    "assertion.hashedURI.mismatch", .failure, url: url,
                    "hash does not match assertion data: \(reference.label)"))
        }
    }

    private func checkDataHash(
        _ manifest: Manifest, store: ManifestStore, asset: [UInt8], base: String,
        into result: inout ManifestValidation
    ) {
        let bindings = manifest.assertions(prefixed: "c2pa.hash.data")
        guard let binding = bindings.first else {
            result.statuses.append(
                ValidationStatus("claim.hardBindings.missing", .failure, url: base, "no c2pa.hash.data hard binding"))
            return
        }
        let url = base + "/c2pa.assertions/" + (binding.label ?? "c2pa.hash.data")
        if bindings.count > 1 {
            result.statuses.append(
                ValidationStatus("assertion.multipleHardBindings", .failure, url: url, "\(bindings.count) data hashes"))
        }
        guard let content = binding.contentBoxes.first(where: { $0.type == .cbor }),
            let hash = try? CBOR.Decoder.decode(Array(store.bytes[content.payloadRange])),
            let expected = hash["hash"]?.bytesValue,
            hash["exclusions"] == nil || hash["exclusions"]?.arrayValue != nil,
            hash["alg"] == nil || hash["alg"]?.textValue != nil
        else {
            result.statuses.append(
                ValidationStatus("assertion.dataHash.malformed", .failure, url: url, "the data hash cannot be read"))
            return
        }
        var cursor = 0
        var included: [Range<Int>] = []
        for exclusion in hash["exclusions"]?.arrayValue ?? [] {
            guard let start = exclusion["start"]?.integerValue, let length = exclusion["length"]?.integerValue,
                start >= cursor, length >= 0,
                start <= Int64(asset.count) - length
            else {
                result.statuses.append(
                    ValidationStatus(
                        "assertion.dataHash.malformed", .failure, url: url, "exclusions out of order or past the end"))
                return
            }
            included.append(cursor ..< Int(start))
            cursor = Int(start + length)
        }
        included.append(cursor ..< asset.count)
        let algorithm = hash["alg"]?.textValue ?? manifest.hashAlgorithm
        if dataHashInput == .nfcText {
            guard let text = TextBinding.nfc(included.reduce(into: [UInt8]()) { $0 += asset[$1] }) else {
                result.statuses.append(
                    ValidationStatus(
                        "assertion.dataHash.mismatch", .failure, url: url,
                        "the text outside the exclusions is not valid UTF-8, so it has no NFC form to hash"))
                return
            }
            return checkDigest(
                Self.digest(algorithm, of: [0 ..< text.count], in: text), expected, algorithm, url, &result)
        }
        checkDigest(Self.digest(algorithm, of: included, in: asset), expected, algorithm, url, &result)
    }

    private func checkDigest(
        _ digest: [UInt8]?, _ expected: [UInt8], _ algorithm: String, _ url: String,
        _ result: inout ManifestValidation
    ) {
        guard let digest else {
            result.statuses.append(
                ValidationStatus("algorithm.unsupported", .failure, url: url, "hash algorithm '\(algorithm)'"))
            return
        }
        if digest == expected {
            result.statuses.append(ValidationStatus("assertion.dataHash.match", .success, url: url, "data hash valid"))
        } else {
            result.statuses.append(
                ValidationStatus(
                    "assertion.dataHash.mismatch", .failure, url: url,
                    "the asset's bytes do not match the signed data hash"))
        }
    }

    /// `digitalSourceType` and `softwareAgent` of the active manifest's actions.
    private func readActions(_ manifest: Manifest, store: ManifestStore, into result: inout ManifestValidation) {
        for box in manifest.assertions(prefixed: "c2pa.actions") {
            guard let content = box.contentBoxes.first(where: { $0.type == .cbor }),
                let actions = try? CBOR.Decoder.decode(Array(store.bytes[content.payloadRange]))["actions"]?.arrayValue
            else { continue }
            for action in actions where result.digitalSourceType == nil {
                result.digitalSourceType = action["digitalSourceType"]?.textValue
                result.softwareAgent = action["softwareAgent"]?.textValue ?? action["softwareAgent"]?["name"]?.textValue
            }
        }
        if let metadata = manifest.assertion("cawg.metadata"),
            let content = metadata.contentBoxes.first(where: { $0.type == .json })
        {
            result.metadataJSON = Array(store.bytes[content.payloadRange])
        }
    }

    /// The digest of `ranges` of `bytes` with a C2PA hash algorithm name, or `nil` if unsupported.
    static func digest(_ algorithm: String, of ranges: [Range<Int>], in bytes: [UInt8]) -> [UInt8]? {
        func run<H: HashFunction>(_ hasher: inout H) -> [UInt8] {
            bytes.withUnsafeBytes { buffer in
                for range in ranges where !range.isEmpty {
                    hasher.update(bufferPointer: UnsafeRawBufferPointer(rebasing: buffer[range]))
                }
            }
            return Array(hasher.finalize())
        }
        switch algorithm {
        case "sha256":
            var hasher = SHA256()
            return run(&hasher)
        case "sha384":
            var hasher = SHA384()
            return run(&hasher)
        case "sha512":
            var hasher = SHA512()
            return run(&hasher)
        default: return nil
        }
    }
}
