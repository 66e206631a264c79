import Foundation
import Testing
@testable import DossierBase

/// `checkedContainer` accepts exactly the cases of its keys (and `also`), with
/// `UnknownKeys.check`'s message for any other key.
struct CheckedContainerTests {
    struct Pair: Decodable {
        enum CodingKeys: String, CodingKey, CaseIterable { case width, name = "as" }
        var width: Int?
        var name: String?

        init(from decoder: any Decoder) throws {
            let c = try decoder.checkedContainer(keyedBy: CodingKeys.self, also: ["tooltip"], what: "a pair",
                                                 notYetSupported: NotYetSupportedKeys(domain: "charts", advice: ["param": "no selections"]))
            width = try c.decodeIfPresent(Int.self, forKey: .width)
            name = try c.decodeIfPresent(String.self, forKey: .name)
        }
    }

    static func failure(_ json: String) -> String? {
        do {
            _ = try JSONDecoder().decode(Pair.self, from: Data(json.utf8))
            return nil
        } catch DecodingError.dataCorrupted(let context) {
            return context.debugDescription + " at " + context.codingPath.map(\.stringValue).joined(separator: ".")
        } catch {
            return "other error: \(error)"
        }
    }

    @Test func theCasesAndTheExtraKeysAreAccepted() throws {
        let pair = try JSONDecoder().decode(Pair.self, from: Data(#"{"width": 3, "as": "w", "tooltip": true}"#.utf8))
        #expect(pair.width == 3 && pair.name == "w")
    }

    @Test func anyOtherKeyIsRefusedAsUnknownKeysRefusesIt() {
        #expect(Self.failure(#"{"widht": 3}"#) == "unknown key \"widht\" in a pair; did you mean \"width\"? (known: as, tooltip, width) at widht")
        #expect(Self.failure(#"{"name": "w"}"#)?.hasPrefix("unknown key \"name\" in a pair") == true, "the raw value is the key")
        #expect(Self.failure(#"{"param": 1}"#) == "`param` in a pair is not supported in charts yet: no selections at param")
    }
}
