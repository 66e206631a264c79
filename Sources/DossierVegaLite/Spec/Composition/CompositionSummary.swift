extension ChartComposition {
    /// The alt text of a composed chart without a description: how the views are placed, then
    /// each view's own summary ("2 views side by side. View 1: Point marks (x: a, y: b). View 2: …").
    var generatedSummary: String {
        let placement: String
        switch arrangement {
        case .horizontal: placement = "side by side"
        case .vertical: placement = "one above the other"
        case .wrapped: placement = "in \(rowCount) rows of \(columnCount)"
        }
        let count = views.count == 1 ? "1 view" : "\(views.count) views"
        let parts = views.enumerated().map { index, view in
            "View \(index + 1): " + (view.description ?? view.title.map { $0 + "; " + view.generatedSummary } ?? view.generatedSummary)
        }
        return ([count + " " + placement + "."] + parts).joined(separator: " ")
    }
}
