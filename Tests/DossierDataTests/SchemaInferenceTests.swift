import Foundation
import Testing
@testable import DossierData

/// Validates `csv` against `schema` with the loader `dossier validate` uses; returns the
/// diagnostics (empty when valid) and the row count.
private func validate(_ csv: [UInt8], schema: TableSchema, dialect: CSVDialect) -> (diagnostics: [Diagnostic], rows: Int) {
    let resource = Resource(name: "t", path: "t.csv", schema: schema, dialect: dialect)
    var sink = DiagnosticSink(cap: 100)
    let loaded = ResourceLoader(resource: resource, file: nil, displayPath: "t.csv", bytes: csv).load(sink: &sink)
    return (sink.finish().diagnostics, loaded?.table.rowCount ?? -1)
}

/// The inferred schema of `text`, or the diagnostics' description.
private func infer(_ text: String) -> Result<InferredSchema, DiagnosticError> {
    Result { () throws(DiagnosticError) in try SchemaInference.infer(csv: Array(text.utf8), displayPath: "t.csv") }
}

private func types(_ text: String) -> [String] {
    (try? infer(text).get())?.fields.map { "\($0.name): \($0.type.rawValue)" } ?? []
}

private func failure(_ text: String) -> String {
    if case .failure(let error) = infer(text) { return error.diagnostics.map(\.headline).joined(separator: "\n") }
    return "no error"
}

/// Random CSVs (seeded): each column draws its values from one kind, with missing cells
/// sprinkled in; LF, CRLF or lone CR line ends; `,`, `;` or tab; an optional byte-order mark.
private struct CSVGenerator {
    var random: SplitMix64

    enum Kind: CaseIterable {
        case integer, nearInt64, beyondInt64, number, exponent, date, boolean, yesNo, year, accented, quotedText, mixed, missingOnly
    }

    mutating func pick<T>(_ items: [T]) -> T { items[Int(random.next() % UInt64(items.count))] }
    mutating func chance(_ percent: UInt64) -> Bool { random.next() % 100 < percent }

    mutating func value(_ kind: Kind) -> String {
        switch kind {
        case .integer: return String(Int(random.next() % 20_001) - 10_000)
        case .nearInt64:
            return pick([String(Int.max), String(Int.min), String(Int.max - Int(random.next() % 9)), "+\(Int.max)", "-0", "007"])
        case .beyondInt64: return pick(["9223372036854775808", "-9223372036854775809", "99999999999999999999", "12"])
        case .number: return pick(["3.14", "-0.5", ".5", "5.", "1e3", "2.5E-4", "+7.25", String(Double(random.next() % 1000) / 7)])
        case .exponent: return pick(["1e308", "1e999", "-4.9e-324", "123456789012345678901234.5"])
        case .date: return String(format: "%04d-%02d-%02d", 1900 + Int(random.next() % 200), 1 + Int(random.next() % 12), 1 + Int(random.next() % 28))
        case .boolean: return pick(["true", "false", "True", "FALSE", "TRUE", "False"])
        case .yesNo: return pick(["yes", "no"])
        case .year: return String(1800 + Int(random.next() % 301))
        case .accented: return pick(["São Paulo", "Panamá", "Querétaro", "Óbidos", "Zürich", "日本", "ñandú", "Ελλάδα"])
        case .quotedText: return pick(["a, b", "say \"hi\"", "two\nlines", "crlf\r\ninside", "semi;colon", "tab\there", " padded ", "=1+1"])
        case .mixed: return pick(["12", "x", "2024-01-01", "true", "3.5", "NaN", "INF", "Infinity", "-inf"])
        case .missingOnly: return pick(["NA", "-", "null"])
        }
    }

    /// One cell: the column's value, or a missing spelling now and then.
    mutating func cell(_ kind: Kind) -> String {
        if chance(8) { return "" }
        if chance(4) { return pick(["NA", "N/A", "n/a", "NaN", "null", "NULL", "-", "."]) }
        return value(kind)
    }

