extension ManifestValidator {
    /// What `c2pa.hash.data` is computed over once its exclusions are removed (C2PA 2.x §18.5).
    public enum DataHashInput: Sendable, Hashable {
        /// The asset's bytes as they are (images and every binary format).
        case bytes
        /// The remaining UTF-8 text in Normalization Form C (unstructured text, C2PA 2.4 §A.8):
        /// remove the exclusions, NFC-normalize, hash the UTF-8 (``TextBinding``).
        case nfcText
    }
}
