import CairoKit

/// The typography and geometry of a briefing page. One value, used by every layout step, so a
/// change of style is one change.
public struct PageStyle: Sendable {
    /// Paper sizes a report can ask for.
    public enum PaperSize: String, Sendable, Decodable, CaseIterable {
        case a4, letter

        /// Width and height in points.
        public var size: (width: Double, height: Double) {
            switch self {
            case .a4: return (595.276, 841.89)
            case .letter: return (612, 792)
            }
        }
    }

    public var paper: PaperSize
    public var marginLeft = 62.0
    public var marginRight = 62.0
    public var marginTop = 70.0
    public var marginBottom = 70.0

    public var body = Font(family: "Noto Serif", size: 9.8)
    public var bodyLineHeight = 1.0
    public var paragraphSpacing = 6.5
    public var heading1 = Font(family: "Noto Sans", size: 14, weight: .bold)
    public var heading2 = Font(family: "Noto Sans", size: 11.5, weight: .bold)
    public var heading3 = Font(family: "Noto Sans", size: 10, weight: .bold)
    public var title = Font(family: "Noto Sans", size: 22, weight: .bold)
    public var subtitle = Font(family: "Noto Sans", size: 12.5)
    public var meta = Font(family: "Noto Sans", size: 8.5)
    public var caption = Font(family: "Noto Sans", size: 8.3)
    public var captionLabel = Font(family: "Noto Sans", size: 8.3, weight: .bold)
    public var tableText = Font(family: "Noto Sans", size: 8)
    public var tableHeader = Font(family: "Noto Sans", size: 8, weight: .bold)
    public var footnote = Font(family: "Noto Serif", size: 7.6)
    public var runningHeader = Font(family: "Noto Sans", size: 7.3)

    public var textColor = Color(hex: 0x1A1A1A)
    public var mutedColor = Color(hex: 0x5F6368)
    public var accentColor = Color(hex: 0x1F4E79)
    public var ruleColor = Color(hex: 0xBFC5CC)
    public var boxFill = Color(hex: 0xEEF3F8)
    public var tableStripe = Color(hex: 0xF4F6F8)

    public init(paper: PaperSize) {
        self.paper = paper
    }

    /// Width of the text column.
    public var textWidth: Double { paper.size.width - marginLeft - marginRight }
    /// Bottom of the text area (footnotes live above it).
    public var textBottom: Double { paper.size.height - marginBottom }
}
