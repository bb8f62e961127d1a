import ArgumentParser
import Labeler

/// labelctl's exit codes (BSD sysexits for usage / data / I/O errors).
enum ExitStatus: Int32, Comparable {
    /// Every input labelled and valid (verify/check), or stamped (stamp).
    case ok = 0
    /// Some input has no machine-readable AI label (or misses a required layer).
    case unlabelled = 1
    /// Some label is invalid or tampered with.
    case invalid = 2
    /// Bad command line (EX_USAGE).
    case usage = 64
    /// Corrupt, unsupported or refused input (EX_DATAERR).
    case dataError = 65
    /// Reading or writing failed (EX_IOERR).
    case ioError = 74

    static let table = """
        Exit codes:
          0   every input labelled and valid (stamp: every file stamped)
          1   some input unlabelled (check: misses a required layer)
          2   some label invalid or tampered
          64  usage error
          65  corrupt, unsupported or refused input (named with its byte offset)
          74  I/O error (unreadable input, unwritable output)
        """

    /// Severity order: I/O > data > invalid > unlabelled > ok (usage never mixes with the others).
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

    static func < (lhs: ExitStatus, rhs: ExitStatus) -> Bool { lhs.rank < rhs.rank }

    init(_ error: LabelerError) {
        switch error.code {
        case .io: self = .ioError
        case .invalidRequest: self = .usage
        default: self = .dataError
        }
    }

    init(_ verdict: VerificationReport.Verdict, errorIsIO: Bool = false) {
        switch verdict {
        case .labelled: self = .ok
        case .unlabelled: self = .unlabelled
        case .invalid: self = .invalid
        case .error: self = errorIsIO ? .ioError : .dataError
        }
    }

    var exitCode: ExitCode { ExitCode(rawValue) }
}
