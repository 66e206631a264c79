import Foundation
import Testing
@testable import DossierStats

/// Loads a JSON fixture written by scripts/stats_reference.py.
func loadFixture<T: Decodable>(_ name: String, as type: T.Type = T.self) throws -> T {
    let url = try #require(Bundle.module.url(forResource: name, withExtension: "json", subdirectory: "Fixtures"),
                           "missing fixture \(name).json")
    return try JSONDecoder().decode(T.self, from: Data(contentsOf: url))
}

/// Tracks the worst relative error of one family of comparisons and records an issue
/// for each value outside tolerance.
struct ErrorTracker {
    let family: String
    private(set) var worst = 0.0
    private(set) var worstLabel = ""
    private(set) var comparisons = 0

    init(_ family: String) { self.family = family }

    /// Passes when |actual − expected| ≤ rel·|expected| + abs. A nil expected means +∞.
    mutating func check(_ actual: Double, _ expected: Double?, rel: Double, abs absTol: Double = 0,
                        _ label: @autoclosure () -> String,
                        sourceLocation: SourceLocation = #_sourceLocation) {
        comparisons += 1
        guard let expected else {
            #expect(actual == .infinity, "\(family) \(label()): expected +inf, got \(actual)", sourceLocation: sourceLocation)
            return
        }
        if actual == expected { return }
        let diff = Swift.abs(actual - expected)
        let relErr = expected == 0 ? diff : diff / Swift.abs(expected)
        // Track relative error where it is meaningful: skip values so close to zero that
        // only the absolute tolerance applies to them.
        if Swift.abs(expected) > 1e3 * absTol || diff > absTol, relErr > worst {
            worst = relErr
            worstLabel = label()
        }
        #expect(actual.isFinite && diff <= rel * Swift.abs(expected) + absTol,
                "\(family) \(label()): got \(actual), expected \(expected) (rel err \(relErr))",
                sourceLocation: sourceLocation)
    }

    func report() {
        print("[stats-accuracy] \(family): \(comparisons) comparisons, worst relative error \(worst) at \(worstLabel)")
    }
}
