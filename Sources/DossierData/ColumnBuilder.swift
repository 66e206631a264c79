import Foundation

/// Converts field bytes straight into one typed column, reporting bad cells.
struct ColumnBuilder {
    let field: Field
    /// 1-based column number for diagnostics.
    let column: Int
    let file: String
    private let type: FieldType
    private let required: Bool
    private let checker: ConstraintChecker?
    private let dateFormat: FieldParsers.DateFormat
    private let trueBytes: ByteValueList
    private let falseBytes: ByteValueList
    /// String enum values as bytes and as Strings.
    private let enumBytes: ByteValueList
    private let enumStrings: [String]

    private var text = StringStorageBuilder()
    /// Whether string cells need a `String` for constraint checks (pattern, lengths).
    private let stringChecks: Bool
    /// What a present string cell outside the enum fast path is checked for.
    private let stringCheck: StringCheck
    /// ``checker`` without reference counting (``checker`` keeps it alive): the per-cell calls
    /// of the loops then cost no retain and release.
    private let checkerRef: Unmanaged<ConstraintChecker>?
    /// Short values of this column known to match its pattern (see ``StringCheck/patternOnly``).
    private var patternPasses = ShortValueVerdicts()
    private var integers = NullableCells<Int>(placeholder: 0)
    private var numbers = NullableCells<Double>(placeholder: 0)
    private var booleans = NullableCells<Bool>(placeholder: false)
    private var dates = NullableCells<CivilDate>(placeholder: .placeholder)
    /// Values that certainly pass every constraint (no check call needed); `nil` when each
    /// value must go through the checker (an enum).
    private let integerRange: ClosedRange<Int>?
    private let numberRange: ClosedRange<Double>?

    init(field: Field, column: Int, file: String, required: Bool) {
        self.field = field
        self.column = column
        self.file = file
        self.type = field.type
        self.required = required || field.constraints.required
        let checker = ConstraintChecker(field: field, column: column)
        self.checker = checker
        self.checkerRef = checker.map { Unmanaged.passUnretained($0) }
        let c = field.constraints
        self.stringChecks = c.pattern != nil || c.minLength != nil || c.maxLength != nil
        self.stringCheck = StringCheck(checker, patternOnly: stringChecks)
        self.dateFormat = FieldParsers.DateFormat(field.format) ?? .iso
        self.trueBytes = ByteValueList(field.trueValues.map { Array($0.utf8) })
        self.falseBytes = ByteValueList(field.falseValues.map { Array($0.utf8) })
        if field.type == .string, let values = field.constraints.enumValues {
            enumStrings = values.compactMap { if case .string(let s) = $0 { return s } else { return nil } }
        } else {
            enumStrings = []
        }
        enumBytes = ByteValueList(enumStrings.map { Array($0.utf8) })
        integerRange = c.enumValues == nil ? Self.integerRange(c.minimum, c.maximum) : nil
        numberRange = c.enumValues == nil ? Self.numberRange(c.minimum, c.maximum) : nil
    }

    /// The integers within `minimum`...`maximum`, or `nil` when the bounds are not integers.
    private static func integerRange(_ minimum: Value?, _ maximum: Value?) -> ClosedRange<Int>? {
        func bound(_ v: Value?, _ open: Int) -> Int? {
            switch v {
            case nil: return open
            case .integer(let i): return i
            default: return nil
            }
        }
        guard let lo = bound(minimum, .min), let hi = bound(maximum, .max), lo <= hi else { return nil }
        return lo...hi
    }

    /// The numbers within `minimum`...`maximum`, or `nil` when the bounds are not numbers.
    private static func numberRange(_ minimum: Value?, _ maximum: Value?) -> ClosedRange<Double>? {
        func bound(_ v: Value?, _ open: Double) -> Double? {
            switch v {
            case nil: return open
            case .integer(let i): return Double(i)
            case .number(let d) where !d.isNaN: return d
            default: return nil
            }
        }
        guard let lo = bound(minimum, -.infinity), let hi = bound(maximum, .infinity), lo <= hi else { return nil }
        return lo...hi
    }

    /// Reserves room for `chunk` cells of this chunk, their pages mapped at once.
    mutating func reserve(chunk: Int) {
        switch type {
        case .string: text.reserve(chunk)
        case .integer, .year: integers.reserve(chunk)
        case .number: numbers.reserve(chunk)
        case .boolean: booleans.reserve(chunk)
        case .date: dates.reserve(chunk)
        }
    }

