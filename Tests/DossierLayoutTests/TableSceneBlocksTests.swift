import CairoKit
import DossierBase
import DossierCharts
@testable import DossierLayout
import Foundation
import Testing

/// A table's cells placed from one scene text block per distinct layout
/// (``SceneTextBlockPrototypes``): each cell's block is the one made for it alone.
@Suite struct TableSceneBlocksTests {
    private static let fonts = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("fonts").path

    private func cell(_ text: String, _ alignment: TextLayout.Alignment) -> TableBlock.Cell {
        TableBlock.Cell(markup: InlineMarkup(plain: text), alignment: alignment)
    }

    /// Repeated texts in one column, the same text in columns of other alignments and widths:
    /// every cell's block has its own id, place, text, wrap width and alignment, and equals the
    /// block made afresh from a layout of the same cell.
    @Test func eachCellGetsTheBlockMadeForIt() throws {
        let typesetter = try Typesetter(fontDirectory: Self.fonts)
        let style = PageStyle(paper: .a4)
        let rows = [
            [cell("Peru", .left), cell("12", .right), cell("12", .center)],
            [cell("Chile", .left), cell("12", .right), cell("Peru", .center)],
            [cell("Peru", .left), cell("7", .right), cell("12", .center)],
        ]
        let table = try TableBlock(header: [cell("Country", .left), cell("Ties", .right), cell("Other", .center)], rows: rows,
                                   style: style, typesetter: typesetter)
        let items = try table.items(0..<3, x: 50, y: 100)
        var blocks: [String: SceneTextBlock] = [:]
        for item in items {
            if case let .textBlock(block) = item { blocks[block.id] = block }
        }
        for (rowIndex, row) in rows.enumerated() {
            var left = 50.0
            for (column, cell) in row.enumerated() {
                let block = try #require(blocks["row/\(rowIndex)/\(column)"])
                #expect(block.text == cell.markup.markup)
                #expect(block.alignment == cell.alignment)
                #expect(block.position.x > left && block.position.y > 100)
                let layout = try #require(block.prepared?.layout)
                let fresh = SceneTextBlock(id: block.id, layout: layout, color: style.textColor, position: block.position)
                #expect(block == fresh)
                left = block.position.x
            }
        }
        let wrapWidths = Set((0..<3).compactMap { blocks["row/0/\($0)"]?.wrapWidth })
        #expect(wrapWidths.count == 3, "each column keeps its width")
    }

    /// A block is made per distinct layout, found by its index: two layouts of one text get
    /// blocks of their own, in the colour given, holding their own layout.
    @Test func blocksAreKeptPerLayout() throws {
        let typesetter = try Typesetter(fontDirectory: Self.fonts)
        let font = Font(family: "Noto Sans", size: 8)
        let left = try TextLayout("12", font: font, typesetter: typesetter, width: 40)
        let right = try TextLayout("12", font: font, typesetter: typesetter, width: 40, alignment: .right)
        let red = Color(red: 1, green: 0, blue: 0)
        let prototypes = SceneTextBlockPrototypes(layouts: [left, right], color: red)
        #expect(prototypes.block(at: 0).alignment == .left)
        #expect(prototypes.block(at: 1).alignment == .right)
        #expect(prototypes.block(at: 0).color == red)
        #expect(prototypes.block(at: 1).prepared?.layout === right)
        #expect(prototypes.block(at: 0).prepared?.layout === left)
    }
}
