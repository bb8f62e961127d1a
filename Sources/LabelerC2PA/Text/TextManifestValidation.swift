/// What validating a text asset found (C2PA 2.4 §A.8): whether it carries a wrapper, where, the
/// store, and the active manifest's validation.
public struct TextManifestValidation: Sendable {
    /// The validation of the text's manifest; `nil` when the text carries no wrapper (no run of
    /// selectors after U+FEFF begins with the magic). A wrapper that cannot be read is here as
    /// `invalid` with `manifest.text.multipleWrappers` or `manifest.text.corruptedWrapper`.
    public var validation: ManifestValidation?
    /// The wrapper's UTF-8 bytes in the text (U+FEFF through the last padding selector), when one
    /// was decoded.
    public var wrapper: Range<Int>?
    /// The store the wrapper carries, when it parsed.
    public var store: ManifestStore?

    /// `valid`, `invalid` or `trusted`; `nil` when the text has no wrapper.
    public var state: ManifestValidation.State? { validation?.state }
    /// Every status of the validation (none without a wrapper).
    public var statuses: [ValidationStatus] { validation?.statuses ?? [] }

    public init(validation: ManifestValidation?, wrapper: Range<Int>? = nil, store: ManifestStore? = nil) {
        self.validation = validation
        self.wrapper = wrapper
        self.store = store
    }
}