    /// Appends every cell of `other` (the same column of the next chunk of the file) without
    /// copying them: each chunk keeps its own buffer. Empties `other`.
    mutating func absorb(_ other: inout ColumnBuilder) {
        switch type {
        case .string: text.absorb(&other.text)
        case .integer, .year: integers.absorb(&other.integers)
        case .number: numbers.absorb(&other.numbers)
        case .boolean: booleans.absorb(&other.booleans)
        case .date: dates.absorb(&other.dates)
        }
    }

    @inline(__always)
    private mutating func appendNil() {
        switch type {
        case .string: text.appendNull()
        case .integer, .year: integers.appendMissing()
        case .number: numbers.appendMissing()
        case .boolean: booleans.appendMissing()
        case .date: dates.appendMissing()
        }
    }

    /// Appends a missing cell.
    @inline(__always)
    mutating func appendMissing(line: Int, sink: inout DiagnosticSink) {
        appendNil()
        if required { reportRequired(line: line, sink: &sink) }
    }

    private func reportRequired(line: Int, sink: inout DiagnosticSink) {
        sink.add(Diagnostic(file: file, line: line, column: column, code: .requiredConstraint,
                            message: DiagnosticCatalogue.required(field: field.name)))
    }

    /// Appends this column's cells of a batch of rows: one loop per type, so that the type is
    /// decided once per batch rather than once per cell.
    mutating func append(_ batch: ColumnBatch, sink: inout DiagnosticSink) {
        switch type {
        case .string: each(batch, &sink) { $0.appendString($1, ascii: $2.ascii, line: $2.line, sink: &$3) }
        case .integer: each(batch, &sink) { $0.appendInteger($1, FieldParsers.integer($1), line: $2.line, sink: &$3) }
        case .year: each(batch, &sink) { $0.appendInteger($1, FieldParsers.year($1), line: $2.line, sink: &$3) }
        case .number: each(batch, &sink) { $0.appendNumber($1, line: $2.line, sink: &$3) }
        case .boolean: each(batch, &sink) { $0.appendBoolean($1, line: $2.line, sink: &$3) }
        case .date: each(batch, &sink) { $0.appendDate($1, line: $2.line, sink: &$3) }
        }
    }

    @inline(__always)
    private mutating func each(_ batch: ColumnBatch, _ sink: inout DiagnosticSink,
                               _ present: (inout ColumnBuilder, UnsafeBufferPointer<UInt8>, FieldSlice, inout DiagnosticSink) -> Void) {
        var i = batch.first
        for _ in 0..<batch.count {
            let f = batch.slices[i]
            let b = UnsafeBufferPointer(start: batch.base + f.start, count: f.end - f.start)
            if batch.isMissing(b) {
                appendMissing(line: f.line, sink: &sink)
            } else {
                present(&self, b, f, &sink)
            }
            i += batch.stride
        }
    }

    @inline(__always)
    private mutating func appendString(_ b: UnsafeBufferPointer<UInt8>, ascii: Bool, line: Int, sink: inout DiagnosticSink) {
        // Enum values: compare bytes (no String, no hashing).
        if !enumBytes.isEmpty, let k = enumBytes.index(paddedField: b) {
            text.append(paddedField: b)
            if stringChecks {
                checkerRef?._withUnsafeGuaranteedRef { $0.check(.string(enumStrings[k]), raw: enumStrings[k], line: line, file: file, sink: &sink, enumChecked: true) }
            }
            return
        }
        if !ascii, !FieldParsers.isValidUTF8(paddedField: b) {
            text.appendNull()
            reportUTF8(b, line: line, sink: &sink)
            return
        }
        text.append(paddedField: b)
        switch stringCheck {
        case .none:
            return
        case .full:
            let s = String(decoding: b, as: UTF8.self)
            checkerRef?._withUnsafeGuaranteedRef { $0.check(.string(s), raw: s, line: line, file: file, sink: &sink) }
        case .patternOnly:
            // Only a pattern: verdicts cached by bytes, no String unless the value is new; a
            // short value seen passing before is not checked again.
            let key = ShortValueVerdicts.key(paddedField: b)
            if let key, patternPasses.passes(key) { return }
            let ok = checkerRef?._withUnsafeGuaranteedRef { $0.checkPattern(b, line: line, file: file, sink: &sink) } ?? true
            if ok, let key { patternPasses.recordPass(key) }
        }
    }

