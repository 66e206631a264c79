import DossierReport

extension ResultOrdering {
    /// A value's place in ``ResultOrdering/less(_:_:)``, worked out once: a number by its
    /// value, then a text by its plain text, then a missing value. `Key(a) < Key(b)` exactly
    /// when `less(a, b)`, so a table sorted by keys has the rows in the same order.
    package enum Key: Sendable {
        case number(Double)
        case text(String)
        case missing

        package init(_ value: ResultValue) {
            if let number = value.doubleValue {
                self = .number(number)
            } else if value == .missing {
                self = .missing
            } else {
                self = .text(Formatter.plainText(value))
            }
        }

        package static func < (a: Key, b: Key) -> Bool {
            switch (a, b) {
            case let (.number(x), .number(y)): return x < y
            case (.number, _): return true
            case (_, .number): return false
            case let (.text(x), .text(y)): return x < y
            case (.text, .missing): return true
            case (.missing, _): return false
            }
        }
    }
}
