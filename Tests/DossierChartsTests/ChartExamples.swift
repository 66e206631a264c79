@testable import DossierVegaLite
import Foundation
@testable import DossierCharts

/// The briefing's chart kinds as spec + data, shared by the tests.
/// Their `width` and `height` are the plot area's (Vega-Lite), chosen so that each figure keeps
/// the size it had when they were the whole figure's.
enum ChartExamples {
    typealias C = ChartFixture

    // MARK: Simplest: bar chart with accents.
    static let barSpec = """
    {"title": "Documented cases by city", "subtitle": "Local-level engagements, 2000–2020",
     "source": "Dossier case list", "width": 366, "height": 162,
     "data": "cities", "mark": "bar",
     "encoding": {"x": {"field": "city", "type": "nominal", "sort": "-y", "title": "City"},
                  "y": {"field": "cases", "type": "quantitative", "title": "Cases"}}}
    """
    static var barData: [String: ChartData] {
        ["cities": ChartData(columns: [
            ("city", C.strings(["São Paulo", "Panamá", "Querétaro", "Córdoba", "Bogotá", "Valparaíso"])),
            ("cases", C.numbers([48, 12, 7, 20, 15, 1234])),
        ])]
    }

    // MARK: 1. Scatter: log axis, fitted curve with band, coloured points, repelled labels.
    static let scatterSpec = """
    {"title": "More regional authority, more ties with Chinese localities",
     "subtitle": "Twinning ties per 10 million people (log scale) against the Regional Authority Index, 2018",
     "caption": "Line and band: Poisson fit with log-population offset and its 95% interval.",
     "source": "Hooghe et al., Regional Authority Index; Wikipedia twinning lists",
     "width": 378, "height": 253,
     "layers": [
       {"data": "fit", "mark": {"type": "area", "color": "#999999", "opacity": 0.3},
        "encoding": {"x": {"field": "rai", "type": "quantitative"}, "y": {"field": "lo"}, "y2": {"field": "hi"}}},
       {"data": "fit", "mark": {"type": "line", "color": "#555555", "strokeWidth": 1.5},
        "encoding": {"x": {"field": "rai"}, "y": {"field": "fit"}}},
       {"data": "countries", "mark": {"type": "point", "repel": true},
        "encoding": {"x": {"field": "rai", "title": "Regional Authority Index (2018)"},
                     "y": {"field": "ties", "title": "Ties per 10 M people", "scale": {"type": "log"}},
                     "color": {"field": "recognition", "title": "Recognises", "scale": {"domain": ["Beijing", "Taipei"]}},
                     "text": {"field": "name"}}}
     ]}
    """
    static var scatterData: [String: ChartData] {
        let names = ["Argentina", "Brasil", "México", "Colombia", "Perú", "Chile", "Ecuador", "Bolivia", "Venezuela",
                     "Uruguay", "Paraguay", "Panamá", "Costa Rica", "Cuba", "República Dominicana", "Guatemala",
                     "Honduras", "El Salvador", "Nicaragua", "Jamaica"]
        let rai: [Double?] = [24.5, 22.0, 25.0, 15.5, 10.0, 9.0, 12.0, 12.5, 14.0, 8.0, 6.0, 4.0, 3.0, 5.0, 2.0, 3.5, 2.5, 2.0, 6.5, 1.0]
        let ties: [Double?] = [9.8, 6.1, 3.2, 2.4, 3.0, 6.5, 2.9, 1.7, 1.1, 8.6, 0.3, 2.3, 1.9, 3.5, 0.9, 0.2, 0.15, 0.6, 0.5, 3.3]
        let rec: [String?] = ["Beijing", "Beijing", "Beijing", "Beijing", "Beijing", "Beijing", "Beijing", "Beijing", "Beijing",
                              "Beijing", "Taipei", "Beijing", "Beijing", "Beijing", "Beijing", "Taipei", "Taipei", "Beijing", "Beijing", "Beijing"]
        var grid: [Double?] = [], fit: [Double?] = [], lo: [Double?] = [], hi: [Double?] = []
        for k in 0...26 {
            let r = Double(k)
            grid.append(r)
            let f = 0.6 * exp(0.1 * r)
            let w = 0.25 + 0.02 * abs(r - 12)
            fit.append(f); lo.append(f * exp(-w)); hi.append(f * exp(w))
        }
        return [
            "countries": ChartData(columns: [("name", C.strings(names)), ("rai", C.numbers(rai)), ("ties", C.numbers(ties)), ("recognition", C.strings(rec))]),
            "fit": ChartData(columns: [("rai", C.numbers(grid)), ("fit", C.numbers(fit)), ("lo", C.numbers(lo)), ("hi", C.numbers(hi))]),
        ]
    }

