extension Decoder {
    /// The container keyed by `keys`, after `UnknownKeys.check` has refused any key that is
    /// neither a case of `keys` nor one of `also`: the keys a decoder reads are the keys it
    /// accepts, listed once (its `CodingKeys`), so that neither can gain a key the other lacks.
    ///
    /// - Parameters:
    ///   - also: keys read by other means than this container (a nested decoder such as
    ///     `MarkOptions`, or keys that are checked and then left alone).
    ///   - what: the object as the message names it, "a bin transform".
    ///   - notYetSupported: keys of the standard the object does not implement yet, with advice.
    package func checkedContainer<Keys: CodingKey & CaseIterable>(
        keyedBy keys: Keys.Type, also: [String] = [], what: String, notYetSupported: NotYetSupportedKeys? = nil
    ) throws -> KeyedDecodingContainer<Keys> {
        // A key is a case of `keys` exactly when `Keys(stringValue:)` makes one (the keys are
        // enums with synthesized `CodingKey` conformances); the list is made for a message only.
        try UnknownKeys.check(self, isKnown: { Keys(stringValue: $0) != nil || also.contains($0) },
                              known: { Keys.allCases.map { $0.stringValue } + also }, what: what, notYetSupported: notYetSupported)
        return try container(keyedBy: keys)
    }
}
