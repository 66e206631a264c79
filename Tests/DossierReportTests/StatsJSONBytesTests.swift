import DossierBase
@testable import DossierReport
import Testing

/// The byte writer of stats.json writes exactly the text the string writer it replaced wrote
/// (kept here as the reference, `ReferenceStatsJSON`), for every kind of value, nested, and for
/// texts that need every kind of escape.
@Suite struct StatsJSONBytesTests {
    /// The string writer as it was before ``StatsJSONBytes`` (commit 31d6b26).
    enum ReferenceStatsJSON {
        static func write(_ value: ResultValue, indent: Int, into out: inout String) {
            let pad = String(repeating: "  ", count: indent + 1)
            let closePad = String(repeating: "  ", count: indent)
            switch value {
            case let .number(x): out += x.isFinite ? NumberText.short(x) : "null"
            case let .integer(i): out += String(i)
            case let .text(text): out += string(text)
            case let .boolean(flag): out += flag ? "true" : "false"
            case .missing: out += "null"
            case let .interval(low, high, level):
                func n(_ x: Double) -> String { x.isFinite ? NumberText.short(x) : "null" }
                out += "{\"low\": \(n(low)), \"high\": \(n(high)), \"level\": \(n(level))}"
            case let .list(items):
                out += "["
                for (index, item) in items.enumerated() {
                    if index > 0 { out += ", " }
                    write(item, indent: indent + 1, into: &out)
                }
                out += "]"
            case let .record(fields):
                out += "{\n"
                for (index, field) in fields.enumerated() {
                    out += pad + string(field.name) + ": "
                    write(field.value, indent: indent + 1, into: &out)
                    out += index == fields.count - 1 ? "\n" : ",\n"
                }
                out += closePad + "}"
            case let .table(table):
                out += "{\n"
                for (index, column) in table.columns.enumerated() {
                    out += pad + string(column.name) + ": "
                    write(.list(column.values), indent: indent + 1, into: &out)
                    out += index == table.columns.count - 1 ? "\n" : ",\n"
                }
                out += closePad + "}"
            }
        }

        static func string(_ text: String) -> String {
            var out = "\""
            for scalar in text.unicodeScalars {
                switch scalar {
                case "\"": out += "\\\""
                case "\\": out += "\\\\"
                case "\n": out += "\\n"
                case "\r": out += "\\r"
                case "\t": out += "\\t"
                default:
                    if scalar.value < 0x20 {
                        out += "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count)
                            + String(scalar.value, radix: 16)
                    } else {
                        out.unicodeScalars.append(scalar)
                    }
                }
            }
            return out + "\""
        }
    }

    static let texts = ["", "plain", "say \"hi\"", "back\\slash", "tab\there", "line\nbreak\r\n", "\u{1}\u{8}\u{c}\u{1f}",
                        "é中文 🙂", "end\"", "\"start", "\u{7f}", "mixed \"\\\n\u{2}é"]
    static let numbers: [Double] = [0, -0.0, 1, -1, 0.1, -2.5, 1e15, 999_999_999_999_999, -1e15, 1e16, 1e-7, 123.456,
                                    .pi, .nan, .infinity, -.infinity, Double(Int.max), 5e-324, 1.7976931348623157e308]
    static let integers = [0, 1, -1, 9, 10, -10, 1_234_567, Int.max, Int.min]

    /// Every kind, nested in lists, records and tables.
    static var values: [ResultValue] {
        let scalars: [ResultValue] = numbers.map(ResultValue.number) + integers.map(ResultValue.integer)
            + texts.map(ResultValue.text) + [.boolean(true), .boolean(false), .missing,
                                              .interval(low: -1.5, high: .nan, level: 0.95)]
        let record = ResultValue.record(scalars.enumerated().map { ResultValue.Field(texts[$0.offset % texts.count] + "\($0.offset)", $0.element) })
        let table = ResultValue.table(ResultTable(columns: [
            .init(name: "a \"quoted\" name", values: scalars),
            .init(name: "records", values: [record, .list([record, .list(scalars)])]),
        ]))
        return scalars + [.list(scalars), record, table, .list([table, record]), .record([.init("t", table)]),
                          .list([]), .record([]), .table(ResultTable(columns: []))]
    }

    @Test func everyValueIsWrittenAsTheStringWriterWroteIt() {
        for value in Self.values {
            for indent in 0...3 {
                var reference = ""
                ReferenceStatsJSON.write(value, indent: indent, into: &reference)
                var writer = StatsJSONBytes()
                writer.value(value, indent: indent)
                #expect(String(decoding: writer.bytes, as: UTF8.self) == reference)
            }
        }
    }

    @Test func textsAreEscapedAsTheStringWriterEscapedThem() {
        for text in Self.texts {
            var writer = StatsJSONBytes()
            writer.string(text)
            #expect(writer.bytes == Array(ReferenceStatsJSON.string(text).utf8))
            #expect(StatsJSON.string(text) == ReferenceStatsJSON.string(text))
        }
    }

    @Test func aWholeFileIsTheSameAsBytesAndAsText() {
        let results = Dictionary(uniqueKeysWithValues: Self.values.enumerated().map { ("r\($0.offset)", $0.element) })
        let order = (0..<Self.values.count).map { "r\($0)" } + ["absent"]
        let bytes = StatsJSON.encodeBytes(results: results, order: order)
        #expect(String(decoding: bytes, as: UTF8.self) == StatsJSON.encode(results: results, order: order))
        var reference = "{\n"
        for index in Self.values.indices {
            reference += "  \"r\(index)\": "
            ReferenceStatsJSON.write(Self.values[index], indent: 1, into: &reference)
            reference += index == Self.values.count - 1 ? "\n" : ",\n"
        }
        #expect(String(decoding: bytes, as: UTF8.self) == reference + "}\n")
    }
}