    /// `text` as a CSV field: quoted when it must be, and sometimes when it need not. A text
    /// with any of the delimiters is quoted: a one-column file's delimiter is sniffed as `,`.
    mutating func field(_ text: String, delimiter: Character) -> String {
        let must = text.unicodeScalars.contains { ",;\t\"\n\r".unicodeScalars.contains($0) }
        guard must || chance(10) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    mutating func csv() -> [UInt8] {
        let delimiter: Character = pick([",", ",", ",", ";", "\t"])
        let lineEnd = pick(["\n", "\r\n", "\r"])
        let columns = 1 + Int(random.next() % 6)
        let kinds = (0..<columns).map { _ in pick(Kind.allCases) }
        let names = (0..<columns).map { index in pick(["c", "año", "year", "naïve \"q\"", "yr", "value"]) + "\(index)" }
        var lines = [names.map { field($0, delimiter: delimiter) }.joined(separator: String(delimiter))]
        for _ in 0..<Int(random.next() % 40) {
            lines.append(kinds.map { field(cell($0), delimiter: delimiter) }.joined(separator: String(delimiter)))
        }
        var text = lines.joined(separator: lineEnd)
        if chance(80) { text += lineEnd }
        if chance(15) { text += lineEnd + lineEnd }
        return (chance(10) ? [0xEF, 0xBB, 0xBF] : []) + Array(text.utf8)
    }
}

@Suite struct SchemaInferenceTests {
    /// The property that makes the schema `dossier init` writes trustworthy: whatever the CSV,
    /// it validates against its inferred schema with no error, with the same rows.
    @Test func everyCSVValidatesAgainstItsInferredSchema() throws {
        var generator = CSVGenerator(random: SplitMix64(seed: 16))
        for index in 0..<600 {
            let csv = generator.csv()
            let inferred = try SchemaInference.infer(csv: csv, displayPath: "t.csv")
            let result = validate(csv, schema: inferred.tableSchema, dialect: inferred.dialect)
            let shown = String(decoding: csv, as: UTF8.self)
            #expect(result.diagnostics.isEmpty, "CSV \(index):\n\(shown)\n\(result.diagnostics.map(\.headline))")
            #expect(result.rows == inferred.rowCount, "CSV \(index):\n\(shown)")
        }
    }

