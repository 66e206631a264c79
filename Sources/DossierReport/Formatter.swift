import DossierBase

/// The formatters a report can apply in `{{ value | formatter(arguments) }}`. Every number a
/// reader sees goes through one of these, so the style is the same everywhere.
package enum Formatter {
    /// Names and one-line descriptions of every formatter, for error messages and docs.
    static let catalogue: [(name: String, usage: String)] = [
        ("fixed", "fixed(d): a number with d decimals — 0.62"),
        ("percent", "percent(d): a share 0–1 as a percentage — 62%"),
        ("count", "count: an integer with thousands separators — 1,234"),
        ("number", "number(d): thousands separators and d decimals — 1,234.5"),
        ("interval", "interval(d): an estimate with its interval — 0.62 [0.21, 0.84]"),
        ("pvalue", "pvalue: a p-value — p = 0.03, p < 0.001"),
        ("usd_millions", "usd_millions(d): an amount in USD millions — US$390 million, US$1.5 billion"),
        ("signed", "signed(d): a number with its sign — +0.12"),
        ("list", "list: texts joined as prose — Argentina, Brazil and Chile"),
        ("text", "text: a value as plain text"),
    ]

    static var names: [String] { catalogue.map(\.name) }

    /// The formatters that take a number of decimals, `name(d)`.
    static let decimalFormatters: Set<String> = ["fixed", "percent", "number", "interval", "usd_millions", "signed"]
    /// The most decimals a formatter prints (a double has about 16 significant digits).
    static let maximumDecimals = 12

    /// Throws unless `arguments` suit the formatter `name`: at most one number of decimals,
    /// 0 to ``maximumDecimals``, for the formatters that take one; none for the others.
    static func checkArguments(_ name: String, _ arguments: [Int]) throws(FormatFailure) {
        guard names.contains(name) else { return }
        if decimalFormatters.contains(name) {
            guard arguments.count <= 1 else {
                throw FormatFailure("\(name) takes one argument, the number of decimals, found \(arguments.count)")
            }
            if let digits = arguments.first, !(0...maximumDecimals).contains(digits) {
                throw FormatFailure("\(name)(\(digits)): the number of decimals must be 0 to \(maximumDecimals)")
            }
        } else if !arguments.isEmpty {
            throw FormatFailure("\(name) takes no argument, found \(arguments.count)")
        }
    }

    /// Formats `value`; throws a message (without location) when the formatter does not apply.
    package static func apply(_ name: String, arguments: [Int], to value: ResultValue) throws(FormatFailure) -> ResultValue {
        try checkArguments(name, arguments)
        let digits = arguments.first
        switch name {
        case "fixed":
            return .text(NumberText.fixed(try number(value, name), decimals: digits ?? 2))
        case "number":
            return .text(NumberText.fixed(try number(value, name), decimals: digits ?? 0, grouping: true))
        case "signed":
            let x = try number(value, name)
            let body = NumberText.fixed(x, decimals: digits ?? 2)
            return .text(body.hasPrefix("−") || body == NumberText.fixed(0, decimals: digits ?? 2) ? body : "+" + body)
        case "percent":
            return .text(NumberText.fixed(try number(value, name) * 100, decimals: digits ?? 0) + "%")
        case "count":
            // Rounded like every other number (ties to even), grouped at any size.
            return .text(NumberText.fixed(try number(value, name), decimals: 0, grouping: true))
        case "pvalue":
            return .text(pValue(try number(value, name)))
        case "usd_millions":
            return .text(usdMillions(try number(value, name), digits: digits))
        case "interval":
            return .text(try interval(value, digits: digits ?? 2))
        case "list":
            guard case let .list(items) = value else { throw FormatFailure("list needs a list, found \(value.kindWithArticle)") }
            return .text(prose(items.map(plainText)))
        case "text":
            return .text(plainText(value))
        default:
            throw FormatFailure("unknown formatter \"\(name)\"" + NameHint.hint(for: name, known: names))
        }
    }

    /// The text a value shows when no formatter is given.
    package static func plainText(_ value: ResultValue) -> String {
        switch value {
        case let .text(text): return text
        // Thousands separators from five digits on, so that years (2015) print as years;
        // the `count` formatter always groups.
        case let .integer(int): return abs(int) >= 10_000 ? NumberText.grouped(int) : String(int).replacingOccurrences(of: "-", with: "−")
        case let .number(x):
            guard let whole = NumberText.wholeNumber(x) else { return NumberText.fixed(x, decimals: 2) }
            return plainText(.integer(whole))
        case let .boolean(flag): return flag ? "yes" : "no"
        case let .interval(low, high, _): return "[\(NumberText.fixed(low, decimals: 2)), \(NumberText.fixed(high, decimals: 2))]"
        case .missing: return "—"
        case let .list(items): return prose(items.map(plainText))
        case .record, .table: return "(\(value.kindName))"
        }
    }

    static func number(_ value: ResultValue, _ formatter: String) throws(FormatFailure) -> Double {
        if let x = value.doubleValue { return x }
        if let estimate = value.field("estimate")?.doubleValue { return estimate }
        throw FormatFailure("\(formatter) needs a number, found \(value.kindWithArticle)"
            + (value.memberNames.isEmpty ? "" : " with fields \(value.memberNames.joined(separator: ", "))"))
    }

    static func pValue(_ p: Double) -> String {
        if p < 0.001 { return "p < 0.001" }
        if p < 0.01 { return "p = " + NumberText.fixed(p, decimals: 3) }
        if p > 0.99 { return "p > 0.99" }
        return "p = " + NumberText.fixed(p, decimals: 2)
    }

    static func usdMillions(_ millions: Double, digits: Int?) -> String {
        if abs(millions) >= 1000 {
            return "US$" + NumberText.fixed(millions / 1000, decimals: digits ?? 1) + " billion"
        }
        return "US$" + NumberText.fixed(millions, decimals: digits ?? 0, grouping: true) + " million"
    }

    static func interval(_ value: ResultValue, digits: Int) throws(FormatFailure) -> String {
        func bounds(_ v: ResultValue) -> (Double, Double)? {
            if case let .interval(low, high, _) = v { return (low, high) }
            return nil
        }
        if let (low, high) = bounds(value) {
            return "[\(NumberText.fixed(low, decimals: digits)), \(NumberText.fixed(high, decimals: digits))]"
        }
        if let estimate = value.field("estimate")?.doubleValue, let ci = value.field("ci"), let (low, high) = bounds(ci) {
            return "\(NumberText.fixed(estimate, decimals: digits)) [\(NumberText.fixed(low, decimals: digits)), \(NumberText.fixed(high, decimals: digits))]"
        }
        throw FormatFailure("interval needs an interval or a record with \"estimate\" and \"ci\", found \(value.kindWithArticle)")
    }

    package static func prose(_ items: [String]) -> String {
        switch items.count {
        case 0: return ""
        case 1: return items[0]
        default:
            // Appended in one string (the slice's generic `joined` cost more than the words).
            var out = ""
            out.reserveCapacity(items.reduce(items.count * 2 + 3) { $0 + $1.utf8.count })
            for (index, item) in items.enumerated() {
                if index > 0 { out += index == items.count - 1 ? " and " : ", " }
                out += item
            }
            return out
        }
    }
}

/// Why a formatter could not format a value.
package struct FormatFailure: Error {
    package var message: String
    package init(_ message: String) { self.message = message }
}

extension Formatter {
    /// The value as stored (no thousands separators), for matching filters and keys.
    package static func rawText(_ value: ResultValue) -> String {
        switch value {
        case let .integer(int): return String(int)
        case let .number(x): return StatsJSON.number(x)
        case let .boolean(flag): return flag ? "true" : "false"
        default: return plainText(value)
        }
    }
}
