/// A figure's chart element for the HTML (``HTMLDocumentWriter/ChartElement``): bytes in
/// memory, or bytes read straight into the document's bytes when its parts are joined (a
/// cached element: the six of the flagship are ~0.8 MB, read once into the document instead of
/// into arrays of their own and copied again).
package enum HTMLElementBytes {
    case bytes([UInt8])
    case deferred(HTMLDeferredBytes)
}

/// Bytes that are read into the document's bytes when its parts are joined.
package protocol HTMLDeferredBytes: AnyObject {
    /// How many bytes ``read(into:)`` writes.
    var count: Int { get }
    /// Writes exactly ``count`` bytes into `buffer` (of that size); false when they could not
    /// be read whole and unchanged (the document then takes ``fallback()`` instead).
    func read(into buffer: UnsafeMutableRawBufferPointer) -> Bool
    /// The same element made another way, for when ``read(into:)`` failed.
    func fallback() throws -> [UInt8]
}
