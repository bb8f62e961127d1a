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
        /// A C2PA manifest store whose active manifest validates (signature, hashed URIs, data hash).
        case c2pa
        /// Such a manifest, signed by a chain that ends at a trust anchor (`--trust-anchors`).
        case c2paTrusted = "c2pa-trusted"

        /// Parses a name, accepting `xmp` for ``iptc``.
        public init?(name: String) {
            let lowered = name.lowercased()
            self.init(rawValue: lowered == "xmp" ? "iptc" : lowered)
        }

        /// Whether `report` satisfies this requirement.
        public func isMet(by report: VerificationReport) -> Bool {
            switch self {
            case .any: return report.verdict == .labelled
            case .iptc: return report.layer(.iptc).map { $0.status == .present && $0.declaresAI == true } ?? false
            case .tc260: return report.layer(.tc260)?.status == .present
            case .exif: return report.layer(.exif)?.status == .present
            case .c2pa: return report.layer(.c2pa)?.status == .present
            case .c2paTrusted: return report.layer(.c2pa)?.fields["ValidationState"] == "trusted"
            }
        }

        public init(from decoder: any Decoder) throws {
            let name = try decoder.singleValueContainer().decode(String.self)
            guard let value = Requirement(name: name) else {
                throw DecodingError.dataCorrupted(
                    .init(codingPath: decoder.codingPath, debugDescription: "unknown layer '\(name)'"))
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
    public init(contentsOf path: FilePath) throws {
        let bytes = try InputFile(reading: path).bytes
        do {
            self = try JSONDecoder().decode(CheckPolicy.self, from: Data(bytes))
        } catch {
            throw LabelerError(.invalidRequest, "policy file is not valid: \(error)", path: path.description)
        }
    }

    public func requirements(for relativePath: FilePath) -> [Requirement] {
        let path = relativePath.description
        return rules.first { Self.glob($0.path, matches: path) }?.require ?? self.default
    }

    /// Why a file fails its requirements: a typed kind (and the requirement it misses) plus words.
    public struct Failure: Sendable, Hashable, Codable, CustomStringConvertible {
        public enum Kind: String, Sendable, Hashable, Codable {
            /// The file could not be read or parsed.
            case unreadable
            /// A label is present but invalid.
            case invalid
            /// A required layer is missing.
            case missing
            /// A required regime's duties are not all met (`--require-regime`).
            case regimeNotMet = "regime_not_met"
        }

        public var kind: Kind
        /// For ``Kind/missing``: what was required.
        public var requirement: Requirement?
        /// For ``Kind/regimeNotMet``: the regime.
        public var regime: RegimeReport.Regime?
        public var message: String

        public init(
            kind: Kind, requirement: Requirement? = nil, regime: RegimeReport.Regime? = nil, message: String
        ) {
            self.kind = kind
            self.requirement = requirement
            self.regime = regime
            self.message = message
        }

        public var description: String { message }
    }

    /// Why `report` fails `requirements` (empty: it passes). Invalid labels and unreadable files always fail.
    public static func failures(of report: VerificationReport, against requirements: [Requirement]) -> [Failure] {
        switch report.verdict {
        case .error: return [Failure(kind: .unreadable, message: "unreadable: \(report.error ?? "error")")]
        case .invalid:
            let problems = report.layers.flatMap(\.problems).map(\.description)
            return [Failure(kind: .invalid, message: "invalid label: " + problems.joined(separator: "; "))]
        case .labelled, .unlabelled: break
        }
        return requirements.filter { !$0.isMet(by: report) }.map { requirement in
            Failure(
                kind: .missing, requirement: requirement,
                message: requirement == .any ? "no machine-readable AI label" : "missing \(requirement.rawValue) layer")
        }
    }

    /// Why `report` fails the `regimes` it must meet: one failure per regime not `met`, naming each
    /// duty left and what would meet it (``DutyReport/remedy``). Unreadable files fail as always.
    public static func failures(of report: VerificationReport, meeting regimes: [RegimeReport.Regime]) -> [Failure] {
        guard report.verdict != .error else { return [] }
        return regimes.compactMap { regime in
            guard let found = report.regimes.first(where: { $0.regime == regime }), found.status != .met else {
                return nil
            }
            let duties = found.unmet.map { duty in
                "\(duty.duty.title) \(duty.status == .notChecked ? "not checked" : "not met")"
                    + (duty.remedy.map { " (\($0))" } ?? "")
            }
            return Failure(
                kind: .regimeNotMet, regime: regime,
                message: "\(regime.rawValue.uppercased()) not met: " + duties.joined(separator: ", "))
        }
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
        if first == "*" {
            return (0 ... text.count).contains { matchSegment(Array(pattern.dropFirst()), Array(text.dropFirst($0))) }
        }
        guard let character = text.first, first == "?" || first == character else { return false }
        return matchSegment(Array(pattern.dropFirst()), Array(text.dropFirst()))
    }
}
