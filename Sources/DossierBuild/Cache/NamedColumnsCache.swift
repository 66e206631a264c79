import DossierReport

extension BuildCacheSession {
    /// The columns `reader` (the analysis `owner` itself, or its variant at `position`) names
    /// in its parameters (``PreparedRowsKey/namedStrings(in:)``), kept in the analysis pack
    /// under the front matter and the analysis id: reading them by reflection cost about
    /// 3 ms of every cell edit of the flagship (45 analyses), and they change only with the
    /// front matter, which names them.
    func namedColumns(of reader: AnalysisSpec, in owner: String, position: Int) -> Set<String> {
        var key = cache.key("analysis-columns")
        key.add("front matter", frontMatterDigest)
        key.add("analysis", owner)
        key.add("variant", String(position))
        if let payload = pack.read(key.key) {
            var reader = CacheByteReader(payload)
            if let names = try? reader.strings(), reader.atEnd { return Set(names) }
        }
        let names = PreparedRowsKey.namedStrings(in: reader)
        var writer = CacheByteWriter()
        writer.strings(names.sorted())
        pack.store(writer.bytes, for: key.key)
        return names
    }
}
