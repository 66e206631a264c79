import Foundation

/// Per-cell constraint checks (enum, minimum, maximum, pattern, length) for one field.
/// `required` is checked by the column builder; `unique` and `primaryKey` by ``KeyChecks``.
final class ConstraintChecker {
    let field: Field
    let column: Int
    private let enumSet: Set<Value>?
    private let enumStrings: [String]
    /// The compiled pattern, made at the first value the byte pattern cannot decide (compiling
    /// a `Regex` costs about 0.1 ms, and the flagship's package has a dozen patterns).
    private lazy var regex: Regex<AnyRegexOutput>? = field.constraints.pattern.flatMap { try? Regex($0) }
    /// The pattern matched on bytes, when it is simple enough (see ``BytePattern``).
    private let bytePattern: BytePattern?
    private let patternText: String
    /// Pattern verdicts of values seen so far (bounded), since Regex matching is slow and
    /// constrained columns (codes, identifiers) repeat values.
    private var patternCache: [String: Bool] = [:]
    /// Whether the field has an enum (string fields check it on bytes in ``ColumnBuilder``).
    var hasEnum: Bool { enumSet != nil }
    /// Whether minLength / maxLength apply (they need the String's character count).
    var hasLengthConstraints: Bool { field.constraints.minLength != nil || field.constraints.maxLength != nil }
    /// Pattern verdicts keyed by raw bytes (payload 1 = matches), bounded.
    private var bytePatternCache = ByteStringSet()

    /// Compiles the field's constraints; the pattern was validated by the descriptor parser.
    init?(field: Field, column: Int) {
        let c = field.constraints
        guard c.enumValues != nil || c.minimum != nil || c.maximum != nil || c.pattern != nil
                || c.minLength != nil || c.maxLength != nil else { return nil }
        self.field = field
        self.column = column
        enumSet = c.enumValues.map(Set.init)
        enumStrings = c.enumValues?.map(\.description) ?? []
        patternText = c.pattern ?? ""
        bytePattern = c.pattern.flatMap(BytePattern.init)
    }

    /// Checks one non-missing typed value; `raw` is the cell text for messages. Never inlined:
    /// inlined into the column builder's loops, its `Regex` types made every batch of every
    /// column look up their metadata (about 3% of a large load).
    @inline(never)
    func check(_ value: Value, raw: @autoclosure () -> String, line: Int, file: String, sink: inout DiagnosticSink,
               enumChecked: Bool = false) {
        let c = field.constraints
        func report(_ code: DiagnosticCode, _ message: String) {
            sink.add(Diagnostic(file: file, line: line, column: column, code: code, message: message))
        }
        if !enumChecked, let enumSet, !enumSet.contains(value) {
            report(.enumConstraint, DiagnosticCatalogue.notInEnum(field: field.name, value: raw(), allowed: enumStrings))
            return
        }
        if let min = c.minimum, value < min {
            report(.minimumConstraint, DiagnosticCatalogue.belowMinimum(field: field.name, value: raw(), minimum: min.description))
            return
        }
        if let max = c.maximum, max < value {
            report(.maximumConstraint, DiagnosticCatalogue.aboveMaximum(field: field.name, value: raw(), maximum: max.description))
            return
        }
        if case .string(let s) = value {
            if let minL = c.minLength, s.count < minL {
                report(.lengthConstraint, DiagnosticCatalogue.tooShort(field: field.name, value: s, minLength: minL))
                return
            }
            if let maxL = c.maxLength, s.count > maxL {
                report(.lengthConstraint, DiagnosticCatalogue.tooLong(field: field.name, value: s, maxLength: maxL))
                return
            }
            if let regex, !matches(regex, s) {
                report(.patternConstraint, DiagnosticCatalogue.patternMismatch(field: field.name, value: s, pattern: patternText))
            }
        }
    }
}

extension ConstraintChecker {
    /// Checks only the pattern, on bytes (valid UTF-8), reporting a mismatch. Never inlined
    /// (see ``check(_:raw:line:file:sink:enumChecked:)``).
    /// Returns whether the value matches (true when there is no pattern).
    @inline(never) @discardableResult
    func checkPattern(_ b: UnsafeBufferPointer<UInt8>, line: Int, file: String, sink: inout DiagnosticSink) -> Bool {
        let ok: Bool
        // The byte pattern first: binding `regex` copies it (a retain and release per cell);
        // the regex is compiled only for a value the byte pattern leaves undecided.
        if let verdict = bytePattern?.matches(b) {
            ok = verdict
        } else if let known = bytePatternCache.payload(of: b) {
            ok = known == 1
        } else {
            guard let regex else { return true }
            ok = (try? regex.wholeMatch(in: String(decoding: b, as: UTF8.self))) != nil
            if bytePatternCache.count < 50_000 { bytePatternCache.insert(b, payload: ok ? 1 : 0) }
        }
        if !ok {
            let s = String(decoding: b, as: UTF8.self)
            sink.add(Diagnostic(file: file, line: line, column: column, code: .patternConstraint,
                                message: DiagnosticCatalogue.patternMismatch(field: field.name, value: s, pattern: patternText)))
        }
        return ok
    }

