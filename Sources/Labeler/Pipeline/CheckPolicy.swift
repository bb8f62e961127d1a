#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// What `labelctl check` requires of each file, optionally per folder.
///
/// Policy file (JSON):
/// ```json
/// { "default": ["any"],
///   "rules": [ { "path": "renders/**", "require": ["xmp", "tc260"] },
///              { "path": "drafts/**",  "require": [] } ] }
/// ```
/// Paths are matched against the file's path relative to the folder given to `check`; the first
/// matching rule wins, else `default` applies. `*` matches within one path segment, `**` any number
/// of segments, `?` one character.
public struct CheckPolicy: Sendable, Hashable, Codable {
    /// A layer a file must carry.
    public enum Requirement: String, Sendable, Hashable, Codable, CaseIterable {
        /// Any machine-readable AI disclosure (verdict `labelled`).
        case any
        /// XMP `Iptc4xmpExt:DigitalSourceType` declaring AI (`xmp` is accepted as a synonym).
        case iptc
        /// A valid GB 45438 Annex E `AIGC` label.
        case tc260
        /// An EXIF block.
        case exif
        /// A C2PA manifest store.
        case c2pa

        /// Parses a name, accepting `xmp` for ``iptc``.
        public init?(name: String) {
            let lowered = name.lowercased()
            self.init(rawValue: lowered == "xmp" ? "iptc" : lowered)
        }

        public init(from decoder: any Decoder) throws {
            let name = try decoder.singleValueContainer().decode(String.self)
            guard let value = Requirement(name: name) else {
                throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "unknown layer '\(name)'"))
            }
            self = value
        }
    }

    public struct Rule: Sendable, Hashable, Codable {
        public var path: String
        public var require: [Requirement]
    }

    public var `default`: [Requirement]
    public var rules: [Rule]

    public init(default requirements: [Requirement] = [.any], rules: [Rule] = []) {
        self.default = requirements
        self.rules = rules
    }

    /// Reads a policy file.
    /// - Throws: ``LabelerError`` (`.invalidRequest`) naming the file and the problem.
    public init(contentsOf path: String) throws {
        let bytes = try FileIO.read(path)
        do {
            self = try JSONDecoder().decode(CheckPolicy.self, from: Data(bytes))
        } catch {
            throw LabelerError(.invalidRequest, "policy file is not valid: \(error)", path: path)
        }
    }

    public func requirements(for relativePath: String) -> [Requirement] {
        rules.first { Self.glob($0.path, matches: relativePath) }?.require ?? self.default
    }

    /// Why `report` fails `requirements` (empty: it passes). Invalid labels and unreadable files always fail.
    public static func failures(of report: VerificationReport, against requirements: [Requirement]) -> [String] {
        switch report.verdict {
        case .error: return ["unreadable: \(report.error ?? "error")"]
        case .invalid:
            return ["invalid label: " + report.layers.flatMap(\.problems).joined(separator: "; ")]
        case .labelled, .unlabelled: break
        }
        var failures: [String] = []
        for requirement in requirements {
            let met: Bool
            switch requirement {
            case .any: met = report.verdict == .labelled
            case .iptc: met = report.layer(.iptc).map { $0.status == .present && $0.declaresAI == true } ?? false
            case .tc260: met = report.layer(.tc260)?.status == .present
            case .exif: met = report.layer(.exif)?.status == .present
            case .c2pa: met = report.layer(.c2pa)?.status == .present
            }
            if !met { failures.append(requirement == .any ? "no machine-readable AI label" : "missing \(requirement.rawValue) layer") }
        }
        return failures
    }

    /// Glob match over `/`-separated paths.
    static func glob(_ pattern: String, matches path: String) -> Bool {
        match(Array(pattern.split(separator: "/", omittingEmptySubsequences: true)), Array(path.split(separator: "/")))
    }

    private static func match(_ pattern: [Substring], _ path: [Substring]) -> Bool {
        guard let first = pattern.first else { return path.isEmpty }
        if first == "**" {
            let rest = Array(pattern.dropFirst())
            return (0 ... path.count).contains { match(rest, Array(path.dropFirst($0))) }
        }
        guard let segment = path.first, matchSegment(Array(first), Array(segment)) else { return false }
        return match(Array(pattern.dropFirst()), Array(path.dropFirst()))
    }

    private static func matchSegment(_ pattern: [Character], _ text: [Character]) -> Bool {
        guard let first = pattern.first else { return text.isEmpty }
        if first == "*" { return (0 ... text.count).contains { matchSegment(Array(pattern.dropFirst()), Array(text.dropFirst($0))) } }
        guard let character = text.first, first == "?" || first == character else { return false }
        return matchSegment(Array(pattern.dropFirst()), Array(text.dropFirst()))
    }
}
