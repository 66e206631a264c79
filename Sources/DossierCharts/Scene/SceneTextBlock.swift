import CairoKit
import DossierBase

/// A paragraph as the typesetter laid it out: its text (plain or Pango markup), font, wrap
/// width, alignment and line height, the lines it broke into, which of them are drawn here,
/// and the link areas over them. What a report page draws for every piece of text (a chart's
/// labels are ``SceneText``s); renderers draw it exactly as the layout was measured.
public struct SceneTextBlock: Sendable, Equatable {
    /// A semantic id (e.g. `paragraph/text`).
    public var id: String
    /// The text as given to the typesetter: plain, or Pango markup when ``isMarkup``.
    public var text: String
    /// Whether ``text`` is Pango markup.
    public var isMarkup: Bool
    /// The font.
    public var font: Font
    /// The wrap width in points; nil keeps each paragraph on one line.
    public var wrapWidth: Double?
    /// The alignment of lines inside the wrap width.
    public var alignment: TextLayout.Alignment
    /// Whether lines are justified.
    public var justify: Bool
    /// Line height as a multiple of the font's; nil for natural.
    public var lineHeight: Double?
    /// The colour (Pango colours in the markup win).
    public var color: Color
    /// The top-left corner of the first drawn line's layout box.
    public var position: ScenePoint
    /// The lines drawn; nil draws them all.
    public var lines: Range<Int>?
    /// Where each line of the whole paragraph starts (UTF-8 byte offsets of the shaped text).
    public var lineStarts: [Int]
    /// The width and height of the whole layout's logical box.
    public var size: (width: Double, height: Double)
    /// Link areas over the drawn lines, in scene coordinates, drawn after the text.
    public var links: [SceneLink]
    /// The layout itself, kept so that the renderer with the same typesetter draws it without
    /// shaping it again; a cache, not part of what the item is (equality ignores it).
    public var prepared: PreparedLayout?

    /// An item drawing `layout` (lines `lines`, all when nil) with the top of the first drawn
    /// line at `position`.
    public init(id: String, layout: TextLayout, color: Color, position: ScenePoint, lines: Range<Int>? = nil,
                links: [SceneLink] = []) {
        self.id = id
        text = layout.text
        isMarkup = layout.isMarkup
        font = layout.font
        wrapWidth = layout.width
        alignment = layout.alignment
        justify = layout.justify
        lineHeight = layout.lineHeight
        self.color = color
        self.position = position
        self.lines = lines
        lineStarts = layout.lineStarts
        size = layout.size
        self.links = links
        prepared = PreparedLayout(layout)
    }

    /// The layout of this block for `typesetter`: the prepared one when `typesetter` made it,
    /// otherwise the text shaped again with the same parameters.
    public func layout(with typesetter: Typesetter) throws(CairoError) -> TextLayout {
        if let prepared, prepared.layout.typesetter === typesetter { return prepared.layout }
        return try TextLayout(text, font: font, typesetter: typesetter, width: wrapWidth, alignment: alignment,
                              justify: justify, markup: isMarkup, lineHeight: lineHeight)
    }

    public static func == (a: SceneTextBlock, b: SceneTextBlock) -> Bool {
        a.id == b.id && a.text == b.text && a.isMarkup == b.isMarkup && a.font == b.font && a.wrapWidth == b.wrapWidth
            && a.alignment == b.alignment && a.justify == b.justify && a.lineHeight == b.lineHeight && a.color == b.color
            && a.position == b.position && a.lines == b.lines && a.lineStarts == b.lineStarts
            && a.size == b.size && a.links == b.links
    }
}

/// A laid-out ``TextLayout`` carried by a ``SceneTextBlock``. A layout is bound to the
/// typesetter that made it (which is not thread-safe), so renderers use it only with that
/// typesetter (``SceneTextBlock/layout(with:)``); page scenes are built and drawn on one thread.
public final class PreparedLayout: @unchecked Sendable {
    /// The layout.
    public let layout: TextLayout
    /// Wraps `layout`.
    public init(_ layout: TextLayout) { self.layout = layout }
}

/// A clickable area: a link to a web address or to a place on another page of the document.
public struct SceneLink: Sendable, Equatable {
    /// Where a link goes.
    public enum Target: Sendable, Equatable {
        /// A web address.
        case uri(String)
        /// A page (1-based) of the same document, at `y` points from its top.
        case page(Int, y: Double)
    }

    /// The area, in scene coordinates.
    public var rect: SceneRect
    /// Where it goes.
    public var target: Target

    /// Creates a link area.
    public init(rect: SceneRect, target: Target) {
        self.rect = rect
        self.target = target
    }
}

/// Where a group's content is placed: moved by (`x`, `y`), then scaled by `scale`.
public struct SceneTransform: Sendable, Equatable {
    /// Horizontal offset.
    public var x: Double
    /// Vertical offset.
    public var y: Double
    /// Scale factor applied after the offset.
    public var scale: Double

    /// Creates a placement.
    public init(x: Double, y: Double, scale: Double = 1) {
        self.x = x; self.y = y; self.scale = scale
    }
}
