import DossierBase

/// What a guide property (an axis, legend, title or view key of Vega-Lite) takes, and its check.
enum GuideKind: Sendable {
    /// true or false.
    case flag
    /// A number within the rule.
    case number(NumberRule)
    /// A CSS colour, or `null` (nothing drawn).
    case color
    /// Free text.
    case text
    /// Text, or `null` (Vega-Lite's "no title").
    case textOrNull
    /// One of the listed words.
    case choice([String])
    /// A dash pattern (`[4, 2]`).
    case dash
    /// A list of numbers or texts (explicit tick or legend values).
    case values
    /// A Vega expression (`labelExpr`).
    case expression
    /// true, false or one of the listed words (`labelOverlap: parity`).
    case flagOrChoice([String])
    /// true, false or a number (`labelFlush: 4`).
    case flagOrNumber(NumberRule)
    /// A font weight: `normal`, `bold`, `lighter`, `bolder` or 100…900.
    case fontWeight
    /// One of the listed words, or `null`.
    case choiceOrNull([String])
    /// The inner kind, or a ``GuideCondition`` of values of that kind (tick by tick).
    indirect case conditional(GuideKind)
}

/// A decoded guide property value.
package enum GuideValue: Sendable, Equatable {
    case flag(Bool)
    case number(Double)
    case text(String)
    case dash([Double])
    case values([ChartValue])
    case expression(VegaExpression)
    /// `null` where the key allows it (no colour, no title).
    case null
    /// A value that depends on the tick (``GuideCondition``).
    indirect case conditional(GuideCondition)
}

/// The properties of one guide object as written (an axis, a legend, `config.axisX`…): only
/// the keys given. Layers of them merge, the more specific over the more general, the way
/// Vega-Lite resolves a channel's `axis` over `config.axisX` over `config.axis`.
package struct GuideProperties: Sendable, Equatable {
    /// The values by key.
    package var values: [String: GuideValue] = [:]

    /// Properties holding `values` (none by default).
    package init(values: [String: GuideValue] = [:]) { self.values = values }

    package subscript(_ key: String) -> GuideValue? {
        get { values[key] }
        set { values[key] = newValue }
    }

    /// The value of `key` with a condition resolved to its default branch (`value`), the way a
    /// property reads where it is not drawn tick by tick.
    private func plain(_ key: String) -> GuideValue? {
        if case .conditional(let condition) = values[key] { return condition.otherwise }
        return values[key]
    }

    /// The condition under `key`, if it is given as one.
    package func condition(_ key: String) -> GuideCondition? {
        if case .conditional(let condition) = values[key] { return condition }
        return nil
    }

    /// These properties over `base`: a key given here wins.
    package func merged(over base: GuideProperties?) -> GuideProperties {
        guard let base else { return self }
        return GuideProperties(values: base.values.merging(values) { _, mine in mine })
    }

    /// A true/false key (a number other than 0 counts as true).
    package func flag(_ key: String) -> Bool? {
        switch plain(key) {
        case .flag(let b): return b
        case .number(let n): return n != 0
        case .null: return false
        default: return nil
        }
    }

    /// A number key.
    package func number(_ key: String) -> Double? {
        if case .number(let n) = plain(key) { return n }
        return nil
    }

    /// A text key.
    package func text(_ key: String) -> String? {
        if case .text(let s) = plain(key) { return s }
        return nil
    }

    /// Whether the key is given as `null`.
    package func isNull(_ key: String) -> Bool { values[key] == .null }

    /// A colour key: nil when absent, `.some(nil)` when `null` or fully transparent.
    package func color(_ key: String) -> Color?? {
        switch plain(key) {
        case .text(let s):
            guard let c = Palette.color(s) else { return nil }
            return .some(c.alpha == 0 ? nil : c)
        case .null: return .some(nil)
        default: return nil
        }
    }

    /// A dash key (`[]` is solid).
    package func dash(_ key: String) -> [Double]? {
        if case .dash(let d) = plain(key) { return d.isEmpty ? nil : d }
        return nil
    }

    /// A list-of-values key.
    package func list(_ key: String) -> [ChartValue]? {
        if case .values(let v) = values[key] { return v }
        return nil
    }

    /// An expression key.
    package func expression(_ key: String) -> VegaExpression? {
        if case .expression(let e) = values[key] { return e }
        return nil
    }

    /// A font weight key as a Cairo weight (≥ 600 and `bold`/`bolder` are bold).
    package func weight(_ key: String) -> Font.Weight? {
        switch values[key] {
        case .text(let s): return s == "bold" || s == "bolder" ? .bold : .regular
        case .number(let n): return n >= 600 ? .bold : (n >= 500 ? .semibold : .regular)
        default: return nil
        }
    }
}

extension GuideProperties {
    /// Decodes the keys of `table` from a mapping; any other key is an error (unsupported
    /// Vega-Lite keys named as such through `unsupported`, typos with a did-you-mean).
    init(from decoder: any Decoder, table: [String: GuideKind], extraKeys: [String] = [], what: String,
         unsupported: NotYetSupportedKeys?) throws {
        try UnknownKeys.check(decoder, known: Array(table.keys) + extraKeys, what: what, notYetSupported: unsupported)
        let c = try decoder.container(keyedBy: AnyKey.self)
        for key in c.allKeys {
            guard let kind = table[key.stringValue] else { continue }
            values[key.stringValue] = try Self.decodeValue(c, key, kind)
        }
    }

