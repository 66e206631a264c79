/// A decoder that can list the keys of the mapping it reads without opening a keyed container:
/// ``UnknownKeys`` asks it first, so checking a spec's keys does not build a second container
/// (and its key objects) for every object a document holds.
package protocol MappingKeyListing {
    /// The key texts of the mapping, in the order `container(keyedBy:).allKeys` gives them;
    /// nil when the value is not a mapping (the container then reports the error).
    var mappingKeyNames: [String]? { get }
}
