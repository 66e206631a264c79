import Foundation

/// How serious a ``Diagnostic`` is.
public enum Severity: String, Sendable, Hashable, Codable {
    /// The data is invalid; `dossier validate` exits 65.
    case error
    /// Something is suspicious or unsupported but the data loads.
    case warning
    /// Extra context attached to an error (e.g. where a duplicate first appeared).
    case note
}

/// A stable, machine-readable identifier for each kind of problem.
public enum DiagnosticCode: String, Sendable, Hashable, Codable {
    case fileNotFound = "file-not-found"
    case ioError = "io-error"
    case descriptorError = "descriptor-error"
    case invalidJSON = "invalid-json"
    /// A path outside the project root, a URL, a device or a folder where a file is expected.
    case badPath = "bad-path"
    /// A descriptor or schema file over the size limit.
    case fileTooLarge = "file-too-large"
    case invalidUTF8 = "invalid-utf8"
    case unterminatedQuote = "unterminated-quote"
    case characterAfterQuote = "character-after-quote"
    case raggedRow = "ragged-row"
    case blankRow = "blank-row"
    case emptyFile = "empty-file"
    case headerMismatch = "header-mismatch"
    case missingLabel = "missing-label"
    case extraLabel = "extra-label"
    /// A header label that is empty (schema inference: every column needs a name).
    case blankLabel = "blank-label"
    /// A header label used twice (schema inference: field names must be unique).
    case duplicateLabel = "duplicate-label"
    case typeError = "type-error"
    case requiredConstraint = "required-constraint"
    case enumConstraint = "enum-constraint"
    case minimumConstraint = "minimum-constraint"
    case maximumConstraint = "maximum-constraint"
    case patternConstraint = "pattern-constraint"
    case lengthConstraint = "length-constraint"
    case uniqueConstraint = "unique-constraint"
    case primaryKey = "primary-key"
    case foreignKey = "foreign-key"
    case note = "note"
    case unsupported = "unsupported"
}

/// One problem found in a data package, located like a compiler error:
/// `datasets/cases.csv:14:3: error: <what> — found "<value>", expected <what>`.
///
/// `line` is the 1-based physical line in the file (the line on which the field starts,
/// counting line breaks inside quoted fields); `column` is the 1-based *field* number in
/// the CSV row (not a character offset). Both are `nil` for whole-file problems.
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible {
    /// Path as it should be printed (relative to the current directory as the user gave it).
    public var file: String
    /// 1-based line, or `nil` for problems that concern the whole file.
    public var line: Int?
    /// 1-based field number within the row, or `nil`.
    public var column: Int?
    /// `error`, `warning` or `note`.
    public var severity: Severity
    /// Stable identifier of the kind of problem.
    public var code: DiagnosticCode
    /// Human-readable message (from ``DiagnosticCatalogue``).
    public var message: String
    /// Notes printed right after this diagnostic (e.g. the first occurrence of a duplicate).
    public var notes: [Diagnostic]

    /// Creates a diagnostic.
    public init(file: String, line: Int? = nil, column: Int? = nil, severity: Severity = .error,
                code: DiagnosticCode, message: String, notes: [Diagnostic] = []) {
        self.file = file
        self.line = line
        self.column = column
        self.severity = severity
        self.code = code
        self.message = message
        self.notes = notes
    }

    /// Moves this diagnostic and its notes `offset` lines down (chunks of a parallel load).
    mutating func shiftLines(by offset: Int) {
        if let l = line { line = l + offset }
        for i in notes.indices { notes[i].shiftLines(by: offset) }
    }

    /// `file:line:column: severity: message` (without notes).
    public var headline: String {
        var location = file
        if let line { location += ":\(line)" }
        if let column { location += ":\(column)" }
        return "\(location): \(severity.rawValue): \(message)"
    }

    /// The headline followed by one line per note.
    public var description: String {
        ([headline] + notes.map(\.headline)).joined(separator: "\n")
    }
}

/// Thrown by ``DataPackage/load(from:)`` when the package is invalid: every diagnostic found,
/// up to a cap, plus the number left out.
public struct DiagnosticError: Error, Sendable, CustomStringConvertible {
    /// The diagnostics reported, in file / line / column order.
    public var diagnostics: [Diagnostic]
    /// Errors found beyond the cap and not listed.
    public var omittedCount: Int

    /// Creates the error.
    public init(diagnostics: [Diagnostic], omittedCount: Int = 0) {
        self.diagnostics = diagnostics
        self.omittedCount = omittedCount
    }