    // MARK: 2. Horizontal 100% stacked bars with n, sorted by deal share.
    static let stackedSpec = """
    {"title": "Outcomes by channel", "subtitle": "Share of local-level cases by outcome; bars sorted by share with a concrete deal",
     "source": "Dossier case list", "width": 366, "height": 142, "legend": {"position": "top", "title": ""},
     "data": "outcomes", "mark": {"type": "bar", "stack": "normalize", "totals": true},
     "encoding": {"x": {"field": "count", "type": "quantitative", "title": "Share of cases"},
                  "y": {"field": "channel", "type": "nominal", "title": "", "sort": {"field": "deal_share", "op": "max", "order": "descending"}},
                  "color": {"field": "outcome", "type": "nominal", "scale": {"domain": ["Concrete deal", "Agreement signed", "Exchanges only", "Stalled"]}}}}
    """
    static var stackedData: [String: ChartData] {
        let channels = ["Twinning", "Provincial visits", "Trade missions", "Party channels", "Diaspora networks", "Universities"]
        let outcomes = ["Concrete deal", "Agreement signed", "Exchanges only", "Stalled"]
        let counts: [[Double]] = [[9, 6, 8, 3], [5, 4, 6, 2], [7, 2, 2, 1], [1, 2, 5, 3], [2, 1, 3, 1], [1, 3, 4, 2]]
        var ch: [String?] = [], oc: [String?] = [], n: [Double?] = [], share: [Double?] = []
        for (i, c) in channels.enumerated() {
            let total = counts[i].reduce(0, +)
            for (j, o) in outcomes.enumerated() {
                ch.append(c); oc.append(o); n.append(counts[i][j]); share.append(counts[i][0] / total)
            }
        }
        return ["outcomes": ChartData(columns: [("channel", C.strings(ch)), ("outcome", C.strings(oc)), ("count", C.numbers(n)), ("deal_share", C.numbers(share))])]
    }

    // MARK: 3. Dot and interval.
    static let intervalSpec = """
    {"title": "Share of cases with a concrete deal", "subtitle": "By channel, with Wilson 95% intervals",
     "caption": "Few cases per channel: intervals are wide.", "width": 342, "height": 142,
     "layers": [
       {"data": "deals", "mark": {"type": "rule", "strokeWidth": 2, "color": "#56B4E9"},
        "encoding": {"x": {"field": "lo", "type": "quantitative", "format": ".0%", "scale": {"domain": [0, 1]}, "title": "Share with a concrete deal"},
                     "x2": {"field": "hi"}, "y": {"field": "channel", "type": "nominal", "sort": {"field": "share", "op": "max", "order": "descending"}, "title": ""}}},
       {"data": "deals", "mark": {"type": "point", "size": 64, "color": "#0072B2"},
        "encoding": {"x": {"field": "share"}, "y": {"field": "channel", "type": "nominal"}}}
     ]}
    """
    static var intervalData: [String: ChartData] {
        ["deals": ChartData(columns: [
            ("channel", C.strings(["Twinning", "Provincial visits", "Trade missions", "Party channels", "Diaspora networks", "Universities"])),
            ("share", C.numbers([0.35, 0.29, 0.58, 0.09, 0.29, 0.10])),
            ("lo", C.numbers([0.19, 0.13, 0.32, 0.02, 0.08, 0.02])),
            ("hi", C.numbers([0.53, 0.53, 0.81, 0.38, 0.64, 0.40])),
        ])]
    }

    // MARK: 4. Stacked columns over time, cumulative line on a right axis, policy annotations.
    static let timelineSpec = """
    {"title": "New engagements per year, by channel", "subtitle": "Columns: new cases per year (left axis); line: cumulative total (right axis)",
     "source": "Dossier case list", "width": 362, "height": 217,
     "annotations": [{"x": 2008, "label": "2008 policy paper"}, {"x": 2015, "label": "2015 China–CELAC plan"}, {"x": 2016, "label": "2016 policy paper"}],
     "layers": [
       {"data": "cases", "mark": "bar",
        "encoding": {"x": {"field": "year", "type": "ordinal", "title": ""},
                     "y": {"field": "n", "type": "quantitative", "title": "New cases"},
                     "color": {"field": "channel", "type": "nominal", "title": "Channel"}}},
       {"data": "cumulative", "mark": {"type": "line", "color": "#333333", "strokeWidth": 1.5},
        "encoding": {"x": {"field": "year", "type": "ordinal"},
                     "y": {"field": "total", "type": "quantitative", "title": "Cumulative cases", "axis": {"orient": "right"}}}}
     ]}
    """
    static var timelineData: [String: ChartData] {
        var year: [Double?] = [], channel: [String?] = [], n: [Double?] = []
        let channels = ["Twinning", "Visits", "Trade missions"]
        var totals: [Double?] = [], years: [Double?] = []
        var running = 0.0
        for y in 2004...2020 {
            var sum = 0.0
            for (k, c) in channels.enumerated() {
                let v = Double((y * 7 + k * 5) % 4 + (y >= 2015 ? 2 : 0) + (k == 0 ? 1 : 0))
                year.append(Double(y)); channel.append(c); n.append(v); sum += v
            }
            running += sum
            years.append(Double(y)); totals.append(running)
        }
        return [
            "cases": ChartData(columns: [("year", C.numbers(year)), ("channel", C.strings(channel)), ("n", C.numbers(n))]),
            "cumulative": ChartData(columns: [("year", C.numbers(years)), ("total", C.numbers(totals))]),
        ]
    }

