import CairoKit
import DossierVegaLite

/// Compiles one mark type: checks that a layer has the channels the mark needs, then turns
/// the layer's rows in one panel into scene items. Adding a mark is one new emitter file and
/// one line in ``MarkEmitters/emitter(for:)``.
protocol MarkEmitter {
    /// Throws ``ChartError/missingChannel(layer:mark:channel:)`` when `layer` lacks a channel
    /// the mark needs.
    func checkChannels(_ layer: ResolvedLayer) throws
    /// The layer's items in one panel.
    func emit(_ context: MarkContext) throws -> MarkOutput
}

/// The emitter of each mark type.
enum MarkEmitters {
    static func emitter(for mark: MarkType) -> any MarkEmitter {
        switch mark {
        case .bar: return BarEmitter()
        case .rect: return RectEmitter()
        case .rule: return RuleEmitter()
        case .point: return PointEmitter()
        case .line: return LineEmitter()
        case .area: return AreaEmitter()
        case .text: return TextEmitter()
        case .geoshape: return GeoshapeEmitter()
        case .tick: return TickEmitter()
        case .trail: return TrailEmitter()
        case .errorbar, .errorband, .boxplot: return CompositeMarkEmitter()
        case .arc: return ArcEmitter()
        }
    }
}

/// A point label waiting to be placed clear of the points and of other labels.
typealias LabelRequest = (text: String, anchor: ScenePoint, radius: Double, layer: Int)

/// What one layer's marks add to a panel, in drawing order.
struct MarkOutput {
    /// Items drawn inside the panel's clip (bars, lines, areas, shapes).
    var clipped: [SceneItem] = []
    /// Items drawn over the clip, unclipped (points, text, totals).
    var free: [SceneItem] = []
    /// Point labels to place after every layer is drawn.
    var labels: [LabelRequest] = []
    /// Discs (centre, radius) that point labels must avoid.
    var obstacles: [(ScenePoint, Double)] = []
}

/// One layer in one panel, as an emitter sees it: the compilation (scales, colours, text
/// measurement), the panel, the rows that fall in it and the ids to give items.
struct MarkContext {
    let chart: Compilation
    let layer: ResolvedLayer
    let panel: Panel
    let panelID: String
    let mapInfo: MapInfo?
    /// `<panel id>/layer<n>`: the prefix of the layer's item ids.
    let layerID: String
    /// The layer's rows that belong to the panel.
    let rows: [Int]

    init(chart: Compilation, layer: ResolvedLayer, panel: Panel, panelID: String, mapInfo: MapInfo?) {
        self.chart = chart
        self.layer = layer
        self.panel = panel
        self.panelID = panelID
        self.mapInfo = mapInfo
        self.layerID = "\(panelID)/layer\(layer.index)"
        self.rows = (0..<layer.rowCount).filter { chart.rowInPanel(layer, $0, panel.key) }
    }

    var mark: MarkDef { layer.layer.mark }

    /// `/<colour key>` for ids of rows with a colour field, else empty.
    func colorKey(_ i: Int) -> String { layer.key(.color, i).map { "/" + chart.slug($0) } ?? "" }

    /// A row's position: projected longitude and latitude on a map, else x and y.
    func location(_ i: Int) -> ScenePoint? {
        if layer.has(.longitude), layer.has(.latitude), let mapInfo {
            guard let lon = layer.number(.longitude, i), let lat = layer.number(.latitude, i) else { return nil }
            return mapInfo.project(lon: lon, lat: lat, into: panel.rect)
        }
        guard let cx = chart.px(layer, .x, i, panel), let cy = chart.py(layer, .y, i, panel) else { return nil }
        return ScenePoint(cx, cy)
    }
}

extension ResolvedLayer {
    /// Throws ``ChartError/missingChannel(layer:mark:channel:)`` unless the layer has `channel`.
    func require(_ channel: Channel) throws {
        if !has(channel) { throw ChartError.missingChannel(layer: index, mark: mark.rawValue, channel: channel.rawValue) }
    }

    /// Requires x and y, unless the layer is placed by longitude and latitude.
    func requirePosition() throws {
        if !(has(.longitude) && has(.latitude)) { try require(.x); try require(.y) }
    }
}
