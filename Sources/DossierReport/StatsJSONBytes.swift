import DossierBase

/// The bytes of stats.json, appended to one `[UInt8]`: the same text ``StatsJSON`` defines
/// (fixed key order, two-space indents, shortest round-trip numbers), written without a
/// `String` per value. At 1000× data stats.json is 53 MB of hundreds of thousands of list
/// items; building it from small strings (a padding string per value, a quoted copy per text)
/// took 0.9 s of CPU.
package struct StatsJSONBytes {
    /// The text so far, UTF-8.
    package private(set) var bytes: [UInt8] = []

    package init(capacity: Int = 0) {
        bytes.reserveCapacity(capacity)
    }

    /// Appends ASCII or UTF-8 text as is.
    package mutating func append(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// Appends `text`'s UTF-8 as is (already JSON).
    package mutating func text(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }

    /// Appends `count` levels of two-space indentation.
    mutating func indent(_ count: Int) {
        bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * max(count, 0)))
    }

    /// Appends `value` as ``StatsJSON/write(_:indent:into:)`` writes it.
    package mutating func value(_ value: ResultValue, indent: Int) {
        switch value {
        case let .number(x): number(x)
        case let .integer(i): integer(i)
        case let .text(text): string(text)
        case let .boolean(flag): append(flag ? "true" : "false")
        case .missing: append("null")
        case let .interval(low, high, level):
            append("{\"low\": ")
            number(low)
            append(", \"high\": ")
            number(high)
            append(", \"level\": ")
            number(level)
            append("}")
        case let .list(items):
            list(items, indent: indent)
        case let .record(fields):
            append("{\n")
            for (index, field) in fields.enumerated() {
                self.indent(indent + 1)
                string(field.name)
                append(": ")
                self.value(field.value, indent: indent + 1)
                append(index == fields.count - 1 ? "\n" : ",\n")
            }
            self.indent(indent)
            append("}")
        case let .table(table):
            append("{\n")
            for (index, column) in table.columns.enumerated() {
                self.indent(indent + 1)
                string(column.name)
                append(": ")
                list(column.values, indent: indent + 1)
                append(index == table.columns.count - 1 ? "\n" : ",\n")
            }
            self.indent(indent)
            append("}")
        }
    }

    /// `[a, b, …]` on one line; a record inside is indented one level deeper than the list.
    private mutating func list(_ items: [ResultValue], indent: Int) {
        append("[")
        for (index, item) in items.enumerated() {
            if index > 0 { append(", ") }
            value(item, indent: indent + 1)
        }
        append("]")
    }

    /// ``StatsJSON/number(_:)``: `null` for NaN and the infinities, else ``NumberText/short(_:)``
    /// (a whole number below 10^15 as an integer, any other as Swift's shortest round-trip form).
    package mutating func number(_ x: Double) {
        guard x.isFinite else { return append("null") }
        if let whole = NumberText.wholeNumber(x) { return integer(whole) }
        // Shortest round-trip forms are at most 24 bytes: a small string, never allocated.
        bytes.append(contentsOf: x.description.utf8)
    }

    /// Decimal digits, with `-` when negative.
    package mutating func integer(_ value: Int) {
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)
        var count = 0
        withUnsafeMutableBytes(of: &digits) { buffer in
            repeat {
                buffer[count] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
                count += 1
            } while magnitude > 0
            for index in stride(from: count - 1, through: 0, by: -1) { bytes.append(buffer[index]) }
        }
    }

    /// ``StatsJSON/string(_:)``: quoted, with `"`, `\` and control characters escaped; each run
    /// of bytes that needs no escape is copied whole.
    package mutating func string(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        if text.utf8.withContiguousStorageIfAvailable({ escaped($0) }) == nil {
            let copy = Array(text.utf8)
            copy.withUnsafeBufferPointer { escaped($0) }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private mutating func escaped(_ utf8: UnsafeBufferPointer<UInt8>) {
        var runStart = 0
        for (index, byte) in utf8.enumerated() where byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
            runStart = index + 1
            switch byte {
            case UInt8(ascii: "\""): append("\\\"")
            case UInt8(ascii: "\\"): append("\\\\")
            case UInt8(ascii: "\n"): append("\\n")
            case UInt8(ascii: "\r"): append("\\r")
            case UInt8(ascii: "\t"): append("\\t")
            default:
                let hex: [UInt8] = Array("0123456789abcdef".utf8)
                append("\\u00")
                bytes.append(hex[Int(byte >> 4)])
                bytes.append(hex[Int(byte & 0x0F)])
            }
        }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart...]))
    }
}
