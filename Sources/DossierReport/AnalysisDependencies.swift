import DossierBase

/// Analyses that read other analyses' results (`adjust`): checks that what they name exists
/// and forms no cycle, and orders them so that each runs after what it reads.
package enum AnalysisDependencies {
    /// Throws a `DecodingError` at the family entry (`analyses[i].family[k]`) that names an
    /// unknown analysis (with a did-you-mean) or closes a cycle.
    static func check(_ analyses: [AnalysisSpec], codingPath: [any CodingKey]) throws {
        let ids = analyses.map(\.id)
        let byID = Dictionary(analyses.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for (index, analysis) in analyses.enumerated() {
            for (position, dependency) in analysis.kind.parameters.dependencies.enumerated() {
                let path = codingPath + [FamilyIndexKey(index), FamilyIndexKey("family"), FamilyIndexKey(position)]
                guard byID[dependency] != nil else {
                    throw DecodingError.dataCorrupted(.init(codingPath: path,
                        debugDescription: "unknown analysis \(InputExcerpt.quoted(dependency)) in `family`"
                            + NameHint.hint(for: dependency, known: ids.filter { $0 != analysis.id })))
                }
                if let cycle = cycle(from: dependency, to: analysis.id, in: byID) {
                    throw DecodingError.dataCorrupted(.init(codingPath: path,
                        debugDescription: "analysis \(InputExcerpt.quoted(analysis.id)) reads its own result through "
                            + ([analysis.id] + cycle).map { InputExcerpt.quoted($0) }.joined(separator: " → ")
                            + "; an analysis in `family` must not list this one"))
                }
            }
        }
    }

    /// The path of ids from `start` that reaches `target` through dependencies, if any.
    private static func cycle(from start: String, to target: String, in byID: [String: AnalysisSpec]) -> [String]? {
        var visited: Set<String> = []
        func walk(_ id: String) -> [String]? {
            if id == target { return [id] }
            guard visited.insert(id).inserted, let analysis = byID[id] else { return nil }
            for next in analysis.kind.parameters.dependencies {
                if let rest = walk(next) { return [id] + rest }
            }
            return nil
        }
        return walk(start)
    }

    /// `ids` and every analysis they read, transitively.
    package static func closure(of ids: Set<String>, in analyses: [AnalysisSpec]) -> Set<String> {
        let byID = Dictionary(analyses.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var result: Set<String> = []
        var stack = Array(ids)
        while let id = stack.popLast() {
            guard result.insert(id).inserted else { continue }
            stack.append(contentsOf: byID[id]?.kind.parameters.dependencies ?? [])
        }
        return result
    }

    /// `analyses` (those that read results) so that each comes after the ones it reads
    /// (declaration order otherwise). The specs were checked for cycles when decoded.
    package static func ordered(_ analyses: [AnalysisSpec]) -> [AnalysisSpec] {
        let pending = Set(analyses.map(\.id))
        var done: Set<String> = []
        var ordered: [AnalysisSpec] = []
        var left = analyses
        while !left.isEmpty {
            let ready = left.filter { analysis in
                analysis.kind.parameters.dependencies.allSatisfy { !pending.contains($0) || done.contains($0) }
            }
            // A cycle cannot pass the decoding check; keep the declaration order if one did.
            let batch = ready.isEmpty ? left : ready
            ordered.append(contentsOf: batch)
            done.formUnion(batch.map(\.id))
            left.removeAll { done.contains($0.id) }
        }
        return ordered
    }
}

/// A coding-path key for a position in a list (`family[2]`) or a key name, for errors.
struct FamilyIndexKey: CodingKey {
    var stringValue: String
    var intValue: Int?
    init(_ index: Int) { stringValue = String(index); intValue = index }
    init(_ name: String) { stringValue = name; intValue = nil }
    init?(stringValue: String) { self.init(stringValue) }
    init?(intValue: Int) { self.init(intValue) }
}
