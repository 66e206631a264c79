@testable import DossierReport
import Foundation
import Testing
import Yams

/// ``NodeValueDecoder/decodeCommonValue(_:)`` (lists of texts, mappings of texts to
/// texts, filter values or numbers read straight from the node) gives what the standard
/// library's `Array` and `Dictionary` decoding gives, and what Yams' `YAMLDecoder` gives;
/// where it does not answer, the standard decoding throws its own error.
@Suite struct NodeDecoderCollectionTests {
    /// Lists: plain, quoted, block and flow, empty, null-looking and number-looking elements,
    /// elements that are not texts, aliases, a mapping where a list is expected.
    static let lists = [
        "v: [a, b, c]\n", "v: []\n", "v:\n  - a\n  - \"b c\"\n  - 'd'\n", "v: [~, null, '', \"\", 1, 2.5, true, yes]\n",
        "v: [a, [b]]\n", "v: [a, {b: c}]\n", "v: {a: b}\n", "v: a\n", "v: ~\n", "v: &x [a, b]\nw: *x\n",
        "v: [&y a, *y]\n", "v: [\"é\", \"\\u00e9\", \"\\t\"]\n", "v: |\n  a\n  b\n", "v: [a, b, a]\n",
    ]

    /// Mappings: plain and quoted keys (a quoted `"yes"` is not the key `yes`), merge keys (a
    /// merged key repeated by the mapping's own), anchors, number-like keys, nulls, values of the wrong kind.
    static let mappings = [
        "v: {a: b, c: d}\n", "v: {}\n", "v:\n  a: b\n  \"c d\": e\n", "v: {\"yes\": a, no: b}\n",
        "v: {yes: a, \"no\": b}\n", "v: {1: a, 02: b, -3: c}\n", "v: {a: ~, b: null, c: ''}\n", "v: {a: [b, c], d: e}\n",
        "v: {a: {b: c}}\n", "v: [a, b]\n", "v: a\n", "v: ~\n", "b: &base {x: 1, y: two}\nv: {<<: *base, y: 3}\n",
        "v: {<<: [{p: 1}, {q: 2}], r: 3}\n", "v: &m {a: 1.5, b: -2, c: .5e3}\n", "v: {yamlAnchor: a, yamlTag: b}\n", "v: {yamlAnchor: a, b: c}\n", "v: {a: b, yamlTag: c}\n",
        "v: !!map {a: b}\n", "v: &t {a: b}\n", "v: {a: 0x1F, b: 0o17, c: .inf, d: -.NaN, e: 1_000}\n",
        "v: {a: [x, y], b: true, c: 3, d: text, e: [1, 2]}\n", "v: {a: [x, [y]], b: {c: d}}\n",
    ]

    @Test(arguments: lists)
    func listsDecodeAsYamsDecodesThem(_ yaml: String) throws {
        try expectSame([String: [String]].self, yaml)
    }

    @Test(arguments: mappings)
    func mappingsDecodeAsYamsDecodesThem(_ yaml: String) throws {
        try expectSame([String: [String: String]].self, yaml)
        try expectSame([String: [String: FilterValue]].self, yaml)
        try expectSame([String: [String: Double]].self, yaml)
    }

