import DossierBase

/// The one-byte codes a layout pack writes a key's font weight and alignment as: the writer
/// and the reader both use these (an exhaustive switch, so a new case cannot be written as
/// another's code).
extension Font.Weight {
    /// This weight's code in a layout pack.
    var layoutRecordCode: UInt8 {
        switch self {
        case .regular: 0
        case .semibold: 1
        case .bold: 2
        }
    }

    /// The weight written as `code`, nil for a code no weight has.
    init?(layoutRecordCode code: UInt8) {
        guard let weight = [Font.Weight.regular, .semibold, .bold].first(where: { $0.layoutRecordCode == code }) else { return nil }
        self = weight
    }
}

extension TextLayout.Alignment {
    /// This alignment's code in a layout pack.
    var layoutRecordCode: UInt8 {
        switch self {
        case .left: 0
        case .center: 1
        case .right: 2
        }
    }

    /// The alignment written as `code`, nil for a code no alignment has.
    init?(layoutRecordCode code: UInt8) {
        guard let alignment = [TextLayout.Alignment.left, .center, .right].first(where: { $0.layoutRecordCode == code }) else { return nil }
        self = alignment
    }
}
