import DossierBase
import Yams

/// ``UnknownKeys`` reads a mapping's key names straight from the node, instead of opening a
/// keyed container (a ``NodeMappingTable``, a container box) that it would throw away.
extension NodeValueDecoder: MappingKeyListing {
    package var mappingKeyNames: [String]? {
        guard case .mapping(let mapping) = node else { return nil }
        return NodeMappingTable.keyNames(of: mapping, context: context)
    }
}
