/// Why a text's manifest wrapper cannot be read or written (C2PA 2.4 §A.8); offsets are UTF-8
/// byte offsets in the text.
public enum TextManifestWrapperError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Two or more wrappers carry the magic: a text asset has exactly one.
    case multipleWrappers(offsets: [Int])
    /// The magic is there but the frame around it is not.
    case corrupted(offset: Int, reason: String)
    /// A store over ``TextManifestWrapper/maxStoreSize``.
    case storeTooLarge(size: Int, limit: Int)
    /// The padded length asked for is below the unpadded length, or leaves 1, 2 or 5 bytes.
    case paddingUnrepresentable(gap: Int)

    /// The C2PA validation status this stands for, where there is one.
    public var statusCode: String? {
        switch self {
        case .multipleWrappers: return "manifest.text.multipleWrappers"
        case .corrupted: return "manifest.text.corruptedWrapper"
        case .storeTooLarge, .paddingUnrepresentable: return nil
        }
    }

    public var description: String {
        switch self {
        case .multipleWrappers(let offsets):
            let shown = offsets.prefix(8).map(String.init).joined(separator: ", ")
            return
                "c2pa text: \(offsets.count) manifest wrappers (at bytes \(shown)\(offsets.count > 8 ? ", …" : "")), "
                + "a text carries exactly one"
        case .corrupted(let offset, let reason):
            return "c2pa text: corrupted manifest wrapper at byte \(offset): \(reason)"
        case .storeTooLarge(let size, let limit):
            return "c2pa text: a store of \(size) bytes is over the \(limit)-byte limit"
        case .paddingUnrepresentable(let gap):
            return "c2pa text: \(gap) bytes of padding cannot be made of 3- and 4-byte selectors"
        }
    }
}