    private static func decodeValue(_ c: KeyedDecodingContainer<AnyKey>, _ key: AnyKey, _ kind: GuideKind) throws -> GuideValue {
        let name = key.stringValue
        if case .conditional(let inner) = kind {
            guard GuideCondition.isConditional(c, key) else { return try decodeValue(c, key, inner) }
            return .conditional(try GuideCondition.decode(c, key) { try decodeValue($0, $1, inner) })
        }
        if try c.decodeNil(forKey: key) {
            switch kind {
            case .color, .textOrNull, .values, .flag, .flagOrChoice, .flagOrNumber, .choiceOrNull: return .null
            default: throw c.failure(key, "`\(name)` is null, expected \(expectation(kind))")
            }
        }
        func mismatch() -> DecodingError {
            if GuideCondition.isConditional(c, key) {
                return c.failure(key, "a condition on `\(name)` is not supported in charts yet: only "
                                 + GuideCondition.keys.joined(separator: ", ") + " take one; give `\(name)` \(expectation(kind))")
            }
            return c.failure(key, "`\(name)` is not \(expectation(kind))")
        }
        switch kind {
        case .flag:
            guard let b = try? c.decode(Bool.self, forKey: key) else { throw mismatch() }
            return .flag(b)
        case .number(let rule):
            guard let n = try? c.decode(Double.self, forKey: key) else { throw mismatch() }
            if let problem = rule.problem(n, as: name) { throw c.failure(key, problem) }
            return .number(n)
        case .color:
            guard let s = try? c.decode(String.self, forKey: key) else { throw mismatch() }
            if s.isEmpty { return .null }  // Vega-Lite: "" is no colour, as null
            if let problem = SpecChecks.color(s) { throw c.failure(key, problem) }
            return .text(s)
        case .text, .textOrNull:
            if let s = try? c.decode(String.self, forKey: key) { return .text(s) }
            // Vega-Lite allows a list of lines; Dossier joins them with a line break.
            if let lines = try? c.decode([String].self, forKey: key) { return .text(lines.joined(separator: "\n")) }
            throw mismatch()
        case .choice(let words):
            guard let s = try? c.decode(String.self, forKey: key) else { throw mismatch() }
            guard words.contains(s) else {
                throw c.failure(key, "\(name) is \(InputExcerpt.quoted(s)), expected one of \(words.joined(separator: ", "))"
                                + NameHint.hint(for: s, known: words))
            }
            return .text(s)
        case .dash:
            return .dash(try c.decodeDash(key) ?? [])
        case .values:
            guard let list = try? c.decode([ChartValue].self, forKey: key) else { throw mismatch() }
            for (index, value) in list.enumerated() {
                if var problem = SpecChecks.coordinate(value, name: "a value of \(name)") { problem.index = index; throw c.failure(key, problem) }
            }
            return .values(list)
        case .expression:
            return .expression(try c.decode(VegaExpression.self, forKey: key))
        case .flagOrChoice(let words):
            if let b = try? c.decode(Bool.self, forKey: key) { return .flag(b) }
            return try decodeValue(c, key, .choice(words))
        case .flagOrNumber(let rule):
            if let b = try? c.decode(Bool.self, forKey: key) { return .flag(b) }
            return try decodeValue(c, key, .number(rule))
        case .fontWeight:
            if let n = try? c.decode(Double.self, forKey: key) {
                guard (100...900).contains(n) else { throw mismatch() }
                return .number(n)
            }
            return try decodeValue(c, key, .choice(["normal", "bold", "lighter", "bolder"]))
        case .choiceOrNull(let words):
            return try decodeValue(c, key, .choice(words))
        case .conditional(let inner):
            return try decodeValue(c, key, inner)
        }
    }

    private static func expectation(_ kind: GuideKind) -> String {
        switch kind {
        case .flag: return "true or false"
        case .number(let rule): return "a number from \(ChartLimits.spell(rule.min)) to \(ChartLimits.spell(rule.max))"
        case .color: return "a CSS colour or null"
        case .text: return "a text"
        case .textOrNull: return "a text or null"
        case .choice(let words): return "one of \(words.joined(separator: ", "))"
        case .dash: return "a dash pattern such as [4, 2]"
        case .values: return "a list of numbers or texts"
        case .expression: return "an expression"
        case .flagOrChoice(let words): return "true, false or one of \(words.joined(separator: ", "))"
        case .flagOrNumber: return "true, false or a number"
        case .fontWeight: return "normal, bold, lighter, bolder or a weight from 100 to 900"
        case .choiceOrNull(let words): return "one of \(words.joined(separator: ", ")) or null"
        case .conditional(let inner): return expectation(inner) + " (or {condition: {test, value}, value})"
        }
    }
}

/// Number ranges of guide properties.
enum GuideLimits {
    /// Lengths in points: tick sizes, paddings, offsets, extents.
    static let length = NumberRule(name: "length", min: -1000, max: 1000, unit: "points")
    /// Line widths in points.
    static let width = NumberRule(name: "width", min: 0, max: 50, unit: "points")
    /// Font sizes in points.
    static let fontSize = NumberRule(name: "fontSize", min: 1, max: 200, unit: "points")
    /// Opacities.
    static let opacity = NumberRule(name: "opacity", min: 0, max: 1, unit: "")
    /// Angles in degrees.
    static let angle = ChartLimits.labelAngle
    /// Counts (ticks, legend columns).
    static let count = NumberRule(name: "count", min: 0, max: 100, unit: "")
    /// Steps and spans in data units.
    static let step = NumberRule(name: "step", min: 0, max: 1e15, unit: "")
    /// Draw order.
    static let zindex = NumberRule(name: "zindex", min: -1000, max: 1000, unit: "")
}
