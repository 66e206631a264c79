/// A path being built for ``PDFCanvas``, in device space (points, y down): its segments and
/// current point, written out as PDF path operators (`m l c h`, 3 decimals) when painted.
struct PDFPath: DevicePath {
    enum Command {
        case move(Double, Double)
        case line(Double, Double)
        case curve(Double, Double, Double, Double, Double, Double)
        case close
        /// An axis-aligned rectangle: corner, width and height.
        case rect(Double, Double, Double, Double)
    }

    private(set) var commands: [Command] = []
    /// The current point, nil before the first move.
    private(set) var currentPoint: (x: Double, y: Double)?
    private var subpathStart: (x: Double, y: Double)?

    var isEmpty: Bool { commands.isEmpty }

    mutating func removeAll() {
        commands.removeAll(keepingCapacity: true)
        currentPoint = nil
        subpathStart = nil
    }

    mutating func move(_ x: Double, _ y: Double) {
        commands.append(.move(x, y))
        currentPoint = (x, y)
        subpathStart = (x, y)
    }

    mutating func line(_ x: Double, _ y: Double) {
        if currentPoint == nil { move(x, y); return }
        commands.append(.line(x, y))
        currentPoint = (x, y)
    }

    mutating func curve(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, _ x: Double, _ y: Double) {
        if currentPoint == nil { move(x1, y1) }
        commands.append(.curve(x1, y1, x2, y2, x, y))
        currentPoint = (x, y)
    }

    /// Adds a rectangle given in user space: whole (`re`) where `transform` keeps axes, else
    /// as its four mapped corners.
    mutating func addRectangle(x: Double, y: Double, width: Double, height: Double, transform: AffineTransform) {
        guard transform.b == 0, transform.c == 0 else {
            addCorners(x: x, y: y, width: width, height: height, transform: transform)
            return
        }
        let corner = transform.apply(x, y)
        rect(corner.x, corner.y, width * transform.a, height * transform.d)
    }

    /// Adds a closed axis-aligned rectangle (`re`); the current point is its corner.
    mutating func rect(_ x: Double, _ y: Double, _ width: Double, _ height: Double) {
        commands.append(.rect(x, y, width, height))
        currentPoint = (x, y)
        subpathStart = (x, y)
    }

    mutating func close() {
        guard currentPoint != nil else { return }
        commands.append(.close)
        currentPoint = subpathStart
    }

    /// Appends the path's operators to `out`, every point mapped by `transform` first (the
    /// identity, or the inverse of a stroke's pen transform).
    func write(to out: inout [UInt8], mapping transform: AffineTransform? = nil) {
        func point(_ x: Double, _ y: Double) {
            let p: (x: Double, y: Double) = transform?.apply(x, y) ?? (x, y)
            DecimalWriter.append(p.x, digits: 3, to: &out)
            out.append(UInt8(ascii: " "))
            DecimalWriter.append(p.y, digits: 3, to: &out)
            out.append(UInt8(ascii: " "))
        }
        for command in commands {
            switch command {
            case let .move(x, y): point(x, y); out += PDFOperator.move
            case let .line(x, y): point(x, y); out += PDFOperator.line
            case let .curve(x1, y1, x2, y2, x, y): point(x1, y1); point(x2, y2); point(x, y); out += PDFOperator.curve
            case .close: out += PDFOperator.close
            case let .rect(x, y, width, height):
                if transform == nil {
                    point(x, y)
                    DecimalWriter.append(width, digits: 3, to: &out)
                    out.append(UInt8(ascii: " "))
                    DecimalWriter.append(height, digits: 3, to: &out)
                    out += PDFOperator.rect
                } else {
                    point(x, y); out += PDFOperator.move
                    point(x + width, y); out += PDFOperator.line
                    point(x + width, y + height); out += PDFOperator.line
                    point(x, y + height); out += PDFOperator.line
                    out += PDFOperator.close
                }
            }
        }
    }
}

/// Content-stream operators, as bytes.
enum PDFOperator {
    static let move = Array("m\n".utf8)
    static let line = Array("l\n".utf8)
    static let curve = Array("c\n".utf8)
    static let close = Array("h\n".utf8)
    static let rect = Array(" re\n".utf8)
}
