import DossierData
import DossierReport

/// Why a build failed, grouped by the exit code the command line maps it to.
public enum BuildError: Error, CustomStringConvertible {
    /// Bad report source (front matter, body, expressions, figures): exit 65.
    case report(ReportError)
    /// Bad data: every diagnostic, exit 65.
    case data(DiagnosticError)
    /// A missing input file: exit 66.
    case missingInput(String)
    /// A failure inside Dossier or the C libraries: exit 70.
    case internalFailure(String)

    public var description: String {
        switch self {
        case let .report(error): return error.description
        case let .data(error): return error.description
        case let .missingInput(path): return "error: no such file: \(path)"
        case let .internalFailure(message): return "error: \(message)"
        }
    }

    /// The process exit code (sysexits.h).
    public var exitCode: Int32 {
        switch self {
        case .report: return 65
        case let .data(error): return error.isFileNotFound ? 66 : 65
        case .missingInput: return 66
        case .internalFailure: return 70
        }
    }
}

extension BuildError {
    /// `error` as a build error: a ``BuildError`` as it is, a report's or the data's error as
    /// ``report(_:)`` or ``data(_:)``, anything else an internal failure (`context` + its text).
    init(_ error: any Error, context: String = "") {
        switch error {
        case let error as BuildError: self = error
        case let error as ReportError: self = .report(error)
        case let error as DiagnosticError: self = .data(error)
        default: self = .internalFailure(context + "\(error)")
        }
    }
}
