import DossierBase
/// Scale kinds.
public enum ScaleType: String, Sendable, Decodable, Equatable {
    /// Continuous linear.
    case linear
    /// Continuous logarithmic (base 10); values must be positive.
    case log
    /// Continuous symmetric log (Vega-Lite `symlog`): `sign(x) · log(1 + |x| / constant)`, so
    /// zero and negative values have a place beside a log-like axis; ticks 0, 1, 10, 100, …
    case symlog
    /// Classed colours (Vega-Lite `threshold`): `domain` lists ascending breaks, `range` one
    /// colour more than breaks; a value below the first break takes the first colour.
    case threshold
    /// Classed colours (Vega-Lite `quantize`): the data range cut into equal steps, one per
    /// colour of `range` (or `count` colours of the scheme).
    case quantize
    /// Discrete bands (bars, heatmap cells, categorical points).
    case band
    /// Discrete points (Vega-Lite `point`): categories at evenly spaced positions with no
    /// band, half a step from each end by default (`padding`).
    case point
    /// Discrete categorical colours.
    case ordinal
    /// Continuous colour ramp.
    case sequential
    /// A time scale (milliseconds since the epoch, UTC): Vega-Lite's `time`. Dossier's times
    /// are always UTC, so `time` and `utc` are the same scale.
    case time
    /// A UTC time scale: Vega-Lite's `utc`, the same as `time` here.
    case utc
}

/// Scale options of a channel.
public struct ScaleSpec: Sendable, Decodable, Equatable {
    /// The scale kind (default from the field type and mark).
    public var type: ScaleType?
    /// Explicit domain: `[min, max]` for continuous scales (numbers within ±1e15, min < max, > 0
    /// on a log scale), the category order for discrete ones.
    public var domain: [ChartValue]?
    /// Vega-Lite's `domain: {unionWith: [...]}` on a continuous x or y scale: numbers the
    /// domain must include besides the data's extent (nil when `domain` is a list or absent).
    public var domainUnion: [Double]?
    /// Include zero in a continuous domain (default, as in Vega-Lite: true on x and y except for a
    /// binned field and the continuous dimension of a bar, area or line).
    public var zero: Bool?
    /// Extend the domain to nice round ticks (default true).
    public var nice: Bool?
    /// Reverse the direction.
    public var reverse: Bool?
    /// Colour scheme: `okabe-ito` (nominal default), `viridis` (sequential default), `blues`,
    /// `greens`, `oranges`, `purples`, `greys`.
    public var scheme: String?
    /// Explicit colours (CSS colours, ``CSSColor``) in domain order, overriding the scheme.
    public var range: [String]?
    /// A range of numbers (`range: [2.36, 8.64]`): for `theta`, the angles in radians the
    /// domain spans (Vega-Lite's default 0…2π).
    public var numericRange: [Double]?
    /// The linear region of a `symlog` scale around zero (default 1, Vega-Lite's default).
    public var constant: Double?
    /// The number of classes of a `quantize` scale without a `range` (default 5).
    public var count: Int?
    /// A band scale's `padding` (both inner and outer), a point scale's outer padding.
    public var padding: Double?
    /// The gap between bands as a fraction of the step (0…1).
    public var paddingInner: Double?
    /// The space before the first and after the last band, as a fraction of the step (0…1).
    public var paddingOuter: Double?
    /// A scheme object's `extent`: the part of a continuous scheme used (`[0.2, 1]`).
    public var schemeExtent: [Double]?
    /// A scheme object's `count`: how many colours of the scheme.
    public var schemeCount: Int?
    /// `nice` as a number: the approximate tick count the domain is made nice to.
    public var niceCount: Int?
}

/// Sort order of a discrete channel: `ascending`, `descending`, `none` (data order),
/// `x`/`-x`/`y`/`-y` (by the other position channel's summed value, `-` for descending), an
/// explicit list of values, or `{field, op: sum|mean|min|max|count, order: ascending|descending}`.
public enum SortSpec: Sendable, Decodable, Equatable {
    /// Ascending by value.
    case ascending
    /// Descending by value.
    case descending
    /// First-appearance order in the data.
    case none
    /// By the summed value of another channel; `descending` when prefixed with `-`.
    case byChannel(Channel, descending: Bool)
    /// By an aggregate of a field.
    case byField(field: String, op: String, descending: Bool)
    /// Explicit order; values not listed follow in ascending order.
    case explicit([String])

    private struct FieldSort: Decodable {
        var field: String
        var op: String?
        var order: String?
        /// Vega-Lite's sort by encoding: `{encoding: y, order: descending}`.
        var encoding: Channel?

        private enum CodingKeys: String, CodingKey, CaseIterable { case field, op, order, encoding }

        init(from decoder: any Decoder) throws {
            let c = try decoder.checkedContainer(keyedBy: CodingKeys.self, what: "a sort")
            if let name = try c.decodeIfPresent(String.self, forKey: .encoding) {
                guard let channel = Channel(rawValue: name) else {
                    throw DecodingError.dataCorruptedError(forKey: .encoding, in: c, debugDescription:
                        "unknown sort encoding \(InputExcerpt.quoted(name)), expected a channel such as x or y")
                }
                encoding = channel
                field = ""
            } else {
                field = try c.decode(String.self, forKey: .field)
            }
            op = try c.decodeIfPresent(String.self, forKey: .op)
            order = try c.decodeIfPresent(String.self, forKey: .order)
        }
    }

    /// The `op` of a field sort that gives none: Vega-Lite's `sum` on a stacked layer, else `min`.
    package static let defaultOp = "default"

