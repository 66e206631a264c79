import DossierBase
import DossierVegaLite

/// The theme's sizes as the font requests the layout measures and draws text with.
extension Theme {
    var titleFont: Font { Font(family: fontFamily, size: titleSize, weight: .bold) }
    var subtitleFont: Font { Font(family: fontFamily, size: subtitleSize) }
    var labelFont: Font { Font(family: fontFamily, size: labelSize) }
    var axisTitleFont: Font { Font(family: fontFamily, size: axisTitleSize, weight: .bold) }
    var captionFont: Font { Font(family: fontFamily, size: captionSize) }
    var stripFont: Font { Font(family: fontFamily, size: labelSize + 0.5, weight: .bold) }
}
