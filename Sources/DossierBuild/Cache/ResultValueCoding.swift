import DossierReport

/// A computed result (``ResultValue``) in the cache's binary format: numbers bit for bit, so a
/// cached analysis gives the same bytes in stats.json, the text and the charts as computing it.
enum ResultValueCoding {
    static func encode(_ value: ResultValue, into writer: inout CacheByteWriter) {
        switch value {
        case let .number(number):
            writer.byte(0)
            writer.double(number)
        case let .integer(integer):
            writer.byte(1)
            writer.integer(integer)
        case let .text(text):
            writer.byte(2)
            writer.string(text)
        case let .boolean(flag):
            writer.byte(3)
            writer.boolean(flag)
        case let .interval(low, high, level):
            writer.byte(4)
            writer.double(low)
            writer.double(high)
            writer.double(level)
        case let .record(fields):
            writer.byte(5)
            writer.integer(fields.count)
            for field in fields {
                writer.string(field.name)
                encode(field.value, into: &writer)
            }
        case let .table(table):
            writer.byte(6)
            writer.integer(table.columns.count)
            for column in table.columns {
                writer.string(column.name)
                writer.integer(column.values.count)
                for item in column.values { encode(item, into: &writer) }
            }
        case let .list(items):
            writer.byte(7)
            writer.integer(items.count)
            for item in items { encode(item, into: &writer) }
        case .missing:
            writer.byte(8)
        }
    }

    static func decode(from reader: inout CacheByteReader) throws(CacheEntryDamaged) -> ResultValue {
        switch try reader.byte() {
        case 0: return .number(try reader.double())
        case 1: return .integer(try reader.integer())
        case 2: return .text(try reader.string())
        case 3: return .boolean(try reader.boolean())
        case 4: return .interval(low: try reader.double(), high: try reader.double(), level: try reader.double())
        case 5:
            var fields: [ResultValue.Field] = []
            for _ in 0..<(try reader.count()) {
                let name = try reader.string()
                fields.append(ResultValue.Field(name, try decode(from: &reader)))
            }
            return .record(fields)
        case 6:
            var columns: [ResultTable.Column] = []
            for _ in 0..<(try reader.count()) {
                let name = try reader.string()
                var values: [ResultValue] = []
                for _ in 0..<(try reader.count()) { values.append(try decode(from: &reader)) }
                columns.append(ResultTable.Column(name: name, values: values))
            }
            return .table(ResultTable(columns: columns))
        case 7:
            var items: [ResultValue] = []
            for _ in 0..<(try reader.count()) { items.append(try decode(from: &reader)) }
            return .list(items)
        case 8: return .missing
        default: throw CacheEntryDamaged()
        }
    }

    /// One value as a whole payload.
    static func payload(_ value: ResultValue) -> [UInt8] {
        var writer = CacheByteWriter()
        encode(value, into: &writer)
        return writer.bytes
    }

    /// A whole payload as one value; damaged when bytes are left over.
    static func value(_ payload: [UInt8]) throws(CacheEntryDamaged) -> ResultValue {
        var reader = CacheByteReader(payload)
        let value = try decode(from: &reader)
        guard reader.atEnd else { throw CacheEntryDamaged() }
        return value
    }
}
