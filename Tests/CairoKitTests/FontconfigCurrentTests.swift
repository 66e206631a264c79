@testable import CairoKit
import CCairo
import Foundation
import Testing

/// Pango's FcInit thread must find a current configuration (a typesetter's) instead of loading
/// the machine's: ``FontconfigCurrent``.
@Suite struct FontconfigCurrentTests {
    /// The strings of a fontconfig list (consumed).
    private func strings(_ list: OpaquePointer?) -> [String] {
        guard let list else { return [] }
        defer { FcStrListDone(list) }
        var result: [String] = []
        while let next = FcStrListNext(list) { result.append(String(cString: next)) }
        return result
    }

    @Test func aTypesetterMakesItsPinnedConfigurationCurrent() throws {
        _ = try Typesetter(fontDirectory: CairoKitTests.fonts)
        // Set by the typesetter, the current configuration was parsed from memory (no file) and
        // looks in a pinned font folder only; the machine's would name /etc/fonts/fonts.conf
        // and the system font folders.
        let current = FcConfigGetCurrent()
        #expect(current != nil)
        #expect(strings(FcConfigGetConfigFiles(current)) == [])
        let folders = strings(FcConfigGetFontDirs(current))
        #expect(!folders.isEmpty)
        #expect(folders.allSatisfy { $0.hasSuffix("/fonts") && !$0.hasPrefix("/usr/") && !$0.hasPrefix("/etc/") })
    }
}
