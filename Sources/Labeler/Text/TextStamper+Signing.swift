import Crypto
import LabelerC2PA

extension TextStamper {
    /// The C2PA text manifest wrapper `bytes` already carry (C2PA 2.4 §A.8), if any.
    /// - Throws: ``LabelerError/Code/provenancePresent`` when unsigned stamping would break it
    ///   (its hard binding covers the text), or when it cannot be read (several, corrupted).
    static func existingManifest(in bytes: [UInt8], signing: Bool) throws -> TextManifestWrapper.Found? {
        let found: TextManifestWrapper.Found?
        do {
            found = try TextManifestWrapper.find(in: bytes)
        } catch {
            throw LabelerError(
                .provenancePresent, "carries a C2PA text manifest that cannot be read (\(error)); refused",
                offset: nil)
        }
        if let found, !signing {
            throw LabelerError(
                .provenancePresent,
                "carries a C2PA text manifest; editing the text would break its hard binding. Refused: stamp with "
                    + "--sign (the manifest is kept as the parent ingredient)",
                offset: found.range.lowerBound)
        }
        return found
    }

    /// Stamps the visible layers of the text without its old wrapper, then signs the result
    /// (C2PA 2.4 §A.8): the wrapper is appended to plain text and Markdown, and put in the
    /// disclosure object's `c2pa_manifest` string in JSON (the last record's, in JSON Lines), so
    /// the file stays valid JSON. The text is written NFC; an old manifest becomes the parent.
    func signed(
        _ bytes: [UInt8], existing: TextManifestWrapper.Found?, fileName: String?, as resolved: Disclosure?,
        signer: any Signer
    ) throws -> StampedText {
        var visible = bytes
        if let existing { visible.removeSubrange(existing.range) }
        let stamped = try stampVisible(visible, fileName: fileName, as: resolved)
        let output = stamped.plan.materialize(from: visible)
        let disclosure = stamped.disclosure
        let wrapper: (_ digest: [UInt8], _ offset: Int) throws -> [UInt8]
        if existing == nil, let template = signingTemplate {
            let content = disclosure.manifestContent()
            let manifestID = Disclosure.randomUUID()
            wrapper = { try template.wrapper(forTextDigest: $0, at: $1, content: content, manifestID: manifestID) }
        } else {
            let builder = disclosure.manifestBuilder(
                signer: signer, parent: try existing.map { try TextManifestSigner.parentIngredient(bytes, $0) },
                timeStampAuthority: options.timeStampAuthority)
            wrapper = { try TextManifestSigner.wrapper(forTextDigest: $0, at: $1, builder: builder) }
        }
        let signedBytes: [UInt8]
        do {
            switch stamped.format {
            case .plain, .markdown:
                signedBytes = try Self.signAppended(output, wrapper: wrapper)
            case .json, .jsonl:
                signedBytes = try Self.signInside(output, wrapper: wrapper)
            }
        } catch let error as LabelerError {
            throw error
        } catch {
            throw LabelerError(.invalidRequest, "c2pa: \(error)")
        }
        var plan = SplicePlan()
        plan.add(signedBytes, site: .c2pa, replacing: true)
        return StampedText(detection: stamped.detection, plan: plan, disclosure: disclosure)
    }

    /// `output` NFC-normalized with the signed wrapper appended (``TextManifestSigner/sign(_:builder:existing:)``
    /// with `.refuse`: the old wrapper was taken out before the visible layers were stamped).
    static func signAppended(
        _ output: [UInt8], wrapper: (_ digest: [UInt8], _ offset: Int) throws -> [UInt8]
    ) throws -> [UInt8] {
        if let found = try TextManifestWrapper.find(in: output) {
            throw ManifestError("the text already carries a C2PA manifest wrapper at byte \(found.range.lowerBound)")
        }
        guard let normalized = TextBinding.nfc(output) else {
            let offset = TextBinding.firstInvalidUTF8Offset(output) ?? 0
            throw ManifestError("the text is not valid UTF-8 (byte \(offset) of the text without its wrapper)")
        }
        return normalized + (try wrapper(Array(SHA256.hash(data: normalized)), normalized.count))
    }

    /// `output` with the last ``JSONDisclosure/placeholder`` replaced by the signed wrapper and any
    /// earlier ones by nothing: the wrapper excludes its own bytes, the NFC rest is hashed.
    static func signInside(
        _ output: [UInt8], wrapper: (_ digest: [UInt8], _ offset: Int) throws -> [UInt8]
    ) throws -> [UInt8] {
        let marker = Array(JSONDisclosure.placeholder.utf8)
        var pieces: [ArraySlice<UInt8>] = []
        var rest = output[...]
        while let range = rest.firstRange(of: marker) {
            pieces.append(rest[..<range.lowerBound])
            rest = rest[range.upperBound...]
        }
        guard !pieces.isEmpty else { throw LabelerError(.invalidRequest, "c2pa: no place for the text manifest") }
        let before = pieces.flatMap { $0 }
        // Both sides of the wrapper meet at a `"`: an NFC-safe cut, so NFC(before + after) = NFC(before) + NFC(after).
        guard let head = TextBinding.nfc(before), let tail = TextBinding.nfc(Array(rest)) else {
            throw LabelerError(.corrupt, "c2pa: the text is not UTF-8")
        }
        let digest = Array(SHA256.hash(data: head + tail))
        return head + (try wrapper(digest, head.count)) + tail
    }
}
