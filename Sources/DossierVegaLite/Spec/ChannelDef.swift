import DossierBase
/// How a field's values are interpreted.
public enum FieldType: String, Sendable, Decodable, Equatable {
    /// Numbers on a continuous scale.
    case quantitative
    /// Unordered categories.
    case nominal
    /// Ordered categories (e.g. years shown as columns).
    case ordinal
    /// Dates and times on a continuous time scale (parsed from text, or milliseconds since
    /// the epoch), in UTC.
    case temporal
    /// Shapes (Vega-Lite's `geojson`): a geoshape's `shape` field whose rows hold map features.
    case geojson
}

/// One channel's encoding: a field (or a constant value) and how to scale and label it.
public struct ChannelDef: Sendable, Decodable, Equatable {
    /// The data field (column name).
    public var field: String?
    /// How the field is interpreted (default: quantitative for number columns, nominal for strings).
    public var type: FieldType?
    /// Axis or legend title (default: the field name).
    public var title: String?
    /// Scale options.
    public var scale: ScaleSpec?
    /// Order of categories on a discrete axis or legend.
    public var sort: SortSpec?
    /// Number format for labels: d3-like subset, e.g. `,d`, `,.1f`, `.0%`, `$,.1f`, `.2~f`.
    public var format: String?
    /// Axis options (position channels only).
    public var axis: AxisSpec?
    /// A constant instead of a field (e.g. a fixed y for a rule).
    public var value: ChartValue?
    /// Vega-Lite's `aggregate`: the channel shows one value per group of rows (the groups are
    /// the combinations of the fields encoded without an aggregate).
    public var aggregate: AggregateOp?
    /// Vega-Lite's `legend` on the channel (`null` hides the chart's legend; a title).
    public var legend: ChannelLegend?
    /// Vega-Lite's `bin` on the channel: the field's values are put into bins, and the channel
    /// shows each bin's start (with the bin's end on `x2`/`y2` for bars and rects).
    public var bin: BinParameters?
    /// Vega-Lite's `timeUnit`: each time truncated to some of its calendar parts (`month`,
    /// `yearmonth`…) before the channel uses it.
    public var timeUnit: TimeUnit?
    /// Vega-Lite's `bandPosition` (0…1): where a time unit's bar sits on its period's start
    /// (0: centred on it; the default spans the period).
    public var bandPosition: Double?
    /// Vega-Lite's `stack` on the quantitative channel of a bar or area (`zero`, `normalize`,
    /// `center`; `true` is zero, `null`/`false` is `none`). ``ChannelDef+Extras.swift``.
    public var stack: StackMode?
    /// Vega-Lite's `datum`: a constant in the data's domain (drawn through the channel's scale).
    public var datum: ChartValue?
    /// Vega-Lite's static `condition`: rows for which `test` holds take its `value`.
    package var condition: ChannelCondition?
    /// A list `value` (a strokeDash pattern such as `[4, 2]`).
    public var valueList: [Double]?

    /// Creates a channel definition in code.
    public init(field: String? = nil, type: FieldType? = nil, title: String? = nil, scale: ScaleSpec? = nil,
                sort: SortSpec? = nil, format: String? = nil, axis: AxisSpec? = nil, value: ChartValue? = nil,
                aggregate: AggregateOp? = nil, bin: BinParameters? = nil) {
        self.field = field; self.type = type; self.title = title; self.scale = scale; self.sort = sort
        self.format = format; self.axis = axis; self.value = value; self.aggregate = aggregate; self.bin = bin
    }
}

extension ChannelDef {
    private enum CodingKeys: String, CodingKey, CaseIterable {
        case field, type, title, scale, sort, format, axis, value, aggregate, legend, bin, timeUnit, bandPosition
    }

    /// Decodes a channel, checking a numeric `value` (within ±1e15) and the `format`.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.checkedContainer(keyedBy: CodingKeys.self, also: ChannelExtras.keys, what: "a channel",
                                             notYetSupported: VegaLiteUnsupportedKeys.channel)
        field = try c.decodeFieldName(.field)
        type = try c.decodeIfPresent(FieldType.self, forKey: .type)
        // `title: null` (Vega-Lite): no title.
        title = try c.decodeNil(forKey: .title, ifPresent: true) ? "" : c.decodeIfPresent(String.self, forKey: .title)
        scale = try c.decodeIfPresent(ScaleSpec.self, forKey: .scale)
        sort = try c.decodeIfPresent(SortSpec.self, forKey: .sort)
        if c.contains(.sort), try c.decodeNil(forKey: .sort) { sort = SortSpec.none }  // Vega-Lite: data order
        timeUnit = try c.decodeTimeUnit(.timeUnit)
        bandPosition = try c.decodeNumber(.bandPosition, NumberRule(name: "bandPosition", min: 0, max: 1, unit: ""))
        let temporal = type == .temporal || (timeUnit != nil && type == nil)
        format = try c.decodeFormat(.format, temporal: temporal)
        // `axis: null` (Vega-Lite): no axis.
        axis = try c.decodeNil(forKey: .axis, ifPresent: true) ? .hidden : c.decodeIfPresent(AxisSpec.self, forKey: .axis)
        if format == nil { format = axis?.format }
        if let format, temporal || TimeFormat.looksTemporal(format) {
            do { _ = try TimeFormat(format) } catch {
                throw DecodingError.dataCorruptedError(forKey: .format, in: c, debugDescription: error.message)
            }
        }
        let extras = try ChannelExtras(decoder)
        (stack, datum, condition, valueList) = (extras.stack, extras.datum, extras.condition, extras.valueList)
        value = extras.valueIsListOrNull ? nil : try c.decodeCoordinate(.value)
        if c.contains(.bin), (try? c.decode(Bool.self, forKey: .bin)) != false {
            bin = try c.decode(BinParameters.self, forKey: .bin)
        }
        if c.contains(.legend) {
            legend = try c.decodeNil(forKey: .legend) ? ChannelLegend(hidden: true, title: nil, orient: nil)
                                                      : c.decode(ChannelLegend.self, forKey: .legend)
        }
        if c.contains(.aggregate) {
            guard let name = try? c.decode(String.self, forKey: .aggregate) else {
                throw DecodingError.dataCorruptedError(forKey: .aggregate, in: c, debugDescription:
                    "`aggregate` with an object (argmin, argmax) is not supported in charts yet: compute it in an analysis")
            }
            if ["values", "ci0", "ci1", "argmin", "argmax", "exponential", "exponentialb"].contains(name) {
                throw DecodingError.dataCorruptedError(forKey: .aggregate, in: c, debugDescription:
                    "`aggregate: \(name)` is not supported in charts yet: compute it in an analysis")
            }
            guard let op = AggregateOp(rawValue: name) else {
                throw DecodingError.dataCorruptedError(forKey: .aggregate, in: c, debugDescription:
                    "unknown aggregate \(InputExcerpt.quoted(name)), expected one of " + AggregateOp.allCases.map(\.rawValue).joined(separator: ", ")
                    + NameHint.hint(for: name, known: AggregateOp.allCases.map(\.rawValue)))
            }
            aggregate = op
        }
    }
}
