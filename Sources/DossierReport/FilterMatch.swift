import DossierData

/// One `where` or `exclude` filter over one column: which rows show one of the accepted texts.
/// A cell shows its CSV text (``Value/description``; a missing cell shows ""), so `rai: ""`
/// picks the rows where `rai` is missing. String cells are compared as they are; the text of
/// any other type is made once per distinct value, not once per row.
enum FilterMatch {
    /// Clears `kept[row]` where the row does not match (`keepMatches`) or does (otherwise).
    static func apply(_ accepted: Set<String>, to column: Column, keepMatches: Bool, kept: inout [Bool]) {
        func sweep<T: Hashable>(_ cells: [T?], _ text: (T) -> String) {
            let missing = accepted.contains("")
            var shows: [T: Bool] = [:]
            for (row, cell) in cells.enumerated() where kept[row] {
                let matches: Bool
                if let cell {
                    if let known = shows[cell] {
                        matches = known
                    } else {
                        matches = accepted.contains(text(cell))
                        shows[cell] = matches
                    }
                } else {
                    matches = missing
                }
                if matches != keepMatches { kept[row] = false }
            }
        }
        switch column {
        case .string(let cells):
            let missing = accepted.contains("")
            for (row, cell) in cells.enumerated() where kept[row] {
                let matches = cell.map { accepted.contains($0) } ?? missing
                if matches != keepMatches { kept[row] = false }
            }
        case .integer(let cells): sweep(cells) { Value.integer($0).description }
        case .number(let cells): sweep(cells) { Value.number($0).description }
        case .boolean(let cells): sweep(cells) { Value.boolean($0).description }
        case .date(let cells): sweep(cells) { Value.date($0).description }
        }
    }
}
