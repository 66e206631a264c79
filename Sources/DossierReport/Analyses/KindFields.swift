/// A set of front-matter keys several analysis kinds read alike (``PairedFields``,
/// ``ContingencyFields``, ``CountModelFields``); its errors name the kind that reads it.
package protocol KindFields: Sendable {
    /// The keys these fields read.
    static var keys: [String] { get }
    /// Decodes the fields from the analysis' mapping; `kind` names the analysis in errors.
    init(from decoder: any Decoder, kind: String) throws
}

/// A kind whose parameters are one ``KindFields`` set and nothing else (`poisson`, `negbin`).
package protocol FieldsAnalysis: AnalysisParameters {
    associatedtype Fields: KindFields
    /// The kind with these fields.
    init(fields: Fields)
}

extension FieldsAnalysis {
    package static var keys: [String] { Fields.keys }

    package init(from decoder: any Decoder) throws {
        self.init(fields: try Fields(from: decoder, kind: Self.name))
    }
}

/// A kind whose parameters are one ``KindFields`` set and a confidence `level` (`fisher`,
/// `regression`).
package protocol LevelledFieldsAnalysis: AnalysisParameters {
    associatedtype Fields: KindFields
    /// The kind with these fields, at `level` (nil: the default, 0.95).
    init(fields: Fields, level: Double?)
}

/// The `level` key of a ``LevelledFieldsAnalysis``.
private enum LevelKey: String, CodingKey, CaseIterable { case level }

extension LevelledFieldsAnalysis {
    package static var keys: [String] { Fields.keys + LevelKey.allCases.map(\.rawValue) }

    package init(from decoder: any Decoder) throws {
        self.init(fields: try Fields(from: decoder, kind: Self.name),
                  level: try decoder.container(keyedBy: LevelKey.self).confidenceLevel(.level))
    }
}
