import DossierBase
import DossierData
import DossierStats

/// The parameters of one analysis kind: their front-matter keys, their decoding and checks
/// (in `init(from:)`), and the computation.
package protocol AnalysisParameters: Sendable, Decodable {
    /// The `kind:` value.
    static var name: String { get }
    /// One line for the docs and error messages.
    static var summary: String { get }
    /// The front-matter keys of this kind, besides the shared ones (``AnalysisSpec/sharedKeys``).
    static var keys: [String] { get }
    /// These parameters as their case of ``AnalysisKind``.
    var kind: AnalysisKind { get }
    /// Computes the result from the prepared rows.
    func run(on table: Table, preparation: TablePreparation) throws -> ResultValue
    /// Whether the kind computes one result from the rows its `table`, `join`, `derive`,
    /// `where` and `exclude` prepare (true but for `sensitivity`, which runs other analyses).
    static var preparesRows: Bool { get }
    /// The analyses this one runs itself (a `sensitivity`'s variants): their data files are
    /// its inputs, and their resampling its cost.
    var nestedAnalyses: [AnalysisSpec] { get }
    /// Whether the kind reads a table (`table:` required); `adjust` reads other results instead.
    static var readsTable: Bool { get }
    /// The analyses whose results this one reads (they run first).
    var dependencies: [String] { get }
}

extension AnalysisParameters {
    package static var preparesRows: Bool { true }
    package var nestedAnalyses: [AnalysisSpec] { [] }
    package static var readsTable: Bool { true }
    package var dependencies: [String] { [] }
}

/// What an analysis computes, with that kind's own parameters.
package enum AnalysisKind: Sendable {
    case count(CountAnalysis)
    case rows(RowsAnalysis)
    case summary(SummaryAnalysis)
    case correlation(CorrelationAnalysis)
    case permutation(PermutationAnalysis)
    case regression(RegressionAnalysis)
    case poisson(PoissonAnalysis)
    case negbin(NegativeBinomialAnalysis)
    case sensitivity(SensitivityAnalysis)
    case proportion(ProportionAnalysis)
    case crosstab(CrosstabAnalysis)
    case fisher(FisherAnalysis)
    case adjust(AdjustAnalysis)

    /// Every kind, in the order the docs list them.
    package static let all: [any AnalysisParameters.Type] = [
        CountAnalysis.self, RowsAnalysis.self, SummaryAnalysis.self, CorrelationAnalysis.self,
        PermutationAnalysis.self, RegressionAnalysis.self, PoissonAnalysis.self, NegativeBinomialAnalysis.self,
        ProportionAnalysis.self, CrosstabAnalysis.self, FisherAnalysis.self, SensitivityAnalysis.self,
        AdjustAnalysis.self,
    ]

    /// The kind's parameters.
    package var parameters: any AnalysisParameters {
        switch self {
        case let .count(p): p
        case let .rows(p): p
        case let .summary(p): p
        case let .correlation(p): p
        case let .permutation(p): p
        case let .regression(p): p
        case let .poisson(p): p
        case let .negbin(p): p
        case let .sensitivity(p): p
        case let .proportion(p): p
        case let .crosstab(p): p
        case let .fisher(p): p
        case let .adjust(p): p
        }
    }

    /// The `kind:` value.
    package var name: String { type(of: parameters).name }

    /// How many resamples the analysis draws (0 for the closed-form kinds): its rough cost.
    package var resamplingCost: Int {
        switch self {
        case let .permutation(p): p.resampling.resamples ?? ResamplingOptions.defaultResamples
        case let .crosstab(p): p.resampling.resamples ?? ResamplingOptions.defaultResamples
        default: parameters.nestedAnalyses.reduce(0) { $0 + $1.kind.resamplingCost }
        }
    }

    /// The parameters of the kind named `name`, if there is one.
    static func named(_ name: String) -> (any AnalysisParameters.Type)? {
        all.first { $0.name == name }
    }

    /// The parameters of the kind named `name`, or an error at `kind:` listing the kinds.
    static func parameters(named name: String, at codingPath: [any CodingKey]) throws -> any AnalysisParameters.Type {
        guard let parameters = named(name) else {
            throw DecodingError.dataCorrupted(.init(codingPath: codingPath,
                debugDescription: "unknown analysis kind \(InputExcerpt.quoted(name))" + NameHint.hint(for: name, known: all.map { $0.name })))
        }
        return parameters
    }

    /// Decodes the parameters of a kind from the analysis' mapping.
    static func decode(_ parameters: any AnalysisParameters.Type, from decoder: any Decoder) throws -> AnalysisKind {
        try parameters.init(from: decoder).kind
    }
}

extension KeyedDecodingContainer {
    /// A parameter the kind cannot do without: "a count analysis needs `by`" at the analysis.
    func required<T: Decodable>(_ type: T.Type, _ key: Key, kind: String) throws -> T {
        guard let value = try decodeIfPresent(type, forKey: key) else {
            throw DecodingError.dataCorrupted(.init(codingPath: codingPath,
                                                    debugDescription: "a \(kind) analysis needs `\(key.stringValue)`"))
        }
        return value
    }

    /// One of a fixed set of names (`method: pearson`), `fallback` when absent; an error at the
    /// value naming the closest choice otherwise ("unknown correlation method \"pearsn\"…").
    func choice<Choice: RawRepresentable & CaseIterable>(_ key: Key, default fallback: Choice, what: String) throws -> Choice
        where Choice.RawValue == String {
        guard let name = try decodeIfPresent(String.self, forKey: key) else { return fallback }
        guard let choice = Choice(rawValue: name) else {
            throw DecodingError.dataCorruptedError(forKey: key, in: self,
                debugDescription: "unknown \(what) \(InputExcerpt.quoted(name))" + NameHint.hint(for: name, known: Choice.allCases.map(\.rawValue)))
        }
        return choice
    }

    /// A confidence level within ``AnalysisSpec/levels`` (an error at the key otherwise).
    func confidenceLevel(_ key: Key) throws -> Double? {
        let level = try decodeIfPresent(Double.self, forKey: key)
        if let level, !AnalysisSpec.levels.contains(level) {
            throw DecodingError.dataCorruptedError(forKey: key, in: self,
                debugDescription: "level must be a confidence level from 0.5 to 0.9999 (0.95 is 95%), found \(level)")
        }
        return level
    }
}

/// A confidence interval as a result value.
func intervalValue(_ ci: ConfidenceInterval) -> ResultValue {
    .interval(low: ci.lower, high: ci.upper, level: ci.level)
}
