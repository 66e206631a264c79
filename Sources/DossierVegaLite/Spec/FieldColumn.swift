import Foundation

/// One data column bound to a channel.
package struct FieldColumn {
    package let name: String
    package let numbers: [Double?]?
    package let strings: [String?]?

    package init(name: String, column: ChartColumn) {
        self.name = name
        switch column {
        case .numbers(let v): numbers = v; strings = nil
        case .strings(let v): numbers = nil; strings = v
        }
    }

    package func number(_ i: Int) -> Double? {
        if let numbers { return numbers[i] }
        if let s = strings?[i] { return Double(s.trimmingCharacters(in: .whitespaces)) }
        return nil
    }

    package func key(_ i: Int) -> String? {
        if let numbers { return numbers[i].map(categoryKey) }
        return strings?[i]
    }
}