    /// Number of `error` diagnostics (listed + omitted).
    public var errorCount: Int {
        diagnostics.filter { $0.severity == .error }.count + omittedCount
    }

    /// True when the package descriptor itself could not be found.
    public var isFileNotFound: Bool {
        diagnostics.contains { $0.code == .fileNotFound }
    }

    /// All diagnostics, one per line, followed by "N more errors" and a summary line.
    public var description: String {
        var lines = diagnostics.map(\.description)
        if omittedCount > 0 { lines.append(DiagnosticCatalogue.moreErrors(omittedCount)) }
        lines.append(DiagnosticCatalogue.errorSummary(errorCount))
        return lines.joined(separator: "\n")
    }
}

/// Collects diagnostics while loading, keeping at most `cap` errors: the first `cap` in file
/// order (file, line, column), whatever order they were found in. A parallel load finds them
/// in an order that depends on where the file was cut, so which errors are kept must not
/// depend on that order.
struct DiagnosticSink: Sendable {
    var cap: Int
    private(set) var stored: [(order: Int, diagnostic: Diagnostic)] = []
    private(set) var omitted = 0
    private(set) var errorCount = 0
    /// Errors in `stored`.
    private var storedErrors = 0
    private var counter = 0
    /// Index of the file currently being read, used to order diagnostics by file.
    var fileOrder = 0

    init(cap: Int) { self.cap = cap }

    var hasErrors: Bool { errorCount > 0 }

    mutating func add(_ d: Diagnostic) {
        if d.severity == .error { errorCount += 1 }
        store(d)
    }

    /// Adds everything another sink collected (used to merge per-thread sinks).
    mutating func merge(_ other: DiagnosticSink) {
        errorCount += other.errorCount
        omitted += other.omitted
        for (_, d) in other.stored { store(d) }
    }

    /// Keeps `d`; past 10× the cap, drops every error after the first `cap` in file order
    /// (an error that is not among the first `cap` of those seen so far cannot be among the
    /// first `cap` of the whole file).
    private mutating func store(_ d: Diagnostic) {
        counter += 1
        stored.append((fileOrder * 1_000_000_000 + counter, d))
        guard d.severity == .error else { return }
        storedErrors += 1
        if storedErrors > max(cap, 1) * 10 { compact() }
    }

    private mutating func compact() {
        var kept: [(order: Int, diagnostic: Diagnostic)] = []
        var errors = 0
        for entry in stored.sorted(by: Self.fileOrder) {
            if entry.diagnostic.severity == .error {
                if errors >= cap { omitted += 1; continue }
                errors += 1
            }
            kept.append(entry)
        }
        // Insertion order again, so that later merges and the final sort see what they always saw.
        stored = kept.sorted { $0.order < $1.order }
        storedErrors = errors
    }

    /// Order: file, line, column, insertion.
    private static func fileOrder(_ a: (order: Int, diagnostic: Diagnostic), _ b: (order: Int, diagnostic: Diagnostic)) -> Bool {
        let fa = a.order / 1_000_000_000, fb = b.order / 1_000_000_000
        if fa != fb { return fa < fb }
        let la = a.diagnostic.line ?? 0, lb = b.diagnostic.line ?? 0
        if la != lb { return la < lb }
        let ca = a.diagnostic.column ?? 0, cb = b.diagnostic.column ?? 0
        if ca != cb { return ca < cb }
        return a.order < b.order
    }

    /// Adds everything the sink of a later chunk of the same file collected, whose lines count
    /// from that chunk's first line: each line moves down by `lineOffset`.
    mutating func merge(_ other: DiagnosticSink, lineOffset: Int) {
        guard lineOffset != 0 else { return merge(other) }
        var shifted = other
        shifted.stored = other.stored.map { entry in
            var d = entry.diagnostic
            d.shiftLines(by: lineOffset)
            return (entry.order, d)
        }
        merge(shifted)
    }

    /// Final, sorted, capped list.
    func finish() -> DiagnosticError {
        let sorted = stored.sorted(by: Self.fileOrder).map(\.diagnostic)
        var out: [Diagnostic] = []
        var errors = 0
        var extra = omitted
        for d in sorted {
            if d.severity == .error {
                if errors >= cap { extra += 1; continue }
                errors += 1
            }
            out.append(d)
        }
        return DiagnosticError(diagnostics: out, omittedCount: extra)
    }
}
