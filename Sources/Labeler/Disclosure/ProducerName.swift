/// A provider's display name, and the Annex-E-safe form of it written as TC260 `ContentProducer`
/// when no TC260 code is given.
///
/// GB 45438-2025 §6.1 b asks for the "generation-service provider name or code", but Annex E limits
/// every element value to GB 18030 code points 0x21, 0x23–0x5B, 0x5D–0x7E (printable ASCII without
/// space, `"` and `\`; ``AnnexE/isValidValue(_:)``). A Kazakh or EU provider has no TC260 code
/// (regulation.md §2.5, §7.1) and its name often has spaces or is not ASCII, so the name is encoded.
///
/// ## The rule (``annexESafe(_:)``)
/// 1. Leading and trailing whitespace is dropped (``trimmed(_:)``); nothing else is normalised
///    (no Unicode normalisation: the scalars are used as given, so NFC and NFD spellings differ).
/// 2. Each Unicode scalar in the Annex E charset is kept, except `%` and `~`.
/// 3. Every other scalar (space, `"`, `\`, `%`, `~`, any non-ASCII) becomes `%XX` for each byte of
///    its UTF-8 encoding, upper-case hex: RFC 3986 §2.1 percent-encoding. `%` is in the Annex E
///    charset, so the result always is; any RFC 3986 percent-decoder (`decodeURIComponent`,
///    `urllib.parse.unquote`, ``decoded(_:)``) gives the name back.
/// 4. If that is longer than ``maxBytes`` (128), it is cut after the last whole scalar's encoding
///    that fits in 111 bytes, and `~` plus the 16 lower-case hex digits of FNV-1a-64 over the full
///    trimmed name's UTF-8 is appended (111 + 1 + 16 = 128). `~` never appears otherwise (step 3),
///    so a truncated form cannot equal an untruncated one.
///
/// Names that are already Annex E values without `%` or `~` are unchanged, so every name accepted
/// before this encoding existed (`Acme_Corp`, `Acme-Corp`, `doubao`) is still written as it was.
/// Distinct names give distinct forms up to 128 encoded bytes (percent-encoding is injective);
/// longer names differ unless their first 111 bytes and their 64-bit hashes both coincide.
///
/// | name | `ContentProducer` |
/// |---|---|
/// | `Acme` | `Acme` |
/// | `Acme Corp` | `Acme%20Corp` |
/// | `ТОО Алма` | `%D0%A2%D0%9E%D0%9E%20%D0%90%D0%BB%D0%BC%D0%B0` |
/// | `阿里巴巴` | `%E9%98%BF%E9%87%8C%E5%B7%B4%E5%B7%B4` |
/// | `Say "Hi" \ 100%` | `Say%20%22Hi%22%20%5C%20100%25` |
/// | 300 × `a` | 111 × `a` + `~` + FNV-1a-64 hex (128 bytes) |
///
/// Percent-encoding rather than "space → `_`": mapping space to `_` (or `-`) would give `Acme Corp`
/// and `Acme_Corp` the same label unless `_` itself were escaped, which would in turn change the
/// label of everyone who worked around the old refusal by typing `Acme_Corp`.
public enum ProducerName {
    /// The longest `ContentProducer` this encoding writes (Annex E sets no limit; this bounds the
    /// label to the size of a ``Disclosure/contentID`` and keeps XMP packets small).
    public static let maxBytes = 128
    /// The hash suffix: `~` and 16 hex digits.
    static let suffixBytes = 17

    /// The name with leading and trailing whitespace (XML `S`, plus Unicode white space) removed.
    public static func trimmed(_ name: String) -> String {
        let scalars = name.unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(scalars[first ... last])
    }

    /// The Annex-E-safe, deterministic form of `name` (the rule is in the type's documentation).
    /// An empty or all-whitespace name gives "".
    public static func annexESafe(_ name: String) -> String {
        let name = trimmed(name)
        var encoded: [UInt8] = []
        var scalarEnds: [Int] = []  // encoded.count after each scalar: the places a cut may fall
        for scalar in name.unicodeScalars {
            append(scalar, to: &encoded)
            scalarEnds.append(encoded.count)
        }
        guard encoded.count > maxBytes else { return String(decoding: encoded, as: UTF8.self) }
        let keep = scalarEnds.last { $0 <= maxBytes - suffixBytes } ?? 0
        let hash = String(fnv1a64(Array(name.utf8)), radix: 16)
        let suffix = "~" + String(repeating: "0", count: 16 - hash.count) + hash
        return String(decoding: encoded[..<keep], as: UTF8.self) + suffix
    }

    /// The name an untruncated ``annexESafe(_:)`` form stands for; `nil` for a truncated form
    /// (it has a `~`) or when the `%XX` sequences are malformed or not UTF-8.
    public static func decoded(_ value: String) -> String? {
        var bytes: [UInt8] = []
        var iterator = value.utf8.makeIterator()
        while let byte = iterator.next() {
            switch byte {
            case UInt8(ascii: "~"): return nil
            case UInt8(ascii: "%"):
                guard let high = iterator.next().flatMap(hexValue), let low = iterator.next().flatMap(hexValue) else {
                    return nil
                }
                bytes.append(high << 4 | low)
            default: bytes.append(byte)
            }
        }
        return String(validating: bytes, as: UTF8.self)
    }

    private static func append(_ scalar: Unicode.Scalar, to encoded: inout [UInt8]) {
        if scalar.isASCII, let byte = UInt8(exactly: scalar.value),
            AnnexE.isValidValue(String(scalar)), byte != UInt8(ascii: "%"), byte != UInt8(ascii: "~")
        {
            encoded.append(byte)
            return
        }
        let hex = Array("0123456789ABCDEF".utf8)
        for byte in String(scalar).utf8 {
            encoded += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
        }
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0") ... UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "A") ... UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        case UInt8(ascii: "a") ... UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        default: return nil
        }
    }

    /// FNV-1a, 64-bit (Fowler, Noll, Vo; draft-eastlake-fnv §2: offset basis 0xcbf29ce484222325,
    /// prime 0x100000001b3). Stable across platforms and runs, unlike `Hasher`.
    static func fnv1a64(_ bytes: [UInt8]) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return hash
    }
}
