import DossierBase

/// Vega-Lite's `{"repeat": "row"}` in a channel's `field`: the field is one of the enclosing
/// `repeat`'s values. The decoded field holds a marker until the repeat fills it in.
enum RepeatReference {
    /// The kinds a repeat reference may name.
    static let kinds = ["row", "column", "layer", "repeat"]

    private static let prefix = "\u{1}repeat:"

    /// The field text that stands for a reference to `kind`.
    static func marker(_ kind: String) -> String { prefix + kind }

    /// The kind a field's marker names, or nil for a plain field.
    static func kind(of field: String) -> String? {
        field.hasPrefix(prefix) ? String(field.dropFirst(prefix.count)) : nil
    }

    /// `spec` with every reference replaced by its value in `values` (kind → field).
    /// - Throws: a message naming a reference to a kind `values` lacks.
    static func substitute(_ values: [String: String], in spec: ChartSpec) throws(RepeatProblem) -> ChartSpec {
        var spec = spec
        spec.layers = try spec.layers.map { layer throws(RepeatProblem) in try substitute(values, in: layer) }
        if var composition = spec.composition {
            composition.views = try composition.views.map { view throws(RepeatProblem) in try substitute(values, in: view) }
            spec.composition = composition
        }
        return spec
    }

    private static func substitute(_ values: [String: String], in layer: Layer) throws(RepeatProblem) -> Layer {
        var layer = layer
        for channel in Channel.allCases {
            if let field = layer.encoding[channel]?.field, let kind = kind(of: field) {
                guard let value = values[kind] else { throw RepeatProblem(kind: kind, given: values.keys.sorted()) }
                layer.encoding[channel]?.field = value
            }
            if case .string(let datum)? = layer.encoding[channel]?.datum, let kind = kind(of: datum) {
                guard let value = values[kind] else { throw RepeatProblem(kind: kind, given: values.keys.sorted()) }
                layer.encoding[channel]?.datum = .string(value)
            }
        }
        return layer
    }

    /// The first reference left in `spec`, or nil.
    static func firstLeft(in spec: ChartSpec) -> String? {
        for layer in spec.layers {
            for channel in Channel.allCases {
                if let field = layer.encoding[channel]?.field, let kind = kind(of: field) { return kind }
                if case .string(let datum)? = layer.encoding[channel]?.datum, let kind = kind(of: datum) { return kind }
            }
        }
        return nil
    }
}

/// A `{"repeat": kind}` reference with no enclosing repeat of that kind.
struct RepeatProblem: Error {
    var kind: String
    var given: [String]

    var message: String {
        given.isEmpty
            ? "a field is {\"repeat\": \"\(kind)\"} outside a `repeat`: name the field, or put the view in a chart's `spec` with `repeat`"
            : "a field is {\"repeat\": \"\(kind)\"}, but the enclosing `repeat` has \(given.map { "`\($0)`" }.joined(separator: ", ")): refer to one of them"
    }
}

extension KeyedDecodingContainer {
    /// A channel's `datum`: a number or a text, or `{"repeat": kind}` (the enclosing repeat's
    /// value, kept as a marker for the repeat to fill in, as for `field`).
    func decodeDatum(_ key: Key) throws -> ChartValue? {
        guard contains(key), try !decodeNil(forKey: key) else { return nil }
        if let value = try? decode(ChartValue.self, forKey: key) { return value }
        guard (try? nestedContainer(keyedBy: AnyKey.self, forKey: key)) != nil else {
            return try decode(ChartValue.self, forKey: key)
        }
        return try decodeFieldName(key).map(ChartValue.string)
    }

    /// A channel's `field`: a name, or Vega-Lite's `{"repeat": "row" | "column" | "layer" | "repeat"}`
    /// (kept as a marker for the enclosing repeat to fill in).
    func decodeFieldName(_ key: Key) throws -> String? {
        guard contains(key), try !decodeNil(forKey: key) else { return nil }
        if let name = try? decode(String.self, forKey: key) { return name }
        if (try? nestedContainer(keyedBy: AnyKey.self, forKey: key)) == nil {
            let found = (try? nestedUnkeyedContainer(forKey: key)) != nil ? "a list" : "a number or true/false"
            throw DecodingError.dataCorruptedError(forKey: key, in: self, debugDescription:
                "found \(found), expected a field's name (a text) or {repeat: row, column, layer or repeat}")
        }
        let reference = try superDecoder(forKey: key)
        try UnknownKeys.check(reference, known: ["repeat"], what: "a field reference")
        let c = try reference.container(keyedBy: AnyKey.self)
        let kind = try c.decode(String.self, forKey: AnyKey(stringValue: "repeat"))
        guard RepeatReference.kinds.contains(kind) else {
            throw DecodingError.dataCorrupted(.init(codingPath: c.codingPath + [AnyKey(stringValue: "repeat")], debugDescription:
                "a field's `repeat` is \(InputExcerpt.quoted(kind)), expected row, column, layer or repeat"
                + NameHint.hint(for: kind, known: RepeatReference.kinds)))
        }
        return RepeatReference.marker(kind)
    }
}
