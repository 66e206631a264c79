@testable import DossierVegaLite
import Testing

/// Issue 21: Vega-Lite's `lookup` transform, worked by hand: Vega's index keeps the last row of
/// a key, an unmatched row gets `default` (null unless given), `as` renames the fields.
@Suite struct LookupTransformTests {
    static let groups = ChartData(columns: [
        ("group", .numbers([1, 1, 2, 2])),
        ("person", .strings(["Ann", "Bo", "Cy", nil])),
    ])
    static let people = ChartData(columns: [
        ("name", .strings(["Ann", "Bo", "Ann"])),
        ("age", .numbers([30, 41, 33])),
    ])

    static func run(_ transform: String) throws -> ChartData {
        let spec = try SpecFixture.spec(#"{"data": "g", "transform": [\#(transform)], "mark": "point", "encoding": {}}"#)
        return try TransformPipeline.apply(spec.layers[0].transform, to: groups, layer: 1, tables: ["people": people])
    }

    @Test func fieldsOfTheLastMatchingRowAreAdded() throws {
        let out = try Self.run(#"{"lookup": "person", "from": {"data": {"name": "people"}, "key": "name", "fields": ["age"]}}"#)
        // Ann is the last "Ann" row (33); Cy has no match and the null key none either.
        #expect(out.column("age") == .numbers([33, 41, nil, nil]))
    }

    @Test func asRenamesAndDefaultFillsTheUnmatched() throws {
        let out = try Self.run(#"{"lookup": "person", "from": {"data": {"name": "people"}, "key": "name", "fields": ["age"]}, "as": "years", "default": 0}"#)
        #expect(out.column("years") == .numbers([33, 41, 0, 0]))
        #expect(out.column("age") == nil)
    }

    @Test func inlineValuesAreASecondaryTable() throws {
        let out = try Self.run(#"{"lookup": "group", "from": {"data": {"values": [{"g": 2, "label": "two"}]}, "key": "g", "fields": ["label"]}}"#)
        #expect(out.column("label") == .strings([nil, nil, "two", "two"]))
    }

    @Test func theSecondaryTablesAreTheChartsDataToLoad() throws {
        let spec = try SpecFixture.spec(#"{"data": "g", "transform": [{"lookup": "person", "from": {"data": {"url": "data/people.csv"}, "key": "name", "fields": ["age"]}}, {"lookup": "person", "from": {"data": {"name": "staff"}, "key": "name", "fields": ["role"]}}], "mark": "point", "encoding": {}}"#)
        #expect(spec.dataFiles.map(\.key) == ["url:data/people.csv"])
        #expect(spec.dataNames == ["g", "staff"])
    }

    @Test(arguments: [
        (#"{"lookup": "person", "from": {"data": {"name": "people"}, "key": "name"}, "as": "p"}"#, "whole record"),
        (#"{"lookup": "person", "from": {"data": {"name": "people"}, "key": "name", "fields": ["age"]}, "as": ["a", "b"]}"#, "one name per field"),
    ])
    func unsupportedOrInconsistentLookupsAreRefused(_ transform: String, _ fragment: String) {
        #expect(throws: (any Error).self) { try Self.run(transform) }
        do { _ = try Self.run(transform) } catch {
            #expect("\(error)".contains(fragment), "\(error)")
        }
    }

    @Test func aMissingKeyFieldNamesTheTransform() throws {
        #expect(throws: ChartError.self) {
            _ = try Self.run(#"{"lookup": "who", "from": {"data": {"name": "people"}, "key": "name", "fields": ["age"]}}"#)
        }
    }
}
