import CairoKit
import DossierBase
import DossierCharts

/// A table that splits across pages between rows and repeats its header on each page; a
/// numbered table also repeats its caption's label ("Table 2 (continued)") above each
/// continuation. Column widths come from the measured natural width of the cells.
package final class TableBlock: Flowable {
    /// A cell: inline markup and its alignment.
    package struct Cell {
        package var markup: InlineMarkup
        package var alignment: TextLayout.Alignment
    }

    /// Each header cell's and each row's cells' layout, as an index into ``cellBlocks``'s
    /// distinct layouts.
    private let header: [Int]
    private let rows: [[Int]]
    private let headerHeight: Double
    private let rowHeights: [Double]
    private let columnWidths: [Double]
    private let style: PageStyle
    private let padding: Double
    /// The caption drawn above a continuation (the rows after a page break), if any.
    private let continuation: TextLayout?
    /// Space between the continuation caption and the table.
    private let continuationGap = 4.0
    package let spaceAfter: Double
    /// The scene text block of each distinct cell layout, made once and placed at each cell.
    private let cellBlocks: SceneTextBlockPrototypes
    /// The end of each column's cell ids (`/0`, `/1`…).
    private let cellSuffixes: [String]

    /// `continuedLabel` is the Pango markup of the caption drawn above each continuation
    /// (for example `<b>Table 2</b> (continued)`); nil draws none.
    package init(header: [Cell], rows: [[Cell]], style: PageStyle, typesetter: Typesetter, width: Double? = nil,
                 continuedLabel: String? = nil) throws(CairoError) {
        self.style = style
        continuation = try continuedLabel.map { markup throws(CairoError) in
            try TextLayout(markup, font: style.caption, typesetter: typesetter, width: width ?? style.textWidth, markup: true)
        }
        let padding = 3.5
        self.padding = padding
        spaceAfter = style.paragraphSpacing + 2
        let columnCount = max(header.count, rows.map(\.count).max() ?? 0)
        cellSuffixes = (0..<columnCount).map { "/" + String($0) }
        let available = width ?? style.textWidth
        // Natural (unwrapped) widths.
        // Long tables repeat cell texts (categories, years, currencies): each distinct text is
        // measured once and each distinct cell laid out once; a layout is drawn wherever its
        // text appears, which draws exactly what separate identical layouts would.
        // The unwrapped layouts are kept: a left-aligned cell that fits its column is drawn
        // from its unwrapped layout (``TextLayout/fitting(width:)``) rather than shaped again.
        // One dictionary by markup per font, taken out for a whole row, and each cell's unwrapped
        // layout kept beside it: at 1000× data the money table has ~500,000 cells, and hashing a
        // `Font` and the markup again for every lookup was most of laying it out.
        var unwrapped: [Font: [String: TextLayout]] = [:]
        func unwrappedLayouts(_ cells: [Cell], font: Font) throws(CairoError) -> [TextLayout] {
            var known = unwrapped.removeValue(forKey: font) ?? [:]
            defer { unwrapped[font] = known }
            var result: [TextLayout] = []
            result.reserveCapacity(cells.count)
            for cell in cells {
                if let layout = known[cell.markup.markup] {
                    result.append(layout)
                    continue
                }
                let layout = try TextLayout(cell.markup.markup, font: font, typesetter: typesetter, markup: true)
                known[cell.markup.markup] = layout
                result.append(layout)
            }
            return result
        }
        let headerUnwrapped = try unwrappedLayouts(header, font: style.tableHeader)
        var rowsUnwrapped: [[TextLayout]] = []
        rowsUnwrapped.reserveCapacity(rows.count)
        for row in rows { rowsUnwrapped.append(try unwrappedLayouts(row, font: style.tableText)) }
        var natural = Array(repeating: 24.0, count: columnCount)
        for (index, layout) in headerUnwrapped.enumerated() {
            natural[index] = max(natural[index], layout.size.width + 2 * padding)
        }
        for row in rowsUnwrapped {
            for (index, layout) in row.enumerated() {
                natural[index] = max(natural[index], layout.size.width + 2 * padding)
            }
        }
        let widths = TableBlock.fit(natural: natural, into: available)
        columnWidths = widths
        // A cell's layout is decided by its unwrapped layout (one per distinct markup and font),
        // its column and its alignment; each distinct layout is numbered in `distinct`.
        var laidOut: [CellLayoutKey: Int] = [:]
        var distinct: [TextLayout] = []
        var rowHeights: [Double] = []
        rowHeights.reserveCapacity(rows.count)
        func layouts(_ cells: [Cell], measured: [TextLayout], font: Font) throws(CairoError) -> [Int] {
            var result: [Int] = []
            result.reserveCapacity(cells.count)
            var height = 0.0
            for (index, cell) in cells.enumerated() {
                let key = CellLayoutKey(unwrapped: ObjectIdentifier(measured[index]), column: index, alignment: cell.alignment)
                if let known = laidOut[key] {
                    result.append(known)
                    height = max(height, distinct[known].size.height)
                    continue
                }
                let width = widths[index] - 2 * padding
                let layout: TextLayout
                if cell.alignment == .left, let fitting = measured[index].fitting(width: width) {
                    layout = fitting
                } else {
                    layout = try TextLayout(cell.markup.markup, font: font, typesetter: typesetter,
                                            width: width, alignment: cell.alignment, markup: true)
                }
                laidOut[key] = distinct.count
                result.append(distinct.count)
                distinct.append(layout)
                height = max(height, layout.size.height)
            }
            rowHeights.append(height + 2 * padding)
            return result
        }
        let laidHeader = try layouts(header, measured: headerUnwrapped, font: style.tableHeader)
        headerHeight = rowHeights.removeLast()
        var laidRows: [[Int]] = []
        laidRows.reserveCapacity(rows.count)
        for (row, measured) in zip(rows, rowsUnwrapped) {
            laidRows.append(try layouts(row, measured: measured, font: style.tableText))
        }
        self.header = laidHeader
        self.rows = laidRows
        self.rowHeights = rowHeights
        cellBlocks = SceneTextBlockPrototypes(layouts: distinct, color: style.textColor)
    }

    /// Widths that fill `available`: narrow columns keep their natural width, wide ones share
    /// the rest in proportion to their natural width.
    package static func fit(natural: [Double], into available: Double) -> [Double] {
        let total = natural.reduce(0, +)
        guard total > available else {
            return natural.map { $0 * available / max(total, 1) }
        }
        var fixed = Set<Int>()
        while true {
            let fixedWidth = fixed.reduce(0) { $0 + natural[$1] }
            let flexible = natural.indices.filter { !fixed.contains($0) }
            let share = (available - fixedWidth) / Double(max(flexible.count, 1))
            let newlyFixed = flexible.filter { natural[$0] <= share }
            if newlyFixed.isEmpty {
                let flexibleNatural = flexible.reduce(0) { $0 + natural[$1] }
                return natural.indices.map { index in
                    fixed.contains(index) ? natural[index]
                        : natural[index] / max(flexibleNatural, 1) * (available - fixedWidth)
                }
            }
            fixed.formUnion(newlyFixed)
        }
    }

    package var unitCount: Int { max(1, rows.count) }
    package var minimumSlices: Int { min(2, rows.count) }

    package func height(of range: Range<Int>) -> Double {
        continuationHeight(range) + headerHeight + range.reduce(0) { $0 + (rowHeights.indices.contains($1) ? rowHeights[$1] : 0) }
    }

    /// The room the continuation caption takes above `range` (none above the first row).
    private func continuationHeight(_ range: Range<Int>) -> Double {
        guard let continuation, range.lowerBound > 0 else { return 0 }
        return continuation.size.height + continuationGap
    }

    package var kind: String { "table" }

    package func items(_ range: Range<Int>, x: Double, y: Double) throws -> [SceneItem] {
        let tableWidth = columnWidths.reduce(0, +)
        func bar(_ id: String, _ top: Double, _ height: Double, _ color: Color) -> SceneItem {
            .path(ScenePath(id: id, segments: [.rect(SceneRect(x: x, y: top, width: tableWidth, height: height))], fill: color))
        }
        var items: [SceneItem] = []
        // The cells, a stripe every other row, the caption and three rules.
        items.reserveCapacity(header.count + range.count * (cellSuffixes.count + 1) + 4)
        var top = y
        if let continuation, range.lowerBound > 0 {
            items.append(.textBlock(SceneTextBlock(id: "continued", layout: continuation, color: style.mutedColor,
                                                   position: ScenePoint(x, top))))
            top += continuationHeight(range)
        }
        appendRow(header, id: "header", x: x, y: top, to: &items)
        top += headerHeight
        items.append(bar("header-rule", top - 0.6, 0.6, style.textColor))
        for index in range where rows.indices.contains(index) {
            // Ids by concatenation: short ones are stored inline, and interpolating them was
            // most of placing a large table's rows on its pages.
            let rowID = "row/" + String(index)
            if index % 2 == 1 {
                items.append(bar(rowID + "/stripe", top, rowHeights[index], style.tableStripe))
            }
            appendRow(rows[index], id: rowID, x: x, y: top, to: &items)
            top += rowHeights[index]
        }
        items.append(bar("bottom-rule", top, 0.5, style.ruleColor))
        return items
    }

    /// Appends a row's cells (indices into ``cellBlocks``) to `items`, straight into the
    /// page's array rather than through an array per row.
    private func appendRow(_ cells: [Int], id: String, x: Double, y: Double, to items: inout [SceneItem]) {
        var left = x
        for (index, cell) in cells.enumerated() {
            var block = cellBlocks.block(at: cell)
            block.id = id + cellSuffixes[index]
            block.position = ScenePoint(left + padding, y + padding)
            items.append(.textBlock(block))
            left += columnWidths[index]
        }
    }
}

/// What makes two table cells' layouts interchangeable: the same unwrapped layout (the same
/// text and font: one unwrapped layout is made per distinct text of a font, and kept alive by
/// the cells' arrays, so its identity is not reused), column (hence width) and alignment.
private struct CellLayoutKey: Hashable {
    let unwrapped: ObjectIdentifier
    let column: Int
    let alignment: TextLayout.Alignment
}
