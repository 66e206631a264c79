import CairoKit
import DossierBase
import DossierReport

/// The typography and geometry of a briefing page. One value, used by every layout step, so a
/// change of style is one change.
package struct PageStyle: Sendable {
    package var paper: PaperSize
    package var marginLeft = 62.0
    package var marginRight = 62.0
    package var marginTop = 70.0
    package var marginBottom = 70.0

    package var body = Font(family: "Noto Serif", size: 9.8)
    package var bodyLineHeight = 1.0
    package var paragraphSpacing = 6.5
    package var heading1 = Font(family: "Noto Sans", size: 14, weight: .bold)
    package var heading2 = Font(family: "Noto Sans", size: 11.5, weight: .bold)
    package var heading3 = Font(family: "Noto Sans", size: 10, weight: .bold)
    package var title = Font(family: "Noto Sans", size: 22, weight: .bold)
    package var subtitle = Font(family: "Noto Sans", size: 12.5)
    package var meta = Font(family: "Noto Sans", size: 8.5)
    package var caption = Font(family: "Noto Sans", size: 8.3)
    package var captionLabel = Font(family: "Noto Sans", size: 8.3, weight: .bold)
    package var tableText = Font(family: "Noto Sans", size: 8)
    package var tableHeader = Font(family: "Noto Sans", size: 8, weight: .bold)
    package var footnote = Font(family: "Noto Serif", size: 7.6)
    package var runningHeader = Font(family: "Noto Sans", size: 7.3)

    package var textColor = Color(hex: 0x1A1A1A)
    package var mutedColor = Color(hex: 0x5F6368)
    package var accentColor = Color(hex: 0x1F4E79)
    package var ruleColor = Color(hex: 0xBFC5CC)
    package var boxFill = Color(hex: 0xEEF3F8)
    package var tableStripe = Color(hex: 0xF4F6F8)

    package init(paper: PaperSize) {
        self.paper = paper
    }

    /// Width of the text column.
    package var textWidth: Double { paper.size.width - marginLeft - marginRight }
    /// Bottom of the text area (footnotes live above it).
    package var textBottom: Double { paper.size.height - marginBottom }
}

extension PaperSize {
    /// Width and height in points.
    package var size: (width: Double, height: Double) {
        switch self {
        case .a4: return (595.276, 841.89)
        case .letter: return (612, 792)
        }
    }
}
