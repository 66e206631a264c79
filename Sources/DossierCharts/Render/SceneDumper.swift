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
        lines.append(indent + "group \(group.id)" + (group.clip.map { " clip=\(fmt($0))" } ?? ""))
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