    /// Decodes from a string, a list or an object.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if let list = try? c.decode([ChartValue].self) {
            self = .explicit(list.map(\.key))
        } else if let s = try? c.decode(String.self) {
            switch s {
            case "ascending": self = .ascending
            case "descending": self = .descending
            case "none", "null": self = .none
            default:
                let desc = s.hasPrefix("-")
                let name = desc ? String(s.dropFirst()) : s
                guard let channel = Channel(rawValue: name) else {
                    throw DecodingError.dataCorruptedError(in: c, debugDescription:
                        "unknown sort \"\(s)\"; use ascending, descending, none, x, -x, y, -y, a list or {field, op, order}")
                }
                self = .byChannel(channel, descending: desc)
            }
        } else {
            let f = try c.decode(FieldSort.self)
            if let channel = f.encoding {
                self = .byChannel(channel, descending: f.order == "descending")
            } else {
                // Vega-Lite: `sum` for a stacked measure, else `min` (`SortSpec.defaultOp`).
                self = .byField(field: f.field, op: f.op ?? Self.defaultOp, descending: f.order == "descending")
            }
        }
    }
}

/// A number or a string (domains, constant values, annotation positions).
public enum ChartValue: Sendable, Decodable, Equatable {
    /// A number.
    case number(Double)
    /// A string.
    case string(String)

    /// Decodes a number or a string.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if let d = try? c.decode(Double.self) { self = .number(d) } else { self = .string(try c.decode(String.self)) }
    }

    /// The number, if this is one (or a string that parses as one).
    public var number: Double? {
        switch self {
        case .number(let d): return d
        case .string(let s): return Double(s)
        }
    }

    /// The category key: strings as is, integral numbers without decimals.
    public var key: String {
        switch self {
        case .number(let d): return categoryKey(d)
        case .string(let s): return s
        }
    }
}

/// The category key of a number: `2008`, `1.5`.
func categoryKey(_ d: Double) -> String {
    if d == d.rounded(), abs(d) < 1e15 { return String(Int(d)) }
    return String(d)
}

extension ScaleSpec {
    private enum CodingKeys: String, CodingKey, CaseIterable {
        case type, domain, zero, nice, reverse, scheme, range, constant, count, padding, paddingInner, paddingOuter
    }

    /// Decodes the options, checking the domain (numbers within ±1e15; > 0 on a log scale;
    /// `[min, max]` with min < max on a linear, log or sequential scale), the scheme name and
    /// the range's colours.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.checkedContainer(keyedBy: CodingKeys.self, what: "a scale",
                                             notYetSupported: VegaLiteUnsupportedKeys.scale)
        type = try c.decodeIfPresent(ScaleType.self, forKey: .type)
        // An object is Vega-Lite's `{unionWith: [...]}`; anything else is read (and its errors
        // reported) as the domain list.
        if (try? c.nestedContainer(keyedBy: AnyKey.self, forKey: .domain)) != nil {
            domainUnion = try DomainUnion(from: c.superDecoder(forKey: .domain)).values
        } else {
            domain = try c.decodeIfPresent([ChartValue].self, forKey: .domain)
        }
        if let domain, let problem = SpecChecks.domain(domain, type: type) { throw c.failure(.domain, problem) }
        zero = try c.decodeIfPresent(Bool.self, forKey: .zero)
        if let count = try? c.decodeIfPresent(Int.self, forKey: .nice) {
            if let problem = ChartLimits.tickCount.problem(count, as: "nice") { throw c.failure(.nice, problem) }
            (nice, niceCount) = (true, count)
        } else {
            nice = try c.decodeIfPresent(Bool.self, forKey: .nice)
        }
        reverse = try c.decodeIfPresent(Bool.self, forKey: .reverse)
        if c.contains(.scheme), (try? c.decode(String.self, forKey: .scheme)) == nil {
            let object = try SchemeObject(from: c.superDecoder(forKey: .scheme))
            (scheme, schemeExtent, schemeCount) = (object.name, object.extent, object.count)
        } else {
            scheme = try c.decodeIfPresent(String.self, forKey: .scheme)
        }
        if let scheme, let problem = SpecChecks.scheme(scheme) { throw c.failure(.scheme, problem) }
        padding = try c.decodeNumber(.padding, ChartLimits.padding)
        paddingInner = try c.decodeNumber(.paddingInner, ChartLimits.padding)
        paddingOuter = try c.decodeNumber(.paddingOuter, ChartLimits.padding)
        if let numbers = try? c.decodeIfPresent([Double].self, forKey: .range) {
            guard numbers.count == 2, numbers.allSatisfy({ $0.isFinite && abs($0) <= 1e6 }) else {
                throw c.failure(.range, SpecProblem(message: "range has \(numbers.count) numbers, expected [start, end] within ±1e6"))
            }
            numericRange = numbers
        } else {
            range = try c.decodeColors(.range)
        }
        constant = try c.decodeIfPresent(Double.self, forKey: .constant)
        if let constant, !(constant > 0 && constant <= 1e12) {
            throw c.failure(.constant, SpecProblem(message: "constant is \(ChartLimits.spell(constant)), expected a number > 0 and at most 1e12"))
        }
        count = try c.decodeIfPresent(Int.self, forKey: .count)
        if let count, !(2...ChartLimits.colorClasses).contains(count) {
            throw c.failure(.count, SpecProblem(message: "count is \(count), expected 2 to \(ChartLimits.colorClasses) classes"))
        }
    }
}