    // MARK: 5. Heatmap with contrast labels.
    static let heatmapSpec = """
    {"title": "Channel by outcome", "subtitle": "Number of local-level cases", "width": 335, "height": 213,
     "layers": [
       {"data": "table", "mark": "rect",
        "encoding": {"x": {"field": "outcome", "type": "nominal", "title": "", "scale": {"domain": ["Concrete deal", "Agreement signed", "Exchanges only", "Stalled"]}},
                     "y": {"field": "channel", "type": "nominal", "title": "", "sort": "none"},
                     "color": {"field": "count", "type": "quantitative", "title": "Cases"}}},
       {"data": "table", "mark": {"type": "text", "contrast": true},
        "encoding": {"x": {"field": "outcome", "type": "nominal"}, "y": {"field": "channel", "type": "nominal"},
                     "text": {"field": "count", "format": "d"}, "color": {"field": "count", "type": "quantitative"}}}
     ]}
    """
    static var heatmapData: [String: ChartData] {
        let base = stackedData["outcomes"]
        var cols: [(name: String, values: ChartColumn)] = []
        for (name, values) in base?.columns ?? [] where name != "deal_share" { cols.append((name, values)) }
        return ["table": ChartData(columns: cols)]
    }

    // MARK: 6. Choropleth with island markers.
    static let mapSpec = """
    {"title": "Twinning ties with Chinese cities and provinces", "subtitle": "By country; small island states as circles",
     "source": "Wikipedia twinning lists; Natural Earth 1:110m", "width": 348, "height": 372,
     "legend": {"title": "Ties"},
     "layers": [
       {"data": "ties", "shapes": "lac", "key": "iso3", "mark": "geoshape",
        "encoding": {"color": {"field": "ties", "type": "quantitative", "title": "Ties"}}},
       {"data": "islands", "mark": {"type": "point", "size": 49},
        "encoding": {"longitude": {"field": "lon"}, "latitude": {"field": "lat"},
                     "color": {"field": "ties", "type": "quantitative"}, "text": {"field": "name"}}}
     ]}
    """
    static func mapData() throws -> [String: ChartData] {
        let iso = ["ARG", "BRA", "MEX", "CHL", "PER", "COL", "ECU", "VEN", "BOL", "URY", "CUB", "PAN", "CRI", "DOM", "JAM", "TTO", "GUY", "SUR", "NIC", "SLV"]
        let ties: [Double?] = [48, 62, 55, 30, 28, 12, 15, 9, 6, 11, 8, 5, 4, 3, 2, 2, 1, 3, 0, 1]
        return [
            "lac": ChartData(features: try SpecFixture.lacFeatures()),
            "ties": ChartData(columns: [("iso3", C.strings(iso)), ("ties", C.numbers(ties))]),
            "islands": ChartData(columns: [
                ("name", C.strings(["Barbados", "Grenada", "Saint Lucia", "Antigua and Barbuda", "Dominica"])),
                ("lon", C.numbers([-59.54, -61.68, -60.98, -61.80, -61.37])),
                ("lat", C.numbers([13.19, 12.12, 13.91, 17.10, 15.41])),
                ("ties", C.numbers([2, 1, 1, 3, 2])),
            ]),
        ]
    }

    // MARK: 7. Small multiples: cases per year, one panel per channel.
    static let facetSpec = """
    {"title": "New cases per year, by channel", "subtitle": "Same scales in every panel", "width": 152, "height": 111,
     "facet": {"field": "channel", "columns": 3},
     "data": "cases", "mark": {"type": "bar", "color": "#0072B2"},
     "encoding": {"x": {"field": "year", "type": "ordinal", "title": ""}, "y": {"field": "n", "type": "quantitative", "title": "Cases"}}}
    """
    static var facetData: [String: ChartData] {
        var year: [Double?] = [], channel: [String?] = [], n: [Double?] = []
        let channels = ["Twinning", "Visits", "Trade missions", "Party channels", "Universities"]
        for y in 2012...2020 {
            for (k, c) in channels.enumerated() {
                year.append(Double(y)); channel.append(c); n.append(Double((y * 3 + k * 7) % 6))
            }
        }
        return ["cases": ChartData(columns: [("year", C.numbers(year)), ("channel", C.strings(channel)), ("n", C.numbers(n))])]
    }
}
