/// How a run ended, as one value per file and for the whole run: the policy behind labelctl's exit
/// codes (BSD sysexits for usage, data and I/O errors), kept in the library so every front end
/// answers alike.
///
/// | status | code | meaning |
/// |---|---|---|
/// | ``ok`` | 0 | every input labelled and valid (stamp: every file stamped) |
/// | ``unlabelled`` | 1 | some input has no machine-readable AI label (check: misses a requirement) |
/// | ``invalid`` | 2 | some label is invalid or tampered with |
/// | ``usage`` | 64 | bad command line (EX_USAGE) |
/// | ``dataError`` | 65 | corrupt, unsupported or refused input (EX_DATAERR) |
/// | ``ioError`` | 74 | reading or writing failed (EX_IOERR) |
///
/// Statuses combine by severity (``worst(_:)``): I/O > data > invalid > unlabelled > ok; usage
/// errors stop a run before any file.
public enum RunStatus: Int32, Sendable, Hashable, Comparable, CaseIterable {
    case ok = 0
    case unlabelled = 1
    case invalid = 2
    case usage = 64
    case dataError = 65
    case ioError = 74

    private var rank: Int {
        switch self {
        case .ok: return 0
        case .unlabelled: return 1
        case .invalid: return 2
        case .dataError: return 3
        case .ioError: return 4
        case .usage: return 5
        }
    }

    public static func < (lhs: RunStatus, rhs: RunStatus) -> Bool { lhs.rank < rhs.rank }

    /// The more severe of the two.
    public func worst(_ other: RunStatus) -> RunStatus { max(self, other) }

    /// The status of a failure with `code`.
    public init(_ code: LabelerError.Code) {
        switch code {
        case .io: self = .ioError
        case .invalidRequest: self = .usage
        default: self = .dataError
        }
    }

    /// The status of one verification (verify).
    public init(_ report: VerificationReport) {
        switch report.verdict {
        case .labelled: self = .ok
        case .unlabelled: self = .unlabelled
        case .invalid: self = .invalid
        case .error: self = RunStatus(report.errorCode ?? .corrupt)
        }
    }

    /// The status of one file held against a check policy: a failed requirement is at least
    /// ``unlabelled``, even when the verdict itself was `labelled`.
    public init(_ report: VerificationReport, failures: [CheckPolicy.Failure]) {
        let status = RunStatus(report)
        self = failures.isEmpty ? .ok : status.worst(.unlabelled)
    }

    /// The status of a stamping batch: the worst failure, else ok.
    public init(_ summary: BatchSummary) {
        self = summary.worstError.map(RunStatus.init) ?? .ok
    }

    /// The table labelctl prints in its help.
    public static let table = """
        Exit codes:
          0   every input labelled and valid (stamp: every file stamped)
          1   some input unlabelled (check: misses a required layer)
          2   some label invalid or tampered
          64  usage error
          65  corrupt, unsupported or refused input (named with its byte offset)
          74  I/O error (unreadable input, unwritable output)
        """
}
