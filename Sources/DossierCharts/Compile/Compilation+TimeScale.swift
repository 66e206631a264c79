import DossierBase
import DossierVegaLite
import Foundation

/// Time scales: a temporal x or y, continuous in milliseconds since the epoch (UTC).
extension Compilation {
    /// The time scale of `channel` over `group`: the data's span (Vega-Lite neither includes
    /// zero nor rounds a time domain unless `nice: true`), d3's time ticks for about one tick
    /// per 40 points (Vega-Lite's default count; 10 for a month, quarter, day or hours unit) or
    /// the axis `tickCount`, never finer than the time unit's period, and labels in the
    /// channel's time `format`, else its time unit's format, else Vega's multi-scale format.
    func timeScale(_ channel: Channel, _ group: [ResolvedLayer], def: ChannelDef?, scaleSpec: ScaleSpec?,
                   length: Double, upward: Bool) throws -> PositionScale {
        if let type = scaleSpec?.type, ![.linear, .time, .utc].contains(type) {
            throw ChartError.invalidSpec("layer \(group[0].index): \(channel.rawValue): a temporal field on a \(type.rawValue) scale is not supported, expected the default time scale")
        }
        var scale = PositionScale(kind: .continuous)
        scale.upward = upward
        scale.length = length
        let extent = try dataExtent(channel, group, log: false)
        var lo = extent.lo, hi = extent.hi
        if !lo.isFinite { lo = 0; hi = TimeTicks.day }
        if extent.zero { lo = min(lo, 0); hi = max(hi, 0) }
        if let domain = scaleSpec?.domain {
            guard domain.count == 2, let a = domain[0].number ?? TemporalParser.milliseconds(domain[0].key),
                  let b = domain[1].number ?? TemporalParser.milliseconds(domain[1].key) else {
                throw ChartError.invalidSpec("layer \(group[0].index): \(channel.rawValue): scale: a temporal domain must be two dates or times in milliseconds, expected e.g. [\"2020-01-01\", \"2021-01-01\"]")
            }
            lo = a; hi = b
        }
        try checkSpan(lo, hi, layer: group[0].index, channel: channel.rawValue)
        if hi == lo { lo -= TimeTicks.day / 2; hi += TimeTicks.day / 2 }
        if scaleSpec?.nice == true { (lo, hi) = TimeTicks.nice(lo, hi) }
        let unit = def?.timeUnit
        let defaultCount = unit?.usesDefaultTickCount == true ? 10 : max(2, Int((length / 40).rounded(.up)))
        let count = min(ChartLimits.tickSearchCount, def?.axis?.tickCount ?? defaultCount)
        scale.ticks = TimeTicks.ticks(lo, hi, count: count, atLeast: unit?.period)
        scale.lo = lo
        scale.hi = hi
        scale.reverse = scaleSpec?.reverse ?? false
        if let format = def?.format {
            do { scale.timeFormat = try TimeFormat(format) } catch {
                throw ChartError.invalidSpec("layer \(group[0].index): \(channel.rawValue): \(error.message)")
            }
        } else {
            scale.timeFormat = def?.timeUnit?.labelFormatter ?? .multiScale
        }
        return scale
    }

    /// The labels of a band axis whose categories are time-unit periods (keys in milliseconds).
    static func timeUnitLabels(_ def: ChannelDef?, _ keys: [String]) -> [String: String] {
        guard let unit = def?.timeUnit else { return [:] }
        let format = def?.format.flatMap { try? TimeFormat($0) } ?? unit.labelFormatter
        var labels: [String: String] = [:]
        for key in keys { if let ms = Double(key) { labels[key] = format.string(ms) } }
        return labels
    }

    /// Time-unit bands in an explicit `sort` list written as their labels or names, as
    /// Vega-Lite allows (`["mon", "tue", …]`, `["Monday", …]`, `["Jan", …]`): an entry matches
    /// a band whose label it equals or shares its first three letters with, ignoring case;
    /// bands not listed follow in time order.
    static func timeUnitOrder(_ def: ChannelDef?, _ keys: [String], labels: [String: String]) -> [String] {
        guard def?.timeUnit != nil, case .explicit(let order)? = def?.sort, !labels.isEmpty else { return keys }
        func matches(_ entry: String, _ label: String) -> Bool {
            let a = entry.lowercased(), b = label.lowercased()
            if a == b { return true }
            return a.count >= 3 && b.count >= 3 && a.allSatisfy(\.isLetter) && b.allSatisfy(\.isLetter) && a.prefix(3) == b.prefix(3)
        }
        var listed: [String] = []
        for entry in order {
            if let key = keys.first(where: { !listed.contains($0) && (labels[$0].map { matches(entry, $0) } ?? false) }) {
                listed.append(key)
            }
        }
        return listed + keys.filter { !listed.contains($0) }
    }
}
