import DossierBase
import Foundation

extension PDFCanvas {
    /// Draws a marker run as ``DrawingContext`` does on a PDF surface: each symbol once, as a
    /// Form XObject of the page, and one `q 1 0 0 1 x y cm /xN Do Q` per marker (positions to
    /// 0.01 pt).
    func drawMarkerLayer(_ symbols: [MarkerSymbol], scale: Double, positions: [Double], symbolIndices: [Int32], count: Int) {
        let transform = state.transform
        endText()
        let names = symbols.map { symbol -> [UInt8] in
            let number = page.forms.count
            page.forms.append(Self.form(symbol.scaled(by: scale)))
            return Array(" cm /x\(number) Do Q\n".utf8)
        }
        page.content.reserveCapacity(page.content.count + count * 34 + 8)
        page.content += Array("q\n".utf8)
        let start = Array("q 1 0 0 1 ".utf8)
        for index in 0..<count {
            let p = transform.apply(positions[2 * index], positions[2 * index + 1])
            page.content += start
            DecimalWriter.append(p.x, to: &page.content)
            page.content.append(UInt8(ascii: " "))
            DecimalWriter.append(p.y, to: &page.content)
            page.content += names[symbolIndices.isEmpty ? 0 : Int(symbolIndices[index])]
        }
        page.content += Array("Q\n".utf8)
    }

    /// A symbol's Form XObject: its circle around the origin (device units), filled and/or
    /// stroked in its colours, its opacity through the form's own ExtGStates.
    static func form(_ symbol: MarkerSymbol) -> PDFPage.Form {
        var content: [UInt8] = []
        var alphas: [Double] = []
        let canvas = PDFCanvasPathBuilder()
        let outline = canvas.circle(radius: symbol.radius)
        func color(_ color: Color, _ op: String) {
            let alpha = min(max(color.alpha, 0), 1)
            if alpha < 1 {
                let number = alphas.firstIndex(of: alpha) ?? alphas.count
                if number == alphas.count { alphas.append(alpha) }
                content += Array("/a\(number) gs\n".utf8)
            }
            DecimalWriter.append(color.red, digits: 4, to: &content)
            content.append(UInt8(ascii: " "))
            DecimalWriter.append(color.green, digits: 4, to: &content)
            content.append(UInt8(ascii: " "))
            DecimalWriter.append(color.blue, digits: 4, to: &content)
            content += Array(" \(op)\n".utf8)
        }
        if let fill = symbol.fill {
            color(fill, "rg")
            outline.write(to: &content)
            content += Array("f\n".utf8)
        }
        if let stroke = symbol.stroke {
            color(stroke, "RG")
            DecimalWriter.append(symbol.lineWidth, digits: 3, to: &content)
            content += Array(" w\n".utf8)
            outline.write(to: &content)
            content += Array("S\n".utf8)
        }
        let reach = (symbol.reach + 1).rounded(.up)
        return PDFPage.Form(box: [-reach, -reach, reach, reach], content: content, alphas: alphas)
    }
}

/// Builds a circle's path as ``PDFCanvas/arc(centerX:centerY:radius:from:to:)`` does.
struct PDFCanvasPathBuilder {
    /// A closed circle of `radius` around the origin, starting at (radius, 0).
    func circle(radius: Double) -> PDFPath {
        var path = PDFPath()
        path.move(radius, 0)
        let step = Double.pi / 2
        let handle = 4.0 / 3.0 * tan(step / 4) * radius
        var angle = 0.0
        for _ in 0..<4 {
            let next = angle + step
            let (sinA, cosA, sinB, cosB) = (sin(angle), cos(angle), sin(next), cos(next))
            path.curve(radius * cosA - handle * sinA, radius * sinA + handle * cosA,
                       radius * cosB + handle * sinB, radius * sinB - handle * cosB, radius * cosB, radius * sinB)
            angle = next
        }
        path.close()
        return path
    }
}
