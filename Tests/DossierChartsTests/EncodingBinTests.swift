@testable import DossierVegaLite
import Testing
@testable import DossierCharts

/// Issue 21: Vega-Lite's `bin` on a channel — a histogram is `x: {bin: true, field}` with
/// `y: {aggregate: count}`.
@Suite struct EncodingBinTests {
    static let table = ChartData(columns: [("v", .numbers([1.2, 3.7, 3.9, 8.1, nil]))])

    @Test func aBinnedBarGetsItsBinsStartOnXAndEndOnX2() throws {
        let encoding = Encoding(x: ChannelDef(field: "v", bin: BinParameters()), y: ChannelDef(aggregate: .count))
        let (binned, rewritten) = try EncodingBin.apply(Self.table, encoding: encoding, mark: .bar, layer: 1)
        #expect(rewritten.x?.field == "bin_maxbins_10_v")
        #expect(rewritten.x2?.field == "bin_maxbins_10_v_end")
        #expect(rewritten.x?.title == "v (binned)")
        // Vega's nice bins over 1.2…8.1 with at most 10 bins: a step of 1 from 1.
        #expect(binned.column("bin_maxbins_10_v") == .numbers([1, 3, 3, 8, nil]))
        #expect(binned.column("bin_maxbins_10_v_end") == .numbers([2, 4, 4, 9, nil]))
        let (counted, _) = try EncodingAggregation.apply(binned, encoding: rewritten, facetField: nil, layer: 1, dataName: "t")
        // The row with no value makes no bin: Vega-Lite drops null continuous x after the aggregate.
        #expect(counted.column("__count") == .numbers([1, 2, 1]))
    }

    @Test func aPointKeepsOneField() throws {
        let encoding = Encoding(x: ChannelDef(field: "v", bin: BinParameters()))
        let (_, rewritten) = try EncodingBin.apply(Self.table, encoding: encoding, mark: .point, layer: 1)
        #expect(rewritten.x2 == nil)
    }

    @Test func binParametersAndBinFalseDecode() throws {
        let spec = try SpecFixture.spec(#"{"data": "t", "mark": "bar", "encoding": {"x": {"field": "v", "bin": {"maxbins": 20}}, "y": {"field": "v", "bin": false}}}"#)
        #expect(spec.layers[0].encoding.x?.bin?.maxbins == 20)
        #expect(spec.layers[0].encoding.y?.bin == nil)
        let failure = SpecFixture.decodingFailure(#"{"data": "t", "mark": "bar", "encoding": {"x": {"field": "v", "bin": {"anchor": 0}}}}"#)
        #expect(failure?.message.contains("`anchor` in bin parameters is not supported in charts yet") == true, "\(failure?.message ?? "")")
    }
}
