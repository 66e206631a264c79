extension Canvas {
    /// Fills and strokes one round marker centred on (`x`, `y`) as a chart's point path is
    /// drawn: the fallback of canvases that place markers by reference, when the transform
    /// would make the circles elliptical.
    func drawMarkerCircle(_ symbol: MarkerSymbol, x: Double, y: Double) {
        newPath()
        move(to: x + symbol.radius, y)
        arc(centerX: x, centerY: y, radius: symbol.radius, from: 0, to: 2 * .pi)
        closePath()
        if let fillColor = symbol.fill {
            setEvenOddFill(false)
            setColor(fillColor)
            fill(preserve: symbol.stroke != nil)
        }
        if let strokeColor = symbol.stroke {
            setColor(strokeColor)
            setLineWidth(symbol.lineWidth)
            setDash([], offset: 0)
            setLineCap(.butt)
            setLineJoin(.miter)
            stroke(preserve: false)
        }
        newPath()
    }
}
