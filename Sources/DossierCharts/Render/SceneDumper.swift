/// A ``Renderer`` that writes a scene as text, one line per item, indented by group depth,
/// with numbers rounded to 0.01: ``Scene/dump()``, compared with reviewed goldens in tests.
struct SceneDumper: Renderer {
    private var lines: [String] = []
    private var depth = 1

    /// The dump, ending with a newline.
    var text: String { lines.joined(separator: "\n") + "\n" }

    private var indent: String { String(repeating: "  ", count: depth) }

    /// The header line; no background item.
    mutating func beginScene(_ scene: Scene) {
        lines.append("scene \(fmt(scene.width))x\(fmt(scene.height))" + (scene.title.map { " \"\($0)\"" } ?? ""))
    }

    mutating func beginGroup(_ group: SceneGroup) {
        var line = indent + "group \(group.id)"
        if let t = group.transform { line += " at=\(fmt(t.x)),\(fmt(t.y))" + (t.scale == 1 ? "" : " scale=\(fmt(t.scale))") }
        if let clip = group.clip { line += " clip=\(fmt(clip))" }
        if let background = group.background { line += " background=\(hex(background))" }
        lines.append(line)
        depth += 1
    }

    mutating func endGroup(_ group: SceneGroup) { depth -= 1 }

    mutating func drawPath(_ p: ScenePath) {
        var line = indent + "path \(p.id)"
        if let f = p.fill { line += " fill=\(hex(f))" }
        if let s = p.stroke { line += " stroke=\(hex(s)) w=\(fmt(p.lineWidth))" }
        if !p.dash.isEmpty { line += " dash=" + p.dash.map(fmt).joined(separator: ",") }
        line += " " + p.segments.map(fmt).joined(separator: " ")
        lines.append(line)
    }

    mutating func drawText(_ t: SceneText) {
        var line = indent + "text \(t.id) \"\(t.text)\" @\(fmt(t.position.x)),\(fmt(t.position.y))"
        line += " \(t.anchor.rawValue)/\(t.baseline.rawValue)"
        if t.rotation != 0 { line += " rot=\(fmt(t.rotation))" }
        line += " \(t.font.description) \(hex(t.color)) box=\(fmt(t.width))x\(fmt(t.height))"
        lines.append(line)
    }

    /// One line for the block (its lines drawn out of all and the byte offsets where they
    /// break), one for its text (markup as given, cut at 100 characters), one per link.
    mutating func drawTextBlock(_ b: SceneTextBlock) {
        var line = indent + "textblock \(b.id) @\(fmt(b.position.x)),\(fmt(b.position.y))"
        if let w = b.wrapWidth { line += " wrap=\(fmt(w))" }
        if b.alignment != .left { line += " align=\(b.alignment)" }
        if b.justify { line += " justify" }
        if let h = b.lineHeight { line += " lineheight=\(fmt(h))" }
        line += " \(b.font.description) \(hex(b.color)) box=\(fmt(b.size.width))x\(fmt(b.size.height))"
        let drawn = b.lines.map { "\($0.lowerBound)..<\($0.upperBound)" } ?? "all"
        line += " lines=\(drawn) of \(b.lineStarts.count) breaks=" + b.lineStarts.map(String.init).joined(separator: ",")
        lines.append(line)
        let text = b.text.count > 100 ? String(b.text.prefix(100)) + "…" : b.text
        lines.append(indent + "  " + (b.isMarkup ? "markup " : "text ") + "\"" + text.replacingOccurrences(of: "\n", with: "\\n") + "\"")
        for link in b.links {
            switch link.target {
            case .uri(let uri): lines.append(indent + "  link \(fmt(link.rect)) \(uri)")
            case .page(let page, let y): lines.append(indent + "  link \(fmt(link.rect)) page=\(page) y=\(fmt(y))")
            }
        }
    }

    /// One line for the run, then one per symbol.
    mutating func drawMarkers(_ m: SceneMarkers) {
        lines.append(indent + "markers \(m.id) n=\(m.positions.count) bounds=\(fmt(m.bounds))")
        for symbol in m.symbols {
            var line = indent + "  symbol r=\(fmt(symbol.radius))"
            if let f = symbol.fill { line += " fill=\(hex(f))" }
            if let s = symbol.stroke { line += " stroke=\(hex(s)) w=\(fmt(symbol.lineWidth))" }
            lines.append(line)
        }
    }
}