    @inline(__always)
    private mutating func appendInteger(_ b: UnsafeBufferPointer<UInt8>, _ parsed: Int?, line: Int, sink: inout DiagnosticSink) {
        guard let v = parsed else { return typeError(b, line: line, sink: &sink) }
        integers.append(v)
        if !(integerRange?.contains(v) ?? false) {
            checkerRef?._withUnsafeGuaranteedRef { $0.check(.integer(v), raw: Self.text(b), line: line, file: file, sink: &sink) }
        }
    }

    @inline(__always)
    private mutating func appendNumber(_ b: UnsafeBufferPointer<UInt8>, line: Int, sink: inout DiagnosticSink) {
        guard let v = FieldParsers.number(b) else { return typeError(b, line: line, sink: &sink) }
        numbers.append(v)
        if !(numberRange?.contains(v) ?? false) {
            checkerRef?._withUnsafeGuaranteedRef { $0.check(.number(v), raw: Self.text(b), line: line, file: file, sink: &sink) }
        }
    }

    @inline(__always)
    private mutating func appendBoolean(_ b: UnsafeBufferPointer<UInt8>, line: Int, sink: inout DiagnosticSink) {
        let v: Bool
        if trueBytes.index(paddedField: b) != nil { v = true }
        else if falseBytes.index(paddedField: b) != nil { v = false }
        else { return typeError(b, line: line, sink: &sink) }
        booleans.append(v)
        checkerRef?._withUnsafeGuaranteedRef { $0.check(.boolean(v), raw: Self.text(b), line: line, file: file, sink: &sink) }
    }

    @inline(__always)
    private mutating func appendDate(_ b: UnsafeBufferPointer<UInt8>, line: Int, sink: inout DiagnosticSink) {
        guard let v = FieldParsers.date(b, format: dateFormat) else { return typeError(b, line: line, sink: &sink) }
        dates.append(v)
        checkerRef?._withUnsafeGuaranteedRef { $0.check(.date(v), raw: Self.text(b), line: line, file: file, sink: &sink) }
    }

    static func text(_ b: UnsafeBufferPointer<UInt8>) -> String { String(decoding: b, as: UTF8.self) }

    private func reportUTF8(_ b: UnsafeBufferPointer<UInt8>, line: Int, sink: inout DiagnosticSink) {
        let offset = FieldParsers.utf8ErrorOffset(b) ?? 0
        sink.add(Diagnostic(file: file, line: line, column: column, code: .invalidUTF8,
                            message: DiagnosticCatalogue.invalidUTF8(byte: b.isEmpty ? 0 : b[offset], offset: offset)))
    }

    private mutating func typeError(_ b: UnsafeBufferPointer<UInt8>, line: Int, sink: inout DiagnosticSink) {
        appendNil()
        if FieldParsers.hasHighBytes(b), FieldParsers.utf8ErrorOffset(b) != nil {
            return reportUTF8(b, line: line, sink: &sink)
        }
        sink.add(Diagnostic(file: file, line: line, column: column, code: .typeError,
                            message: DiagnosticCatalogue.typeError(field: field, value: Self.text(b))))
    }

    /// What a string cell is checked for beyond enum membership (decided once per column).
    private enum StringCheck {
        /// Nothing to check.
        case none
        /// Enum or lengths (and the pattern): through a `String`.
        case full
        /// A pattern alone: on the bytes.
        case patternOnly

        init(_ checker: ConstraintChecker?, patternOnly: Bool) {
            guard let checker else { self = .none; return }
            if checker.hasEnum || checker.hasLengthConstraints { self = .full }
            else if patternOnly { self = .patternOnly }
            else { self = .none }
        }
    }

    /// The finished storage; append nothing afterwards.
    mutating func finishStorage() -> ColumnStorage {
        switch type {
        case .string: return .text(text.finish())
        case .integer, .year: return .chunked(ChunkedColumn(.integer(integers.sealAll())))
        case .number: return .chunked(ChunkedColumn(.number(numbers.sealAll())))
        case .boolean: return .chunked(ChunkedColumn(.boolean(booleans.sealAll())))
        case .date: return .chunked(ChunkedColumn(.date(dates.sealAll())))
        }
    }
}
