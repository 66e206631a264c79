import DossierBase
import Yams

/// One named variant of a `sensitivity` analysis: its base analysis with the variant's keys.
package struct SensitivityVariant: Sendable {
    /// The row's name in the sensitivity table.
    package var name: String
    /// The base analysis' spec with the variant's keys in place of the base's.
    package var spec: AnalysisSpec
}

/// Builds a sensitivity analysis' variants from the front matter's nodes: each variant's keys
/// replace the base analysis' keys of the same name (whole values, as YAML's `<<` merge key
/// does), and the result is decoded as an analysis of its own, so it is checked as the base
/// kind's keys are (or the variant's `kind:`), with errors at the variant's keys.
enum SensitivityVariants {
    /// The first line of a variant: its `name`, and no `id`.
    struct Header: Decodable {
        var name: String

        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: AnyKey.self)
            if c.contains(AnyKey(stringValue: "id")) {
                throw DecodingError.dataCorruptedError(forKey: AnyKey(stringValue: "id"), in: c,
                    debugDescription: "a sensitivity variant is named by `name`, not `id` (its results are rows of the sensitivity's table)")
            }
            guard let name = try c.decodeIfPresent(String.self, forKey: AnyKey(stringValue: "name")) else {
                throw DecodingError.dataCorrupted(.init(codingPath: c.codingPath,
                    debugDescription: "a sensitivity variant needs `name` (the row's name in the table)"))
            }
            self.name = name
        }
    }

    /// The front matter's analysis mappings by id (the last of a repeated id wins), read once
    /// per document: each sensitivity analysis asks.
    static func analyses(in context: NodeDecodingContext) -> [(id: String, mapping: Node.Mapping)] {
        if let analyses = context.analysisMappings { return analyses }
        let analyses = readAnalyses(in: context)
        context.analysisMappings = analyses
        return analyses
    }

    private static func readAnalyses(in context: NodeDecodingContext) -> [(id: String, mapping: Node.Mapping)] {
        guard let sequence = context.root?.mapping?["analyses"]?.sequence else { return [] }
        return sequence.compactMap { node in
            guard let mapping = node.mapping,
                  let id = NodeMappingTable.flatten(mapping, textTags: context.textTags).last(where: { $0.key.string == "id" })?.value.string
            else { return nil }
            return (id, mapping)
        }
    }

    /// Decodes the variants of the sensitivity analysis read by `decoder` (their nodes under
    /// `variants`) over `base`, with `headers` (decoded first, so that a missing name or a
    /// wrong type is reported as any other front-matter error).
    static func decode(_ headers: [Header], over base: Node.Mapping, from decoder: NodeValueDecoder,
                       variantsKey: any CodingKey) throws -> [SensitivityVariant] {
        guard let nodes = decoder.node.mapping?[variantsKey.stringValue]?.sequence else { return [] }
        let analysisPath = decoder.key.map { NodeCodingPath(parent: decoder.parent, key: $0) } ?? decoder.parent
        let variantsPath = NodeCodingPath(parent: analysisPath, key: variantsKey)
        let baseKeys = NodeMappingTable.flatten(base, textTags: decoder.context.textTags)
        var variants: [SensitivityVariant] = []
        for (index, (header, node)) in zip(headers, nodes).enumerated() {
            guard let mapping = node.mapping else { continue }
            let own = NodeMappingTable.flatten(mapping, textTags: decoder.context.textTags).filter { $0.key.string != "name" }
            let replaced = Set(own.compactMap { $0.key.string })
            let pairs = baseKeys.filter { pair in pair.key.string.map { !replaced.contains($0) } ?? true } + own
            let merged = Node.mapping(Node.Mapping(pairs.map { ($0.key, $0.value) }, base.tag, .flow, mapping.mark))
            let variantDecoder = NodeValueDecoder(node: merged, parent: variantsPath, key: NodeIndexKey(index: index),
                                                  context: decoder.context)
            let spec = try AnalysisSpec(from: variantDecoder)
            if !type(of: spec.kind.parameters).preparesRows {
                throw DecodingError.dataCorrupted(.init(codingPath: variantDecoder.codingPath + [AnyKey(stringValue: "kind")],
                    debugDescription: "a sensitivity variant cannot be a \(spec.kind.name) analysis, expected a kind that computes one result"))
            }
            variants.append(SensitivityVariant(name: header.name, spec: spec))
        }
        return variants
    }
}
