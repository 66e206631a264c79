import DossierData

/// The text of each cell of a column as a filter or a group label sees it (``Value/description``;
/// a missing cell is nil): string cells as they are, other types made once per distinct value.
enum CellText {
    static func texts(of column: Column) -> [String?] {
        func each<T: Hashable>(_ cells: [T?], _ text: (T) -> String) -> [String?] {
            var made: [T: String] = [:]
            return cells.map { cell in
                guard let cell else { return nil }
                if let known = made[cell] { return known }
                let value = text(cell)
                made[cell] = value
                return value
            }
        }
        switch column {
        case .string(let cells): return cells
        case .integer(let cells): return each(cells) { Value.integer($0).description }
        case .number(let cells): return each(cells) { Value.number($0).description }
        case .boolean(let cells): return each(cells) { Value.boolean($0).description }
        case .date(let cells): return each(cells) { Value.date($0).description }
        }
    }
}