    @Test func typesAreTheNarrowestTheParsersAccept() {
        let csv = #"""
            station,year,rain_mm,days,wet,measured,note,code,big,answer
            Óbidos,2019,812.5,120,true,2019-12-31,"dry, then wet",007,99999999999999999999,yes
            Faro,2020,NA,98,false,2020-12-31,,12,1,no
            Évora,2021,640,101,TRUE,2021-12-31,ok,3,2,yes
            Óbidos,2022,700.25,,False,2022-12-31,"quoted ""word""",-4,3,no

            """#
        #expect(types(csv) == ["station: string", "year: year", "rain_mm: number", "days: integer", "wet: boolean",
                               "measured: date", "note: string", "code: integer", "big: number", "answer: boolean"])
        let inferred = try? infer(csv).get()
        #expect(inferred?.missingValues == ["", "NA"])
        #expect(inferred?.fields.map(\.missing) == [0, 0, 1, 1, 0, 0, 1, 0, 0, 0])
        #expect(inferred?.fields.map(\.required) == [true, true, false, false, true, true, false, true, true, true])
        #expect(inferred?.fields[9].trueValues == ["yes"])
        #expect(inferred?.fields[4].trueValues == nil, "the default spellings")
    }

    @Test func integersAtAndBeyondTheInt64Limits() {
        #expect(types("n\n9223372036854775807\n-9223372036854775808\n") == ["n: integer"])
        #expect(types("n\n9223372036854775808\n1\n") == ["n: number"])
        #expect(types("n\n-9223372036854775809\n") == ["n: number"])
    }

    @Test func nonFiniteSpellingsMakeText() {
        #expect(types("x\n1.5\nINF\n") == ["x: string"])
        #expect(types("x\n1.5\nInfinity\n") == ["x: string"])
        #expect(types("x\n1.5\nNaN\n") == ["x: number"], "NaN is a missing spelling")
    }

    @Test func yearsByNameAndRange() {
        #expect(types("year,when,n\n1066,1850,1066\n1999,2020,1999\n") == ["year: year", "when: year", "n: integer"])
        #expect(types("yr\n0999\n") == ["yr: integer"])
    }

    @Test func missingSpellingsBecomeMissingInEveryColumn() throws {
        let inferred = try infer("n,label\n1,NA\nNA,x\n2,y\n").get()
        #expect(inferred.fields.map(\.type) == [.integer, .string])
        #expect(inferred.fields.map(\.missing) == [1, 1])
        #expect(inferred.fields.map(\.required) == [false, false])
    }

    @Test func delimiterIsSniffedFromTheHeaderLine() throws {
        #expect(try infer("a;b\n1;2\n").get().dialect.delimiter == UInt8(ascii: ";"))
        #expect(try infer("a\tb\n1\t2\n").get().dialect.delimiter == UInt8(ascii: "\t"))
        #expect(try infer("a,b;c\n1,2\n").get().dialect.delimiter == UInt8(ascii: ","))
    }

    @Test func oneColumnBlankLinesAreMissingValuesAsInValidate() throws {
        let inferred = try infer("a\n1\n\n2\n\n").get()
        #expect(inferred.rowCount == 4)
        #expect(inferred.fields[0].missing == 2)
        #expect(inferred.fields[0].required == false)
    }

    @Test func badCSVsGetTheDiagnosticsOfValidate() {
        let ragged = "a,b\n1,2\n3\n"
        let expected = validate(Array(ragged.utf8), schema: TableSchema(fields: [Field(name: "a", type: .string), Field(name: "b", type: .string)]),
                                dialect: CSVDialect()).diagnostics.map(\.headline).joined(separator: "\n")
        #expect(failure(ragged) == expected)
        #expect(failure(ragged) == "t.csv:3:2: error: wrong number of fields — found 1 field, expected 2 as in the header")
        #expect(failure("a,b\n1,2\n\n3,4\n").hasPrefix("t.csv:3:1: error: blank line"))
        #expect(failure("a,b\n1,\"open\n") == "t.csv:2:2: error: unterminated quoted field — found end of file, expected a closing quote '\"' for the field opened here")
        #expect(failure("a,b\n\"1\"x,2\n").hasPrefix("t.csv:2:1: error: unexpected character after closing quote"))
        #expect(failure("") == "t.csv:1: error: empty file — found no header row, expected a header row naming the columns")
        #expect(failure("\"a\n") .hasPrefix("t.csv:1:1: error: unterminated quoted field"))
        #expect(failure("a,,b\n1,2,3\n") == "t.csv:1:2: error: column without a name — found \"\" in column 2 of the header, expected a name for every column")
        #expect(failure("a,b,a\n1,2,3\n") == "t.csv:1:3: error: duplicate column name — found \"a\" twice (columns 1 and 3), expected unique names")
        let latin1: [UInt8] = Array("name\nS".utf8) + [0xE3, 0x6F] + Array("\n".utf8)
        #expect(throws: DiagnosticError.self) { try SchemaInference.infer(csv: latin1, displayPath: "t.csv") }
        do {
            _ = try SchemaInference.infer(csv: latin1, displayPath: "t.csv")
        } catch {
            #expect(error.diagnostics.map(\.headline) == ["t.csv:2:1: error: invalid UTF-8 — found byte 0xE3 at byte 2 of the field, expected UTF-8 text (save the file as UTF-8)"])
        }
    }
}
