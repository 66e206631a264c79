/// Guesses one column's Table Schema type from its cells by running the field parsers the
/// loader runs (``FieldParsers``), so that a guessed type never rejects a value of the column.
///
/// The narrowest type that accepts every present value wins, in this order: `boolean`
/// (`true`/`false` in any of the default spellings, or `yes`/`no`, or `Yes`/`No`), `integer`
/// — or `year` when every value is four ASCII digits between 1000 and 2999 in a column whose
/// name mentions "year" (or is `yr`), between 1800 and 2100 otherwise — then `number` (finite
/// spellings only: `NaN`, `INF`, `Infinity` make a column text), `date` (`YYYY-MM-DD`), else
/// `string`. Integers beyond 64 bits fail the integer parser and make the column a `number`.
/// A typed guess reads the spellings in ``missingSpellings`` (`NA`, `-`, …) as missing; a
/// string column keeps them as text.
struct ColumnTypeGuess {
    /// Spellings read as "missing" when a column is otherwise typed.
    static let missingSpellings: Set<String> = ["NA", "N/A", "n/a", "NaN", "null", "NULL", "-", "."]

    /// The guessed field (its `missing` counts empty cells only, its `required` is unset).
    let field: InferredField
    /// The missing spellings the guess relied on (empty for a string column).
    let usedMissingSpellings: Set<String>

    /// Guesses the type of the column `name` whose present (non-empty) cells are `present`;
    /// `empty` cells are missing.
    init(name: String, present: [String], empty: Int) {
        let candidates = present.filter { !Self.missingSpellings.contains($0) }
        let spellings = Set(present.filter { Self.missingSpellings.contains($0) })
        let typed = candidates.isEmpty ? nil : Self.typedGuess(name: name, values: candidates)
        let considered = typed == nil ? present : candidates
        field = InferredField(name: name, type: typed?.type ?? .string, trueValues: typed?.booleans?.true,
                              falseValues: typed?.booleans?.false, missing: empty + present.count - considered.count,
                              distinct: Set(considered).count, example: considered.first, required: false)
        usedMissingSpellings = typed == nil ? [] : spellings
    }

    /// Boolean spellings a column may use, each as (true, false); `custom` when they are not
    /// among the Table Schema defaults (and must be written to the schema).
    private static let booleanSpellings: [(true: [String], false: [String], custom: Bool)] = [
        (["true", "True", "TRUE"], ["false", "False", "FALSE"], false),
        (["yes"], ["no"], true),
        (["Yes"], ["No"], true),
    ]

    /// The narrowest non-string type accepting every value of `values` (all present, none a
    /// missing spelling), or `nil`.
    private static func typedGuess(name: String, values: [String]) -> (type: FieldType, booleans: (true: [String], false: [String])?)? {
        for spelling in booleanSpellings where values.allSatisfy({ spelling.true.contains($0) || spelling.false.contains($0) }) {
            return (.boolean, spelling.custom ? (spelling.true, spelling.false) : nil)
        }
        let integers = values.compactMap { parse($0, FieldParsers.integer) }
        if integers.count == values.count {
            return (isYearColumn(name: name, values: values, integers: integers) ? .year : .integer, nil)
        }
        if values.allSatisfy({ parse($0, FieldParsers.number) != nil && $0.utf8.contains(where: isDigit) }) {
            return (.number, nil)
        }
        if values.allSatisfy({ parse($0, { FieldParsers.date($0, format: .iso) }) != nil }) { return (.date, nil) }
        return nil
    }

    /// Four ASCII digits each, within the year range the column's name allows.
    private static func isYearColumn(name: String, values: [String], integers: [Int]) -> Bool {
        guard values.allSatisfy({ $0.utf8.count == 4 && $0.utf8.allSatisfy(isDigit) }),
              let low = integers.min(), let high = integers.max() else { return false }
        let lowerName = name.lowercased()
        let named = lowerName.contains("year") || lowerName == "yr"
        return named ? (low >= 1000 && high <= 2999) : (low >= 1800 && high <= 2100)
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte &- UInt8(ascii: "0") < 10 }

    /// Runs a field parser over the UTF-8 bytes of `text`.
    private static func parse<T>(_ text: String, _ parser: (UnsafeBufferPointer<UInt8>) -> T?) -> T? {
        var text = text
        return text.withUTF8 { parser($0) }
    }
}
