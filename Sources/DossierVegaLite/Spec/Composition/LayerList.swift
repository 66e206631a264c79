import DossierBase

/// A chart's `layers` (or `layer`): layers, and Vega-Lite's nested layer views (`{layer: […]}`
/// with their own `data`, `encoding` and `transform`), flattened into one list of layers that
/// share the chart's scales.
enum LayerList {
    /// The layers at `key`; a nested layer view inherits `context` (the chart's data and
    /// transforms) and gives its layers its own encoding before the chart's.
    static func decode<Key: CodingKey>(_ c: KeyedDecodingContainer<Key>, forKey key: Key, context: ViewContext) throws -> [Layer] {
        var list = try c.nestedUnkeyedContainer(forKey: key)
        var layers: [Layer] = []
        while !list.isAtEnd {
            let element = try list.superDecoder()
            let keys = try element.container(keyedBy: AnyKey.self)
            if keys.contains(AnyKey(stringValue: "layer")) || keys.contains(AnyKey(stringValue: "layers")) {
                var nestedContext = context
                nestedContext.isRoot = false
                let nested = try ChartSpec(from: element, context: nestedContext)
                guard nested.composition == nil else {
                    throw DecodingError.dataCorrupted(.init(codingPath: element.codingPath, debugDescription:
                        "a layer holds a composed view (`hconcat`, `vconcat`, `concat` or `repeat`), expected a layer or a layer view"))
                }
                layers += nested.layers
            } else {
                layers.append(try Layer(from: element))
            }
        }
        return layers
    }
}
