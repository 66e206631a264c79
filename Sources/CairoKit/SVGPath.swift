/// A path in device space being built for ``SVGCanvas``: its SVG path data and current point.
struct SVGPath: DevicePath {
    /// The path data written so far (`M x y L x y C … Z`, 3 decimals).
    private(set) var data: [UInt8] = []
    /// The points, for re-expressing the path in another space (one entry per command).
    private var commands: [Command] = []
    /// The current point, nil before the first move.
    private(set) var currentPoint: (x: Double, y: Double)?
    private var subpathStart: (x: Double, y: Double)?

    enum Command {
        case move(Double, Double)
        case line(Double, Double)
        case curve(Double, Double, Double, Double, Double, Double)
        case close
    }

    var isEmpty: Bool { commands.isEmpty }

    mutating func removeAll() {
        data.removeAll(keepingCapacity: true)
        commands.removeAll(keepingCapacity: true)
        currentPoint = nil
        subpathStart = nil
    }

    mutating func move(_ x: Double, _ y: Double) {
        append(.move(x, y))
        currentPoint = (x, y)
        subpathStart = (x, y)
    }

    mutating func line(_ x: Double, _ y: Double) {
        if currentPoint == nil { move(x, y); return }
        append(.line(x, y))
        currentPoint = (x, y)
    }

    mutating func curve(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, _ x: Double, _ y: Double) {
        if currentPoint == nil { move(x1, y1) }
        append(.curve(x1, y1, x2, y2, x, y))
        currentPoint = (x, y)
    }

    mutating func close() {
        guard currentPoint != nil else { return }
        append(.close)
        currentPoint = subpathStart
    }

    /// The same path with every point mapped by `transform`.
    func transformed(by transform: AffineTransform) -> SVGPath {
        var result = SVGPath()
        for command in commands {
            switch command {
            case let .move(x, y): let p = transform.apply(x, y); result.move(p.x, p.y)
            case let .line(x, y): let p = transform.apply(x, y); result.line(p.x, p.y)
            case let .curve(x1, y1, x2, y2, x, y):
                let a = transform.apply(x1, y1), b = transform.apply(x2, y2), p = transform.apply(x, y)
                result.curve(a.x, a.y, b.x, b.y, p.x, p.y)
            case .close: result.close()
            }
        }
        return result
    }

    private mutating func append(_ command: Command) {
        if !data.isEmpty { data.append(UInt8(ascii: " ")) }
        switch command {
        case let .move(x, y): data.append(UInt8(ascii: "M")); point(x, y)
        case let .line(x, y): data.append(UInt8(ascii: "L")); point(x, y)
        case let .curve(x1, y1, x2, y2, x, y):
            data.append(UInt8(ascii: "C")); point(x1, y1); point(x2, y2); point(x, y)
        case .close: data.append(UInt8(ascii: "Z"))
        }
        commands.append(command)
    }

    private mutating func point(_ x: Double, _ y: Double) {
        data.append(UInt8(ascii: " "))
        DecimalWriter.append(x, digits: 3, to: &data)
        data.append(UInt8(ascii: " "))
        DecimalWriter.append(y, digits: 3, to: &data)
    }
}
