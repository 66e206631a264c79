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
    private let trueBytes: [[UInt8]]
    private let falseBytes: [[UInt8]]
    /// String enum values as bytes and as the shared String stored for them.
    private let enumBytes: [[UInt8]]
    private let enumStrings: [String]

    private var text = StringStorageBuilder()
    /// Whether string cells need a `String` for constraint checks (pattern, lengths).
    private let stringChecks: Bool
    private var integers: [Int?] = []
    private var numbers: [Double?] = []
    private var booleans: [Bool?] = []
    private var dates: [CivilDate?] = []
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
        self.checker = ConstraintChecker(field: field, column: column)
        let c = field.constraints
        self.stringChecks = c.pattern != nil || c.minLength != nil || c.maxLength != nil
        self.dateFormat = FieldParsers.DateFormat(field.format) ?? .iso
        self.trueBytes = field.trueValues.map { Array($0.utf8) }
        self.falseBytes = field.falseValues.map { Array($0.utf8) }
        if field.type == .string, let values = field.constraints.enumValues {
            enumStrings = values.compactMap { if case .string(let s) = $0 { return s } else { return nil } }
        } else {
            enumStrings = []
        }
        enumBytes = enumStrings.map { Array($0.utf8) }
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

    /// Reserves room for `chunk` cells of this chunk; typed columns, which later chunks are
    /// copied into, for `total` (untouched capacity costs no memory).
    mutating func reserve(chunk: Int, total: Int) {
        switch type {
        case .string: text.reserve(chunk)
        case .integer, .year: reserve(&integers, chunk: chunk, total: total)
        case .number: reserve(&numbers, chunk: chunk, total: total)
        case .boolean: reserve(&booleans, chunk: chunk, total: total)
        case .date: reserve(&dates, chunk: chunk, total: total)
        }
    }

    private func reserve<T>(_ array: inout [T], chunk: Int, total: Int) {
        array.reserveCapacity(total)
        Prefault.populate(&array, adding: chunk - array.count)
    }

    /// Appends `other` to `array`, mapping the pages it fills in one go, then empties `other`.
    private func absorb<T>(_ array: inout [T], _ other: inout [T]) {
        array.reserveCapacity(array.count + other.count)
        Prefault.populate(&array, adding: other.count)
        array.append(contentsOf: other)
        other = []
    }

    /// Appends every cell of `other` (the same column of the next chunk of the file), then
    /// empties it, so that its memory is freed before the next column is merged.
    mutating func absorb(_ other: inout ColumnBuilder) {
        switch type {
        case .string: text.absorb(&other.text)
        case .integer, .year: absorb(&integers, &other.integers)
        case .number: absorb(&numbers, &other.numbers)
        case .boolean: absorb(&booleans, &other.booleans)
        case .date: absorb(&dates, &other.dates)
        }
    }

    @inline(__always)
    private mutating func appendNil() {
        switch type {
        case .string: text.appendNull()
        case .integer, .year: integers.append(nil)
        case .number: numbers.append(nil)
        case .boolean: booleans.append(nil)
        case .date: dates.append(nil)
        }
    }

    /// Appends a missing cell.
    mutating func appendMissing(line: Int, sink: inout DiagnosticSink) {
        appendNil()
        if required {
            sink.add(Diagnostic(file: file, line: line, column: column, code: .requiredConstraint,
                                message: DiagnosticCatalogue.required(field: field.name)))
        }
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
        // Enum values: compare bytes, store the shared String (no allocation, no hashing).
        if !enumBytes.isEmpty {
            for k in 0..<enumBytes.count where FieldParsers.equals(b, enumBytes[k]) {
                text.append(paddedField: b)
                if stringChecks {
                    checker?.check(.string(enumStrings[k]), raw: enumStrings[k], line: line, file: file, sink: &sink, enumChecked: true)
                }
                return
            }
        }
        if !ascii, FieldParsers.utf8ErrorOffset(b) != nil {
            text.appendNull()
            reportUTF8(b, line: line, sink: &sink)
            return
        }
        text.append(paddedField: b)
        guard let checker else { return }
        if checker.hasEnum || checker.hasLengthConstraints {
            let s = String(decoding: b, as: UTF8.self)
            checker.check(.string(s), raw: s, line: line, file: file, sink: &sink)
        } else if stringChecks {
            // Only a pattern: verdicts cached by bytes, no String unless the value is new.
            checker.checkPattern(b, line: line, file: file, sink: &sink)
        }
    }

    @inline(__always)
    private mutating func appendInteger(_ b: UnsafeBufferPointer<UInt8>, _ parsed: Int?, line: Int, sink: inout DiagnosticSink) {
        guard let v = parsed else { return typeError(b, line: line, sink: &sink) }
        integers.append(v)
        if !(integerRange?.contains(v) ?? false) {
            checker?.check(.integer(v), raw: Self.text(b), line: line, file: file, sink: &sink)
        }
    }

    @inline(__always)
    private mutating func appendNumber(_ b: UnsafeBufferPointer<UInt8>, line: Int, sink: inout DiagnosticSink) {
        guard let v = FieldParsers.number(b) else { return typeError(b, line: line, sink: &sink) }
        numbers.append(v)
        if !(numberRange?.contains(v) ?? false) {
            checker?.check(.number(v), raw: Self.text(b), line: line, file: file, sink: &sink)
        }
    }

    @inline(__always)
    private mutating func appendBoolean(_ b: UnsafeBufferPointer<UInt8>, line: Int, sink: inout DiagnosticSink) {
        let v: Bool
        if trueBytes.contains(where: { FieldParsers.equals(b, $0) }) { v = true }
        else if falseBytes.contains(where: { FieldParsers.equals(b, $0) }) { v = false }
        else { return typeError(b, line: line, sink: &sink) }
        booleans.append(v)
        checker?.check(.boolean(v), raw: Self.text(b), line: line, file: file, sink: &sink)
    }

    @inline(__always)
    private mutating func appendDate(_ b: UnsafeBufferPointer<UInt8>, line: Int, sink: inout DiagnosticSink) {
        guard let v = FieldParsers.date(b, format: dateFormat) else { return typeError(b, line: line, sink: &sink) }
        dates.append(v)
        checker?.check(.date(v), raw: Self.text(b), line: line, file: file, sink: &sink)
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

    /// The finished storage.
    func finishStorage() -> ColumnStorage {
        type == .string ? .text(text.finish()) : .typed(finishTyped())
    }

    private func finishTyped() -> Column {
        switch type {
        case .string: return .string(text.finish().strings)
        case .integer, .year: return .integer(integers)
        case .number: return .number(numbers)
        case .boolean: return .boolean(booleans)
        case .date: return .date(dates)
        }
    }
}
