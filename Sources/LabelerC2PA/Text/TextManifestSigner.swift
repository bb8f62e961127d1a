import Crypto

/// Signs a text asset with a C2PA manifest store carried in a padded text manifest wrapper
/// appended to it (C2PA 2.4 §A.8; ``TextManifestWrapper``), bound by `c2pa.hash.data` over the
/// NFC text (``TextBinding``):
///
/// 1. the visible text (the input less any wrapper it had) is NFC-normalized: that is what is
///    written, so the bytes hashed are the bytes stored (as c2pa-rs' plain-text handler does);
/// 2. the store is laid out (``ManifestBuilder/layout(start:carrierSize:)``): the padded
///    wrapper's length, `3 + (13 + M)·4 + 6`, depends only on the store's size M, so the
///    exclusion `{start: UTF-8 length of the visible text, length: wrapper length}` is known
///    before signing;
/// 3. the store is signed over SHA-256 of the visible text and encoded into exactly that many
///    bytes.
///
/// ```
/// output:  | NFC(visible text) | EF BB BF  VS(C2PATXT\0 01 M store padding) |
///          0                   start                              start + length
/// ```
public enum TextManifestSigner {
    /// What to do with a wrapper the input already carries.
    public enum ExistingManifest: Sendable, Hashable {
        /// Keep its manifests: the new manifest opens the old active one as its parent ingredient
        /// (``ParentIngredient``, as signed images do), validated against the input as found. A
        /// corrupted wrapper or several wrappers cannot be kept: signing throws.
        case keepAsParent
        /// Drop every wrapper found (also corrupted or repeated ones) and sign the rest afresh.
        case replace
        /// Throw when the input has any wrapper.
        case refuse
    }

    /// `text` (UTF-8) with any wrapper handled as `existing` says, NFC-normalized, and a signed
    /// padded wrapper appended.
    ///
    /// With ``ExistingManifest/keepAsParent`` and a builder without a parent, the input's store
    /// becomes the parent; a builder that already names a parent is used as it is.
    /// - Throws: ``TextManifestWrapperError`` for a wrapper that cannot be kept, ``ManifestError``
    ///   for text that is not UTF-8, a refused wrapper, or a store that does not fit its layout.
    public static func sign(
        _ text: [UInt8], builder: ManifestBuilder, existing: ExistingManifest = .keepAsParent
    ) throws -> [UInt8] {
        var builder = builder
        var visible = text
        switch existing {
        case .refuse:
            if let found = try TextManifestWrapper.find(in: text) {
                throw ManifestError(
                    "the text already carries a C2PA manifest wrapper at byte \(found.range.lowerBound)")
            }
        case .keepAsParent:
            if let found = try TextManifestWrapper.find(in: text) {
                visible.removeSubrange(found.range)
                if builder.content.parent == nil { builder.content.parent = try parentIngredient(text, found) }
            }
        case .replace:
            visible = stripped(text)
        }
        guard let normalized = TextBinding.nfc(visible) else {
            let offset = TextBinding.firstInvalidUTF8Offset(visible) ?? 0
            throw ManifestError("the text is not valid UTF-8 (byte \(offset) of the text without its wrapper)")
        }
        let digest = Array(SHA256.hash(data: normalized))
        return normalized + (try wrapper(forTextDigest: digest, at: normalized.count, builder: builder))
    }

    /// The signed padded wrapper to append to a text whose NFC UTF-8 bytes, `offset` of them,
    /// hash (SHA-256) to `digest`: the streaming form of ``sign(_:builder:existing:)``.
    ///
    /// The caller's rule: NFC-normalize the text as it is emitted and hash exactly the bytes
    /// emitted, then append these bytes and nothing after them. Normalization across chunk
    /// boundaries is the caller's: a chunk may end only before a scalar that is an NFC starter
    /// (`Canonical_Combining_Class` 0 and not composing with what precedes), e.g. at a line
    /// break; hold back a chunk's trailing non-starters and normalize them with the next chunk.
    /// A text whose emitted bytes are not NFC still validates, provided it is NFC piecewise
    /// the same way (the validator normalizes the whole) — simplest is to keep to the rule.
    /// - Throws: ``ManifestError`` when the store's size does not settle or does not fit.
    public static func wrapper(
        forTextDigest digest: [UInt8], at offset: Int, builder: ManifestBuilder
    ) throws
        -> [UInt8]
    {
        guard digest.count == 32 else { throw ManifestError("a SHA-256 digest is 32 bytes, got \(digest.count)") }
        guard offset >= 0 else { throw ManifestError("the wrapper cannot start at byte \(offset)") }
        let layout = try builder.layout(start: offset) { TextManifestWrapper.paddedLength(storeSize: $0) }
        let store = try builder.store(exclusion: offset ..< offset + layout.exclusionLength, dataHash: digest)
        guard store.count == layout.storeSize else {
            throw ManifestError(
                "the signed store (\(store.count) bytes) does not fill its layout (\(layout.storeSize))")
        }
        let wrapper = try TextManifestWrapper.encodePadded(store: store, length: layout.exclusionLength)
        guard wrapper.count == layout.exclusionLength else {
            throw ManifestError("the wrapper (\(wrapper.count) bytes) is not the excluded \(layout.exclusionLength)")
        }
        return wrapper
    }

    /// The parent ingredient for a text that carries `found`, validated against the text as found.
    /// - Throws: ``ManifestError`` when its store cannot be read.
    public static func parentIngredient(
        _ text: [UInt8], _ found: TextManifestWrapper.Found
    ) throws
        -> ParentIngredient
    {
        let store: ManifestStore
        do {
            store = try ManifestStore(parsing: found.store)
        } catch {
            throw ManifestError(
                "the manifest wrapper at byte \(found.range.lowerBound) cannot be kept as the parent: \(error)")
        }
        var validator = ManifestValidator()
        validator.dataHashInput = .nfcText
        return try ParentIngredient(
            store: store, validation: validator.validate(store, asset: text), format: TextManifestValidator.mediaType)
    }

    /// `text` less every run that carries the wrapper magic (for ``ExistingManifest/replace``).
    static func stripped(_ text: [UInt8]) -> [UInt8] {
        var out = text
        for run in TextManifestWrapper.runs(in: text).reversed() { out.removeSubrange(run) }
        return out
    }
}
