import DossierBase
import Foundation

/// Colour palettes and colour arithmetic.
public enum Palette {
    /// Okabe–Ito, colour-blind safe (Okabe & Ito 2008), ordered for contrast on white.
    public static let okabeIto: [Color] = [0x0072B2, 0xE69F00, 0x009E73, 0xCC79A7, 0x56B4E9, 0xD55E00, 0xF0E442, 0x000000]
        .map { Color(hex: $0) }

    /// Viridis (matplotlib), 9 stops from light yellow to dark purple (light = low).
    public static let viridis: [Color] = [0xFDE725, 0xB5DE2B, 0x6ECE58, 0x35B779, 0x1F9E89, 0x26828E, 0x31688E, 0x3E4989, 0x482878, 0x440154]
        .map { Color(hex: $0) }

    /// ColorBrewer single-hue ramps, light to dark.
    public static let blues: [Color] = [0xF7FBFF, 0xDEEBF7, 0xC6DBEF, 0x9ECAE1, 0x6BAED6, 0x4292C6, 0x2171B5, 0x08519C, 0x08306B].map { Color(hex: $0) }
    /// ColorBrewer greens.
    public static let greens: [Color] = [0xF7FCF5, 0xE5F5E0, 0xC7E9C0, 0xA1D99B, 0x74C476, 0x41AB5D, 0x238B45, 0x006D2C, 0x00441B].map { Color(hex: $0) }
    /// ColorBrewer oranges.
    public static let oranges: [Color] = [0xFFF5EB, 0xFEE6CE, 0xFDD0A2, 0xFDAE6B, 0xFD8D3C, 0xF16913, 0xD94801, 0xA63603, 0x7F2704].map { Color(hex: $0) }
    /// ColorBrewer purples.
    public static let purples: [Color] = [0xFCFBFD, 0xEFEDF5, 0xDADAEB, 0xBCBDDC, 0x9E9AC8, 0x807DBA, 0x6A51A3, 0x54278F, 0x3F007D].map { Color(hex: $0) }
    /// ColorBrewer greys.
    public static let greys: [Color] = [0xFFFFFF, 0xF0F0F0, 0xD9D9D9, 0xBDBDBD, 0x969696, 0x737373, 0x525252, 0x252525, 0x000000].map { Color(hex: $0) }

    /// A named scheme: Dossier's categorical (`okabe-ito`) and sequential ramps, else Vega's
    /// (``NamedSchemes``); nil when unknown.
    public static func scheme(_ name: String) -> [Color]? {
        switch name.lowercased() {
        case "okabe-ito", "okabeito", "category": return okabeIto
        case "viridis": return viridis
        case "blues": return blues
        case "greens": return greens
        case "oranges": return oranges
        case "purples": return purples
        case "greys", "grays": return greys
        default: return NamedSchemes.colors(name)
        }
    }

    /// Parses a CSS Color 4 colour (``CSSColor``): a name, `#RGB`, `#RRGGBB`, `#RRGGBBAA`,
    /// `rgb(…)` or `hsl(…)`; nil when `text` is none of them.
    public static func color(_ text: String) -> Color? {
        try? CSSColor.parse(text)
    }

    /// Linear interpolation along a ramp at `t` in 0…1.
    public static func interpolate(_ ramp: [Color], _ t: Double) -> Color {
        guard let first = ramp.first else { return .black }
        guard ramp.count > 1 else { return first }
        let u = max(0, min(1, t.isFinite ? t : 0)) * Double(ramp.count - 1)
        let i = min(Int(u), ramp.count - 2)
        let f = u - Double(i)
        let a = ramp[i], b = ramp[i + 1]
        return Color(red: a.red + (b.red - a.red) * f, green: a.green + (b.green - a.green) * f,
                     blue: a.blue + (b.blue - a.blue) * f)
    }

    /// WCAG 2 contrast ratio of two colours (1…21).
    public static func contrastRatio(_ a: Color, _ b: Color) -> Double {
        let la = a.relativeLuminance, lb = b.relativeLuminance
        return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
    }

    /// Black or white (the theme's text colour or white), whichever contrasts more with `fill`.
    public static func textColor(on fill: Color, dark: Color = Color(hex: 0x1A1A1A)) -> Color {
        contrastRatio(dark, fill) >= contrastRatio(.white, fill) ? dark : .white
    }

    /// Simulates deuteranopia (Machado, Oliveira & Fernandes 2009, severity 1) in linear RGB.
    public static func deuteranopia(_ c: Color) -> Color {
        func lin(_ v: Double) -> Double { v <= 0.04045 ? v / 12.92 : pow((v + 0.055) / 1.055, 2.4) }
        func gam(_ v: Double) -> Double {
            let x = max(0, min(1, v))
            return x <= 0.0031308 ? 12.92 * x : 1.055 * pow(x, 1 / 2.4) - 0.055
        }
        let r = lin(c.red), g = lin(c.green), b = lin(c.blue)
        return Color(red: gam(0.367322 * r + 0.860646 * g - 0.227968 * b),
                     green: gam(0.280085 * r + 0.672501 * g + 0.047413 * b),
                     blue: gam(-0.011820 * r + 0.042940 * g + 0.968881 * b))
    }

    /// CIE76 ΔE between two colours in CIELAB (D65).
    public static func deltaE(_ a: Color, _ b: Color) -> Double {
        let la = lab(a), lb = lab(b)
        return ((la.0 - lb.0) * (la.0 - lb.0) + (la.1 - lb.1) * (la.1 - lb.1) + (la.2 - lb.2) * (la.2 - lb.2)).squareRoot()
    }

    static func lab(_ c: Color) -> (Double, Double, Double) {
        func lin(_ v: Double) -> Double { v <= 0.04045 ? v / 12.92 : pow((v + 0.055) / 1.055, 2.4) }
        let r = lin(c.red), g = lin(c.green), b = lin(c.blue)
        let x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047
        let y = 0.2126 * r + 0.7152 * g + 0.0722 * b
        let z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883
        func f(_ t: Double) -> Double { t > 0.008856 ? cbrt(t) : 7.787 * t + 16 / 116 }
        return (116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z)))
    }
}
