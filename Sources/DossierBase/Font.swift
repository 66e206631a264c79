/// A font request: family, size in points, weight and slant.
public struct Font: Hashable, Sendable {
    /// Weight of a font.
    public enum Weight: Hashable, Sendable { case regular, semibold, bold }

    public var family: String
    /// Size in points (absolute: 1 pt = 1 user unit on PDF and SVG surfaces).
    public var size: Double
    public var weight: Weight
    public var italic: Bool

    public init(family: String, size: Double, weight: Weight = .regular, italic: Bool = false) {
        self.family = family
        self.size = size
        self.weight = weight
        self.italic = italic
    }

    /// The same font at another size.
    public func sized(_ size: Double) -> Font {
        Font(family: family, size: size, weight: weight, italic: italic)
    }

    /// The same font in bold.
    public var bold: Font { Font(family: family, size: size, weight: .bold, italic: italic) }

    /// A readable description such as `Noto Sans Bold 9pt`.
    public var description: String {
        var parts = [family]
        if weight == .bold { parts.append("Bold") }
        if weight == .semibold { parts.append("SemiBold") }
        if italic { parts.append("Italic") }
        return parts.joined(separator: " ") + " \(size)pt"
    }
}
