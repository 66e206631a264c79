import DossierCharts
import DossierReport
import DossierVegaLite

/// Converts result tables into the chart compiler's data tables.
enum ChartDataConversion {
    /// Numeric columns (numbers, integers, missing) become numbers; anything else text.
    static func chartData(_ table: ResultTable) -> ChartData {
        ChartData(columns: table.columns.map { column in
            let numeric = column.values.allSatisfy { value in
                switch value {
                case .number, .integer, .missing: return true
                default: return false
                }
            } && column.values.contains { $0 != .missing }
            if numeric {
                return (column.name, .numbers(column.values.map(\.doubleValue)))
            }
            return (column.name, .strings(column.values.map { value in
                value == .missing ? nil : Formatter.plainText(value)
            }))
        })
    }
}