    @Test(arguments: lists + mappings)
    func theFastPathGivesWhatTheStandardDecodingGives(_ yaml: String) throws {
        let root = try #require(try YAMLTextTags.compose(yaml))
        guard case .mapping(let mapping) = root.node, let node = mapping["v"] else {
            Issue.record("no v in \(yaml)")
            return
        }
        let context = NodeDecodingContext(root: root.node, textTags: root.textTags, mergeKeysPossible: root.mergeKeysPossible)
        let decoder = NodeValueDecoder(node: node, parent: nil, key: NodeNameKey("v"), context: context)
        // The standard library's own `init(from:)`, called directly, decodes the collection the
        // standard way (its elements through the decoder as always).
        #expect(Self.outcome { try decoder.decodeValue([String].self) } == Self.outcome { try [String](from: decoder) }, "\(yaml)")
        #expect(Self.outcome { try decoder.decodeValue([String: String].self) }
                == Self.outcome { try [String: String](from: decoder) }, "\(yaml)")
        #expect(Self.outcome { try decoder.decodeValue([String: FilterValue].self) }
                == Self.outcome { try [String: FilterValue](from: decoder) }, "\(yaml)")
        #expect(Self.outcome { try decoder.decodeValue([String: Double].self) }
                == Self.outcome { try [String: Double](from: decoder) }, "\(yaml)")
    }

    /// Filter values: texts that read as booleans, whole numbers or neither, quoted or not,
    /// lists, and what is neither.
    static let filterValues = [
        "yes", "Yes", "YES", "no", "true", "True", "tRuE", "false", "on", "Off", "y", "n", "\"true\"", "'no'", "1", "01", "-3", "+4",
        "0x1F", "0o17", "0b11", "1_000", "1.5", "1e3", ".inf", "~", "null", "''", "\"\"", "text", "\"a b\"", "2020-01-01",
        "9223372036854775807", "9223372036854775808", "[a, 1, true]", "[]", "[a, [b]]", "[a, {b: c}]", "{a: b}", "|\n  a\n",
    ]

    @Test(arguments: filterValues)
    func filterValuesDecodeAsTheirInitDecodesThem(_ value: String) throws {
        let yaml = "v: \(value)\n"
        let root = try #require(try YAMLTextTags.compose(yaml))
        let node = try #require(root.node.mapping?["v"])
        let context = NodeDecodingContext(root: root.node, textTags: root.textTags, mergeKeysPossible: root.mergeKeysPossible)
        let decoder = NodeValueDecoder(node: node, parent: nil, key: NodeNameKey("v"), context: context)
        #expect(Self.outcome { try decoder.decodeValue(FilterValue.self) } == Self.outcome { try FilterValue(from: decoder) }, "\(yaml)")
        try expectSame([String: FilterValue].self, yaml)
        if !value.contains("\n") {
            try expectSame([String: AnalysisSpec.FlagSpec].self, "v: {field: f, equals: \(value)}\n")
        }
    }

    /// The fast path answers for the collections specs hold (it is not silently skipped).
    @Test func theFastPathAnswersForWellFormedCollections() throws {
        let cases: [(String, (NodeValueDecoder) -> Bool)] = [
            ("v: [a, \"b\", 3]\n", { $0.decodeCommonValue([String].self) == ["a", "b", "3"] }),
            ("v: {a: b, c: d}\n", { $0.decodeCommonValue([String: String].self) == ["a": "b", "c": "d"] }),
            ("v: {a: 1.5, b: -2}\n", { $0.decodeCommonValue([String: Double].self) == ["a": 1.5, "b": -2] }),
            ("v: {a: [x, y], b: z}\n", { decoder in
                decoder.decodeCommonValue([String: FilterValue].self).map { $0.mapValues(\.values) } == ["a": ["x", "y"], "b": ["z"]]
            }),
            ("v: [a, [b]]\n", { $0.decodeCommonValue([String].self) == nil }),
            ("v: {\"yes\": a}\n", { $0.decodeCommonValue([String: String].self) == nil }),
            ("v: {a: [b]}\n", { $0.decodeCommonValue([String: Double].self) == nil }),
            ("v: yes\n", { $0.decodeCommonValue(FilterValue.self) == .one("true") }),
            ("v: 0x1F\n", { $0.decodeCommonValue(FilterValue.self) == .one("31") }),
            ("v: [a, 2]\n", { $0.decodeCommonValue(FilterValue.self) == .any(["a", "2"]) }),
            ("v: {a: b}\n", { $0.decodeCommonValue(FilterValue.self) == nil }),
        ]
        for (yaml, check) in cases {
            let root = try #require(try YAMLTextTags.compose(yaml))
            let node = try #require(root.node.mapping?["v"])
            let context = NodeDecodingContext(root: root.node, textTags: root.textTags, mergeKeysPossible: root.mergeKeysPossible)
            #expect(check(NodeValueDecoder(node: node, parent: nil, key: nil, context: context)), "\(yaml)")
        }
    }

    /// A value's stable dump, or the error's case, coding path and text.
    private static func outcome<T>(_ decode: () throws -> T) -> String {
        do {
            return "value " + NodeDecoderComparison.stableDump(try decode())
        } catch let error as DecodingError {
            let context = ReportSource.codingPath(of: error).map { "\($0.stringValue)#\(String(describing: $0.intValue))" }
            return "error \(context) \(error)"
        } catch {
            return "error \(error)"
        }
    }

    private func expectSame<T: Decodable>(_ type: T.Type, _ yaml: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        guard let (yams, fast) = try NodeDecoderComparison.outcomes(type, yaml) else { return }
        #expect(fast == yams, "\(T.self) from \(yaml)", sourceLocation: sourceLocation)
    }
}
