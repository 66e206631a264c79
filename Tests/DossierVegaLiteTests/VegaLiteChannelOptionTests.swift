import Testing

/// Issue 21: Vega-Lite options read as Vega-Lite means them — `circle`, a channel's `legend`,
/// an axis's `format`.
@Suite struct VegaLiteChannelOptionTests {

    @Test func aCircleIsAFilledPoint() throws {
        let bare = try SpecFixture.spec(#"{"data": "t", "mark": "circle", "encoding": {}}"#)
        #expect(bare.layers[0].mark.type == .point)
        #expect(bare.layers[0].mark.filled == true)
        let hollow = try SpecFixture.spec(#"{"data": "t", "mark": {"type": "circle", "filled": false}, "encoding": {}}"#)
        #expect(hollow.layers[0].mark.filled == false)
    }

    @Test func aChannelLegendOfNullHidesTheLegend() throws {
        let spec = try SpecFixture.spec(#"{"data": "t", "mark": "point", "encoding": {"color": {"field": "g", "legend": null}}}"#)
        #expect(spec.legend?.position == "none")
    }

    @Test func aChannelLegendTitlesAndPlacesTheChartLegendWhereTheChartIsSilent() throws {
        let spec = try SpecFixture.spec(#"{"data": "t", "mark": "point", "encoding": {"color": {"field": "g", "legend": {"title": "Group", "orient": "bottom"}}}}"#)
        #expect(spec.legend?.title == "Group")
        #expect(spec.legend?.position == "bottom")
        let chartWins = try SpecFixture.spec(#"{"data": "t", "mark": "point", "legend": {"title": "Mine"}, "encoding": {"color": {"field": "g", "legend": {"title": "Group"}}}}"#)
        #expect(chartWins.legend?.title == "Mine")
    }

    @Test func anAxisFormatFormatsTheChannelUnlessTheChannelHasOne() throws {
        let axis = try SpecFixture.spec(#"{"data": "t", "mark": "point", "encoding": {"x": {"field": "x", "axis": {"format": ".0%"}}}}"#)
        #expect(axis.layers[0].encoding.x?.format == ".0%")
        let both = try SpecFixture.spec(#"{"data": "t", "mark": "point", "encoding": {"x": {"field": "x", "format": ",d", "axis": {"format": ".0%"}}}}"#)
        #expect(both.layers[0].encoding.x?.format == ",d")
        let failure = SpecFixture.decodingFailure(#"{"data": "t", "mark": "point", "encoding": {"x": {"field": "x", "axis": {"format": ".99f"}}}}"#)
        #expect(failure != nil)
    }

    @Test func aLegendOrientVegaLiteDoesNotKnowIsRefused() {
        let failure = SpecFixture.decodingFailure(#"{"data": "t", "mark": "point", "encoding": {"color": {"field": "g", "legend": {"orient": "middle"}}}}"#)
        #expect(failure?.message.contains("orient is \"middle\", expected one of right, left, top, bottom") == true, "\(failure?.message ?? "")")
    }
}
