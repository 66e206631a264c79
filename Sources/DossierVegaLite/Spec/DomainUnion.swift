import DossierBase

/// Vega-Lite's `domain: {unionWith: [...]}`: values a continuous scale's domain must include
/// besides the data's extent (a goal line past the longest bar, say), without fixing the domain.
struct DomainUnion: Decodable {
    /// The values to include, each within ``ChartLimits/coordinate``.
    let values: [Double]

    private enum CodingKeys: String, CodingKey, CaseIterable { case unionWith }

    init(from decoder: any Decoder) throws {
        let c = try decoder.checkedContainer(keyedBy: CodingKeys.self, what: "a scale domain")
        let values = try c.decode([Double].self, forKey: .unionWith)
        guard !values.isEmpty else {
            throw c.failure(.unionWith, SpecProblem(message: "unionWith is empty, expected one or more numbers the domain must include"))
        }
        for value in values {
            if let problem = SpecChecks.coordinate(.number(value), name: "unionWith") { throw c.failure(.unionWith, problem) }
        }
        self.values = values
    }
}
