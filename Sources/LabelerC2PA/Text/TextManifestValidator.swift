public import Foundation

/// Validates a text asset's C2PA manifest (C2PA 2.4 §A.8): finds its one wrapper
/// (``TextManifestWrapper/find(in:)``), parses the store, and validates the active manifest
/// with the data hash taken over the NFC text outside the exclusion (``TextBinding``). Never
/// throws: what is wrong is a failure status.
///
/// Beyond ``ManifestValidator``: the data hash must have exactly one exclusion and it must be the
/// wrapper's bytes — an exclusion reaching into the visible text would leave it unbound
/// (`assertion.dataHash.mismatch`). A wrapper not at the end of the text is accepted, as the
/// reference implementations accept it; the text after it is hashed like the text before.
public struct TextManifestValidator: Sendable {
    /// The media type a text asset is recorded with (an ingredient's `dc:format`).
    public static let mediaType = "text/plain"

    /// The roots to trust; `nil`: none (an intact signature reads `valid`, untrusted).
    public var trustAnchors: TrustAnchors?
    /// The time validity is judged at when no validated time-stamp dates the signature; `nil`: now.
    public var validationTime: Date?

    public init(trustAnchors: TrustAnchors? = nil, validationTime: Date? = nil) {
        self.trustAnchors = trustAnchors
        self.validationTime = validationTime
    }

    /// Validates `text` (UTF-8, as stored).
    public func validate(_ text: [UInt8]) -> TextManifestValidation {
        let found: TextManifestWrapper.Found
        do {
            guard let wrapper = try TextManifestWrapper.find(in: text) else {
                return TextManifestValidation(validation: nil)
            }
            found = wrapper
        } catch {
            return TextManifestValidation(
                validation: Self.failure(error.statusCode ?? "manifest.text.corruptedWrapper", "\(error)"))
        }
        let store: ManifestStore
        do {
            store = try ManifestStore(parsing: found.store)
        } catch {
            return TextManifestValidation(
                validation: Self.failure(
                    "manifest.text.corruptedWrapper",
                    "the wrapper at byte \(found.range.lowerBound) carries no readable manifest store: \(error)"),
                wrapper: found.range)
        }
        var validator = ManifestValidator(trustAnchors: trustAnchors, validationTime: validationTime)
        validator.dataHashInput = .nfcText
        var validation = validator.validate(store, asset: text)
        if let manifest = store.active,
            let problem = Self.exclusionProblem(manifest, store: store, wrapper: found.range)
        {
            validation.statuses.append(
                ValidationStatus(
                    "assertion.dataHash.mismatch", .failure,
                    url: "self#jumbf=/c2pa/\(manifest.label)/c2pa.assertions/c2pa.hash.data", problem))
            validation.state = .invalid
        }
        return TextManifestValidation(validation: validation, wrapper: found.range, store: store)
    }

    private static func failure(_ code: String, _ explanation: String) -> ManifestValidation {
        ManifestValidation(state: .invalid, statuses: [ValidationStatus(code, .failure, explanation)])
    }

    /// Why the active manifest's data-hash exclusions are not exactly the wrapper, or `nil`. An
    /// unreadable or missing data hash is left to ``ManifestValidator``'s own statuses.
    static func exclusionProblem(_ manifest: Manifest, store: ManifestStore, wrapper: Range<Int>) -> String? {
        guard let binding = manifest.assertions(prefixed: "c2pa.hash.data").first,
            let content = binding.contentBoxes.first(where: { $0.type == .cbor }),
            let hash = try? CBOR.Decoder.decode(Array(store.bytes[content.payloadRange])),
            let exclusions = hash["exclusions"]?.arrayValue
        else { return nil }
        let ranges = exclusions.map { ($0["start"]?.integerValue, $0["length"]?.integerValue) }
        if ranges.count == 1, let start = ranges[0].0, let length = ranges[0].1,
            start == Int64(wrapper.lowerBound), length == Int64(wrapper.count)
        {
            return nil
        }
        let listed = ranges.map { "{start \($0.0.map(String.init) ?? "?"), length \($0.1.map(String.init) ?? "?")}" }
        return "the data hash excludes \(listed.isEmpty ? "nothing" : listed.joined(separator: ", ")), "
            + "not the wrapper {start \(wrapper.lowerBound), length \(wrapper.count)}: "
            + "text outside the wrapper would go unbound"
    }
}
