import Foundation

/// The owner's defaults for `labelctl`: a `labelctl.toml` (``TOMLSubset``) or `labelctl.json` in
/// the working folder, or the file `--config` names. Flags given on the command line win.
///
/// ```toml
/// profile = "all"                  # kz, eu, cn, all, or "kz,cn"
/// generator = "ExampleGen"         # IPTC AISystemUsed
/// generator_version = "2.1"
/// producer = "ExampleCo"
/// producer_code = "001191110000EXAMPLE00X1AB01"
/// lang = ["kk", "ru", "zh"]        # or "kk,ru,zh"
/// corner = "bottom-right"
/// cert = "keys/chain.pem"          # paths are relative to this file's folder
/// key = "keys/key.pem"
/// tsa = "http://tsa.example/"      # RFC 3161 time-stamp authority
/// trust_anchors = "keys/root.pem"  # for verify and check
/// ```
///
/// The JSON form has the same keys. An unknown key is an error (a typo must not silently drop a
/// duty), as is a value of the wrong type.
public struct LabelerConfig: Sendable, Hashable {
    public static let fileNames = ["labelctl.toml", "labelctl.json"]
    public static let keys = [
        "profile", "generator", "generator_version", "producer", "producer_code", "lang", "corner", "cert", "key",
        "tsa", "trust_anchors",
    ]

    /// The file it came from.
    public var path: String
    public var profile: ComplianceProfile?
    public var generator: String?
    public var generatorVersion: String?
    public var producer: String?
    public var producerCode: String?
    /// Comma-separated, as `--lang` takes it.
    public var languages: String?
    public var corner: String?
    /// Paths, resolved against the config file's folder.
    public var cert: String?
    public var key: String?
    public var tsa: String?
    public var trustAnchors: String?

    /// The first of ``fileNames`` present in `folder`, if any.
    public static func find(in folder: String) -> String? {
        fileNames.map { folder == "." ? $0 : folder + "/" + $0 }.first { FileManager.default.fileExists(atPath: $0) }
    }

    /// Reads `path` (TOML unless it ends in `.json`).
    /// - Throws: ``LabelerError`` naming the file and, for TOML, the line and byte offset.
    public init(contentsOf path: String) throws(LabelerError) {
        let bytes: [UInt8]
        do { bytes = try InputFile(reading: FilePath(path)).bytes } catch {
            throw LabelerError.wrapping(error, path: path)
        }
        try self.init(parsing: bytes, path: path, json: path.lowercased().hasSuffix(".json"))
    }

    public init(parsing bytes: [UInt8], path: String, json: Bool) throws(LabelerError) {
        self.path = path
        var values: [(key: String, value: TOMLSubset.Value, where: String)] = []
        if json {
            guard let object = try? JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any] else {
                throw LabelerError(.invalidRequest, "config file is not a JSON object", path: path)
            }
            for (key, raw) in object.sorted(by: { $0.key < $1.key }) {
                guard let value = Self.value(raw) else {
                    throw LabelerError(
                        .invalidRequest, "config key '\(key)': a string, number, boolean or array", path: path)
                }
                values.append((key, value, "key '\(key)'"))
            }
        } else {
            do {
                values = try TOMLSubset.parse(bytes).map { ($0.key, $0.value, "line \($0.line)") }
            } catch {
                throw LabelerError(.invalidRequest, "config file: \(error)", path: path, offset: error.offset)
            }
        }
        let folder = path.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
        func resolve(_ file: String) -> String { file.hasPrefix("/") || folder.isEmpty ? file : folder + "/" + file }
        for (key, value, location) in values {
            func fail(_ reason: String) -> LabelerError {
                LabelerError(.invalidRequest, "config \(location): \(reason)", path: path)
            }
            guard Self.keys.contains(key) else {
                throw fail("unknown key '\(key)'; known: \(Self.keys.joined(separator: ", "))")
            }
            let text: String
            switch value {
            case .string(let string): text = string
            case .array(let items) where key == "lang":
                var codes: [String] = []
                for case .string(let code) in items { codes.append(code) }
                guard codes.count == items.count else { throw fail("lang is an array of language codes") }
                text = codes.joined(separator: ",")
            default: throw fail("'\(key)' takes a string")
            }
            switch key {
            case "profile":
                do { profile = try ComplianceProfile(parsing: text) } catch { throw fail(error.message) }
            case "generator": generator = text
            case "generator_version": generatorVersion = text
            case "producer": producer = text
            case "producer_code": producerCode = text
            case "lang": languages = text
            case "corner": corner = text
            case "cert": cert = resolve(text)
            case "key": self.key = resolve(text)
            case "tsa": tsa = text
            default: trustAnchors = resolve(text)
            }
        }
    }

    private static func value(_ raw: Any) -> TOMLSubset.Value? {
        switch raw {
        case let string as String: return .string(string)
        case let array as [Any]:
            let items = array.compactMap(value)
            return items.count == array.count ? .array(items) : nil
        case let bool as Bool: return .boolean(bool)
        case let number as Int: return .integer(number)
        default: return nil
        }
    }
}
