import DossierVegaLite

extension GuideProperties {
    /// A guide's label after its `labelExpr` (an expression of `datum.value` — the number, or
    /// the category when there is none — and `datum.label`, the formatted text); the label
    /// itself when there is no `labelExpr`, and no label when the expression gives null; an
    /// array gives a label of several lines, one per item (as Vega draws it).
    func labelText(value: Double?, key: String?, label: String) -> String {
        guard let expression = expression("labelExpr") else { return label }
        let datumValue: ExpressionValue = value.map { .number($0) } ?? key.map { .string($0) } ?? .null
        let result = expression.evaluate { name in
            switch name {
            case "value": return datumValue
            case "label": return .string(label)
            default: return .null
            }
        }
        if case .null = result { return "" }
        if case .array(let lines) = result { return lines.map { $0 == .null ? "" : $0.text }.joined(separator: "\n") }
        return result.text
    }
}
