/// Bounded quotations of user input for diagnostics.
///
/// A message may quote a value the user wrote (a CSV cell, a front-matter string, a path), but
/// never more than about 80 characters of it: a 200 MB cell or a whole file must not end up in a
/// terminal or a CI log. Longer values keep their start and end, joined by an ellipsis that says
/// how much was left out.
public enum InputExcerpt {
    /// The most characters of one value a message quotes.
    public static let limit = 80

    /// `value`, or its first and last characters around "…" when it is longer than `limit`
    /// characters. Line breaks and other control characters are shown escaped (`\n`, `\r`,
    /// `\t`, `\u{…}`) so a quoted value never breaks a diagnostic line.
    public static func excerpt(_ value: some StringProtocol, limit: Int = InputExcerpt.limit) -> String {
        let limit = max(limit, 8)
        // Count at most limit + 1 characters: never walk a huge value to its end.
        var count = 0
        var index = value.startIndex
        while index < value.endIndex, count <= limit {
            value.formIndex(after: &index)
            count += 1
        }
        if count <= limit { return escaped(value[...]) }
        let head = limit * 2 / 3
        let tail = limit - head - 1
        let headText = value.prefix(head)
        let tailText = tailCharacters(of: value, count: tail)
        return escaped(headText) + "…" + escaped(tailText)
    }

    /// `excerpt(value)` in double quotes.
    public static func quoted(_ value: some StringProtocol, limit: Int = InputExcerpt.limit) -> String {
        "\"" + excerpt(value, limit: limit) + "\""
    }

    private static func tailCharacters<S: StringProtocol>(of value: S, count: Int) -> S.SubSequence {
        var start = value.endIndex
        var taken = 0
        while taken < count, start > value.startIndex {
            value.formIndex(before: &start)
            taken += 1
        }
        return value[start...]
    }

    private static func escaped(_ text: some StringProtocol) -> String {
        guard text.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) else { return String(text) }
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                result += "\\u{" + String(scalar.value, radix: 16) + "}"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
