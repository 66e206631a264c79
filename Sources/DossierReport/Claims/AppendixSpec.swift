import DossierBase

/// Sections the build generates at the end of the briefing (`appendix:` in the front matter).
package struct AppendixSpec: Sendable, Decodable, Equatable {
    /// "Claims checked by this build": each claim, what it says, its condition, its values and
    /// its verdict, as a table.
    package var claims: Bool

    package enum CodingKeys: String, CodingKey, CaseIterable { case claims }

    package init(claims: Bool = false) {
        self.claims = claims
    }

    package init(from decoder: any Decoder) throws {
        let c = try decoder.checkedContainer(keyedBy: CodingKeys.self, what: "the appendix")
        claims = try c.decodeIfPresent(Bool.self, forKey: .claims) ?? false
    }
}
