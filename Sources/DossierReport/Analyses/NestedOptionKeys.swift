import DossierBase

extension KeyedDecodingContainer {
    /// The mapping at `key` (`bootstrap: {…}`, `exact: {…}`) keyed by `Inner`; a key it does
    /// not know is an error at that key ("unknown key "sed" in `bootstrap`", with a did-you-mean).
    func nestedOptions<Inner: CodingKey & CaseIterable & RawRepresentable>(_ type: Inner.Type, forKey key: Key) throws
        -> KeyedDecodingContainer<Inner> where Inner.RawValue == String {
        let known = Inner.allCases.map(\.rawValue)
        let raw = try nestedContainer(keyedBy: AnyKey.self, forKey: key)
        if let unknown = raw.allKeys.map(\.stringValue).filter({ !known.contains($0) }).sorted().first {
            throw DecodingError.dataCorrupted(.init(codingPath: raw.codingPath + [AnyKey(stringValue: unknown)],
                debugDescription: "unknown key \(InputExcerpt.quoted(unknown)) in `\(key.stringValue)`" + NameHint.hint(for: unknown, known: known)))
        }
        return try nestedContainer(keyedBy: Inner.self, forKey: key)
    }
}
