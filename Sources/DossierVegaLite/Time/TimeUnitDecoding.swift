import DossierBase

extension KeyedDecodingContainer {
    /// A `timeUnit`: a unit name (`month`, `yearmonth`, `utcmonth`…) or `{unit: …}`; an
    /// unknown name is an error listing the units, with a did-you-mean hint.
    func decodeTimeUnit(_ key: Key) throws -> TimeUnit? {
        guard contains(key) else { return nil }
        let name: String
        if let text = try? decode(String.self, forKey: key) {
            name = text
        } else if let params = try? decode([String: String].self, forKey: key), let unit = params["unit"], params.count == 1 {
            name = unit
        } else {
            throw DecodingError.dataCorruptedError(forKey: key, in: self, debugDescription:
                "`timeUnit` must be a unit name such as month or yearmonth (or {unit: …} alone)")
        }
        guard let unit = TimeUnit(name) else {
            throw DecodingError.dataCorruptedError(forKey: key, in: self, debugDescription:
                "unknown time unit \(InputExcerpt.quoted(name)), expected one of " + TimeUnit.names.joined(separator: ", ")
                + NameHint.hint(for: name, known: TimeUnit.names))
        }
        return unit
    }
}
