import DossierBase

/// What a view inherits from the views around it while a chart is decoded (Vega-Lite: a view
/// without `data` takes its parent's, after the parent's `transform`; `datasets` are named at
/// the top level and read anywhere by `data: {name}`).
struct ViewContext {
    /// The parent's data, for views and layers that give none.
    var data: DataSource?
    /// The parent's transforms (and its ancestors'), run on `data` before a view's own.
    var transform: [Transform] = []
    /// The top-level `datasets`, by name.
    var datasets: [String: InlineTable] = [:]
    /// Whether this is the outermost chart (no parent).
    var isRoot = true

    /// The context of a view nested in a chart that reads `data` (nil: the chart has none of its
    /// own) and runs `transform`.
    func child(data own: DataSource?, transform: [Transform]) -> ViewContext {
        var next = self
        next.isRoot = false
        if let own {
            next.data = resolving(own)
            next.transform = transform
        } else {
            next.transform = self.transform + transform
        }
        return next
    }

    /// `source`, with a name of one of the `datasets` replaced by its rows.
    func resolving(_ source: DataSource) -> DataSource {
        if case .named(let name) = source, let table = datasets[name] { return .values(table) }
        return source
    }

    /// This context with the chart's top-level `datasets` added.
    func addingDatasets(of decoder: any Decoder) throws -> ViewContext {
        let c = try decoder.container(keyedBy: AnyKey.self)
        let key = AnyKey(stringValue: "datasets")
        guard c.contains(key) else { return self }
        var next = self
        let named = try c.nestedContainer(keyedBy: AnyKey.self, forKey: key)
        for name in named.allKeys {
            next.datasets[name.stringValue] = try InlineTable(from: try named.superDecoder(forKey: name))
        }
        return next
    }
}

extension Layer {
    /// This layer reading `datasets` rows where it names one, and its parent's data where it
    /// names none.
    func resolvingData(in context: ViewContext) -> Layer {
        var layer = self
        layer.source = context.resolving(layer.source)
        if layer.inheritsData, let data = context.data {
            layer.source = data
            layer.transform = context.transform + layer.transform
        }
        layer.data = layer.source.defaultKey
        return layer
    }
}
