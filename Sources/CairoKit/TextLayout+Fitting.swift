import CCairo

extension TextLayout {
    /// This unwrapped layout as the layout of the same text wrapped to `width` with left
    /// alignment, when wrapping would change nothing, or nil.
    ///
    /// A table measures each cell unwrapped for its column's natural width and then lays it out
    /// again wrapped to the column; shaping the text a second time was a tenth of a 1× build's
    /// layout. When the text fits well inside `width` (a margin of a point), runs left to right
    /// on every line and was given no break opportunities (``breakingLongRuns(_:markup:)``
    /// leaves it as is), Pango breaks it into the same lines with the same glyphs at the same
    /// offsets (a left-aligned left-to-right line starts at 0 whatever the width), so the
    /// returned layout shares this one's Pango layout and records `width` as its wrap width:
    /// it draws and measures as the wrapped layout would.
    package func fitting(width: Double) -> TextLayout? {
        guard self.width == nil, alignment == .left, !justify, lineHeight == nil,
              size.width + 1 <= width, allLinesLeftToRight,
              TextLayout.breakingLongRuns(text, markup: isMarkup) == text,
              let typesetter
        else { return nil }
        return TextLayout(sharing: self, width: width, typesetter: typesetter)
    }

    /// Whether Pango resolved every line's direction as left to right.
    private var allLinesLeftToRight: Bool {
        record?.leftToRight ?? pangoLeftToRight()
    }

    /// ``allLinesLeftToRight`` read from the Pango layout.
    func pangoLeftToRight() -> Bool {
        var leftToRight = true
        forEachLine(in: 0..<Int.max) { _, line in
            if pango_layout_line_get_resolved_direction(line) != PANGO_DIRECTION_LTR { leftToRight = false }
        }
        return leftToRight
    }
}
