/// The key of a list element, so that an error can point at one element (`strokeDash[1]`).
struct SpecIndexKey: CodingKey {
    let index: Int
    var stringValue: String { "Index \(index)" }
    var intValue: Int? { index }
    init(index: Int) { self.index = index }
    init?(stringValue: String) { nil }
    init?(intValue: Int) { self.init(index: intValue) }
}

/// Decoding of checked chart options: a value outside its documented range throws a
/// `DecodingError.dataCorrupted` whose coding path ends at the option (or the list element),
/// so the report reader can point at its line and column.
extension KeyedDecodingContainer {
    /// A number within `rule`.
    func decodeNumber(_ key: Key, _ rule: NumberRule) throws -> Double? {
        guard let value = try decodeIfPresent(Double.self, forKey: key) else { return nil }
        if let message = rule.problem(value, as: key.stringValue) { throw failure(key, message) }
        return value
    }

    /// A whole number within `rule`.
    func decodeWholeNumber(_ key: Key, _ rule: NumberRule) throws -> Int? {
        guard let value = try decodeIfPresent(Int.self, forKey: key) else { return nil }
        if let message = rule.problem(value, as: key.stringValue) { throw failure(key, message) }
        return value
    }

    /// A dash pattern (see ``SpecChecks/dash(_:name:)``).
    func decodeDash(_ key: Key) throws -> [Double]? {
        guard let dash = try decodeIfPresent([Double].self, forKey: key) else { return nil }
        if let problem = SpecChecks.dash(dash, name: key.stringValue) { throw failure(key, problem) }
        return dash
    }

    /// A CSS colour, kept as written.
    func decodeColor(_ key: Key) throws -> String? {
        guard let text = try decodeIfPresent(String.self, forKey: key) else { return nil }
        if let problem = SpecChecks.color(text) { throw failure(key, problem) }
        return text
    }

    /// A list of CSS colours, kept as written.
    func decodeColors(_ key: Key) throws -> [String]? {
        guard let list = try decodeIfPresent([String].self, forKey: key) else { return nil }
        for (index, text) in list.enumerated() {
            if var problem = SpecChecks.color(text) {
                problem.index = index
                throw failure(key, problem)
            }
        }
        return list
    }

    /// A number or category where a position is expected.
    func decodeCoordinate(_ key: Key) throws -> ChartValue? {
        guard let value = try decodeIfPresent(ChartValue.self, forKey: key) else { return nil }
        if let problem = SpecChecks.coordinate(value, name: key.stringValue) { throw failure(key, problem) }
        return value
    }

    /// A number format (see ``SpecChecks/format(_:)``).
    func decodeFormat(_ key: Key, temporal: Bool = false) throws -> String? {
        guard let format = try decodeIfPresent(String.self, forKey: key) else { return nil }
        // A time format (`%b %Y`) is checked by the channel that knows the field's type.
        if temporal || TimeFormat.looksTemporal(format) { return format }
        if let problem = SpecChecks.format(format) { throw failure(key, problem) }
        return format
    }

    /// The error for the option at `key` (or its element `problem.index`).
    func failure(_ key: Key, _ problem: SpecProblem) -> DecodingError {
        let path: [any CodingKey] = codingPath + [key] + (problem.index.map { [SpecIndexKey(index: $0)] } ?? [])
        return DecodingError.dataCorrupted(.init(codingPath: path, debugDescription: problem.message))
    }

    /// The error for the option at `key`.
    func failure(_ key: Key, _ message: String) -> DecodingError {
        failure(key, SpecProblem(message: message))
    }
}
