import CairoKit
import DossierBase
import DossierCharts
import DossierReport

/// A paragraph of body text (or a list item, or a quoted paragraph), breakable between lines.
package final class ParagraphBlock: Flowable {
    package let layout: TextLayout
    package let lines: [TextLayout.Line]
    package let links: [InlineMarkup.Link]
    package let indent: Double
    /// A marker drawn left of the first line (a bullet or "1.").
    package let marker: TextLayout?
    /// Draws a vertical rule left of the text (block quotes).
    package let quoteRule: Color?
    package let color: Color
    package let spaceAfter: Double
    package let footnotes: [FootnoteBlock]
    /// Where cross-referenced figures and tables are placed (their links' targets).
    package let anchors: AnchorPositions?

    package init(markup: InlineMarkup, font: Font, style: PageStyle, typesetter: Typesetter, indent: Double = 0,
         marker: String? = nil, quoteRule: Color? = nil, justify: Bool = true, color: Color? = nil,
         spaceAfter: Double? = nil, footnotes: [FootnoteBlock] = [], anchors: AnchorPositions? = nil) throws(CairoError) {
        self.anchors = anchors
        // Hyphenation is off: Pango would otherwise hyphenate words it breaks.
        layout = try TextLayout("<span insert_hyphens=\"false\">" + markup.markup + "</span>", font: font, typesetter: typesetter,
                                width: style.textWidth - indent, justify: justify, markup: true,
                                lineHeight: style.bodyLineHeight == 1 ? nil : style.bodyLineHeight)
        lines = layout.lines
        links = markup.links
        self.indent = indent
        self.marker = try marker.map { text throws(CairoError) in try TextLayout(text, font: font, typesetter: typesetter) }
        self.quoteRule = quoteRule
        self.color = color ?? style.textColor
        self.spaceAfter = spaceAfter ?? style.paragraphSpacing
        self.footnotes = footnotes
    }

    package var unitCount: Int { max(1, lines.count) }

    package func height(of range: Range<Int>) -> Double {
        guard let first = range.first, let last = range.last, last < lines.count else { return layout.size.height }
        return lines[last].top + lines[last].height - lines[first].top
    }

    package var kind: String { marker == nil ? "paragraph" : "item" }

    package func items(_ range: Range<Int>, x: Double, y: Double) throws -> [SceneItem] {
        let textX = x + indent
        var items: [SceneItem] = []
        if let quoteRule {
            items.append(.path(ScenePath(id: "quote-rule", segments: [.rect(SceneRect(x: x + indent - 10, y: y, width: 2, height: height(of: range)))],
                                         fill: quoteRule)))
        }
        if let marker, range.first == 0 {
            items.append(.textBlock(SceneTextBlock(id: "marker", layout: marker, color: color,
                                                   position: ScenePoint(textX - marker.size.width - 5, y))))
        }
        items.append(.textBlock(SceneTextBlock(id: "text", layout: layout, color: color, position: ScenePoint(textX, y),
                                               lines: range.count == lines.count ? nil : range,
                                               links: linkAreas(range, x: textX, y: y))))
        return items
    }

    /// The link areas over lines `range` drawn with their top at `y`: web links, and
    /// cross-references to where their figure or table was placed.
    private func linkAreas(_ range: Range<Int>, x textX: Double, y: Double) -> [SceneLink] {
        guard let first = range.first, first < lines.count else { return [] }
        let top = lines[first].top
        let bottom = height(of: range) + top
        var areas: [SceneLink] = []
        for link in links {
            let internalID = link.url.hasPrefix(CrossReferences.linkPrefix) ? String(link.url.dropFirst(CrossReferences.linkPrefix.count)) : nil
            let target = internalID.flatMap { anchors?.positions[$0] }
            if internalID != nil && target == nil { continue }
            for rect in layout.rectangles(forByteRange: link.range) where rect.y >= top - 0.5 && rect.y < bottom - 0.5 {
                let area = SceneRect(x: textX + rect.x, y: y + rect.y - top, width: rect.width, height: rect.height)
                areas.append(SceneLink(rect: area, target: target.map { .page($0.page, y: $0.y) } ?? .uri(link.url)))
            }
        }
        return areas
    }
}

/// A numbered section heading, kept with what follows and added to the PDF outline.
package final class HeadingBlock: Flowable {
    package let layout: TextLayout
    package let title: String
    package let level: Int
    package let color: Color
    package let spaceBefore: Double
    package let spaceAfter: Double

    package init(number: String, title: String, level: Int, style: PageStyle, typesetter: Typesetter) throws(CairoError) {
        let font = level == 1 ? style.heading1 : (level == 2 ? style.heading2 : style.heading3)
        let text = number.isEmpty ? title : "\(number)  \(title)"
        layout = try TextLayout(text, font: font, typesetter: typesetter, width: style.textWidth)
        self.title = text
        self.level = level
        color = level == 1 ? style.accentColor : style.textColor
        spaceBefore = level == 1 ? 14 : 9
        spaceAfter = level == 1 ? 6 : 4
    }

    package var unitCount: Int { 1 }
    package var keepWithNext: Bool { true }
    package var minimumSlices: Int { 1 }
    package var outline: OutlineEntry? { OutlineEntry(title: title, level: level) }
    package var kind: String { "heading" }
    package func height(of range: Range<Int>) -> Double { layout.size.height }
    package func items(_ range: Range<Int>, x: Double, y: Double) throws -> [SceneItem] {
        [.textBlock(SceneTextBlock(id: "text", layout: layout, color: color, position: ScenePoint(x, y)))]
    }
}

/// An unbreakable block whose items a closure makes at its place: title block, figure,
/// findings box, rule.
package final class FixedBlock: Flowable {
    package let kind: String
    package let blockHeight: Double
    package let spaceBefore: Double
    package let spaceAfter: Double
    package let footnotes: [FootnoteBlock]
    package let floats: Bool
    package let anchor: String?
    private let place: (Double, Double) throws -> [SceneItem]

    package init(kind: String, height: Double, spaceBefore: Double = 0, spaceAfter: Double = 8, footnotes: [FootnoteBlock] = [],
         floats: Bool = false, anchor: String? = nil, items: @escaping (Double, Double) throws -> [SceneItem]) {
        self.kind = kind
        self.floats = floats
        self.anchor = anchor
        blockHeight = height
        self.spaceBefore = spaceBefore
        self.spaceAfter = spaceAfter
        self.footnotes = footnotes
        place = items
    }

    package var unitCount: Int { 1 }
    package var minimumSlices: Int { 1 }
    package func height(of range: Range<Int>) -> Double { blockHeight }
    package func items(_ range: Range<Int>, x: Double, y: Double) throws -> [SceneItem] {
        try place(x, y)
    }
}
