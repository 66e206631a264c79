import DossierVegaLite

extension Compilation {
    /// The categories of a discrete channel over `layers`, first seen first, then ordered as
    /// the channel's `scale.domain` lists them (the others after, sorted) or as its `sort`
    /// says. More than ``ChartLimits/colorCategories`` is an error, `tooMany(count)`.
    func orderedCategories(_ channel: Channel, of layers: [ResolvedLayer], def: ChannelDef,
                           tooMany: (Int) -> String) throws -> [String] {
        var keys: [String] = [], seen = Set<String>()
        for l in layers {
            for i in 0..<l.rowCount { if let k = l.key(channel, i), seen.insert(k).inserted { keys.append(k) } }
        }
        if keys.count > ChartLimits.colorCategories { throw ChartError.invalidSpec(tooMany(keys.count)) }
        if let d = def.scale?.domain {
            let listed = d.map(\.key)
            return listed + sortKeys(keys.filter { !listed.contains($0) }, spec: nil, sums: [:])
        }
        return sortKeys(keys, spec: def.sort, sums: sortSums(channel: channel, sort: def.sort))
    }
}
