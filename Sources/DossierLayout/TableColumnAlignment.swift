import CairoKit

extension TextLayout.Alignment {
    /// The alignment of column `index` of a Markdown table whose delimiter row gave
    /// `alignments` (`l`, `c`, `r`, or empty): left unless it says centre or right. Shared by
    /// the PDF table and the HTML table.
    static func column(_ index: Int, of alignments: [String]) -> TextLayout.Alignment {
        switch index < alignments.count ? alignments[index] : "" {
        case "r": return .right
        case "c": return .center
        default: return .left
        }
    }
}