    fileprivate func matches(_ regex: Regex<AnyRegexOutput>, _ s: String) -> Bool {
        if let known = patternCache[s] { return known }
        let ok = (try? regex.wholeMatch(in: s)) != nil
        if patternCache.count < 50_000 { patternCache[s] = ok }
        return ok
    }
}

/// Uniqueness checks over loaded columns: `unique` fields and the `primaryKey`.
enum KeyChecks {
    /// Duplicate detection on raw bytes (hash → first row). Returns false, having reported
    /// nothing, if two different values share a 64-bit hash; the caller then uses Strings.
    static func checkUniqueText(_ s: StringStorage, report: (Int, Int) -> Void) -> Bool {
        var seen = [UInt64: Int](minimumCapacity: s.count)
        var duplicates: [(Int, Int)] = []
        var ok = true
        s.forEachCell { r, b in
            guard ok, let b else { return }
            let h = StringInterner.hash(b)
            if let first = seen[h] {
                guard s.withBytes(first, { $0.elementsEqual(b) }) else { ok = false; return }
                duplicates.append((r, first))
            } else {
                seen[h] = r
            }
        }
        if ok { for (r, first) in duplicates { report(r, first) } }
        return ok
    }

    /// Whether the non-missing cells of an integer column strictly increase (identifiers are
    /// usually written in order: then they are unique without hashing), read chunk by chunk.
    static func checkIncreasing(_ column: ChunkedColumn) -> Bool {
        var increasing = true
        var previous = Int.min
        let isInteger = column.forEachInteger { v in
            guard increasing, let v else { return }
            if v <= previous { increasing = false }
            previous = v
        }
        return isInteger && increasing
    }

    /// Reports every row whose key repeats an earlier row's key, with a note at the first one.
    /// Rows with any missing key cell are skipped (reported as `required` elsewhere).
    static func checkUnique(table: Table, fieldIndices: [Int], isPrimaryKey: Bool, file: String, sink: inout DiagnosticSink) {
        guard !fieldIndices.isEmpty, table.sourceLines.count == table.rowCount else { return }
        let names = fieldIndices.map { table.fields[$0].name }
        func report(row: Int, first: Int, value: String) {
            let line = table.sourceLines[row], firstLine = table.sourceLines[first]
            let message = isPrimaryKey
                ? DiagnosticCatalogue.duplicatePrimaryKey(fields: names, value: value, firstLine: firstLine)
                : DiagnosticCatalogue.duplicateUnique(field: names[0], value: value, firstLine: firstLine)
            let note = Diagnostic(file: file, line: firstLine, column: fieldIndices[0] + 1, severity: .note,
                                  code: .note, message: DiagnosticCatalogue.firstOccurrence(value))
            sink.add(Diagnostic(file: file, line: line, column: fieldIndices[0] + 1,
                                code: isPrimaryKey ? .primaryKey : .uniqueConstraint, message: message, notes: [note]))
        }
        if fieldIndices.count == 1, case .text(let storage) = table.storage[fieldIndices[0]] {
            if checkUniqueText(storage, report: { r, first in report(row: r, first: first, value: storage.string(r) ?? "") }) {
                return
            }
        }
        if fieldIndices.count == 1, case .chunked(let chunked) = table.storage[fieldIndices[0]],
           checkIncreasing(chunked) {
            return
        }
        let cols = fieldIndices.map { table.storage[$0].column }
        if cols.count == 1 {
            let col = cols[0]
            switch col {
            case .integer(let a):
                // Identifiers are usually written in increasing order: then there is nothing to hash.
                var increasing = true
                var previous = Int.min
                for v in a {
                    guard let v else { continue }
                    if v <= previous { increasing = false; break }
                    previous = v
                }
                if increasing { return }
                var seen = [Int: Int](minimumCapacity: a.count)
                for (r, v) in a.enumerated() {
                    guard let v else { continue }
                    if let first = seen.updateValue(r, forKey: v) {
                        seen[v] = first
                        report(row: r, first: first, value: String(v))
                    }
                }
            case .string(let a):
                var seen = [String: Int](minimumCapacity: a.count)
                for (r, v) in a.enumerated() {
                    guard let v else { continue }
                    if let first = seen.updateValue(r, forKey: v) {
                        seen[v] = first
                        report(row: r, first: first, value: v)
                    }
                }
            default:
                var seen = [Value: Int]()
                for r in 0..<col.count {
                    let v = col[r]
                    if v.isNull { continue }
                    if let first = seen.updateValue(r, forKey: v) {
                        seen[v] = first
                        report(row: r, first: first, value: v.description)
                    }
                }
            }
            return
        }
        var seen = [[Value]: Int]()
        for r in 0..<table.rowCount {
            let k = cols.map { $0[r] }
            if k.contains(where: \.isNull) { continue }
            if let first = seen.updateValue(r, forKey: k) {
                seen[k] = first
                report(row: r, first: first, value: k.map(\.description).joined(separator: ", "))
            }
        }
    }
}
