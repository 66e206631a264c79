import DossierBase
@testable import DossierVegaLite
import Testing

/// The chart colour parser against CSS Color 4 values.
@Suite struct CSSColorTests {
    /// `#RRGGBB` of a colour, and its alpha in 0…255.
    static func hex(_ text: String) -> String? {
        guard let c = try? CSSColor.parse(text) else { return nil }
        func byte(_ v: Double) -> String {
            let s = String(Int((v * 255).rounded()), radix: 16, uppercase: true)
            return s.count == 1 ? "0" + s : s
        }
        return "#" + byte(c.red) + byte(c.green) + byte(c.blue) + (c.alpha < 1 ? byte(c.alpha) : "")
    }

    @Test(arguments: [
        ("rebeccapurple", "#663399"), ("RebeccaPurple", "#663399"), ("steelblue", "#4682B4"), ("white", "#FFFFFF"),
        ("lightgoldenrodyellow", "#FAFAD2"), ("grey", "#808080"), ("transparent", "#00000000"),
        ("#0072B2", "#0072B2"), ("#0072b2", "#0072B2"), ("#abc", "#AABBCC"), ("#abcd", "#AABBCCDD"),
        ("#11223380", "#11223380"), ("  #999999 ", "#999999"),
        ("rgb(255 0 0 / 50%)", "#FF000080"), ("rgb(255, 0, 0)", "#FF0000"), ("rgba(255, 0, 0, 0.5)", "#FF000080"),
        ("rgb(100% 50% 0%)", "#FF8000"), ("rgb(0 0 255 / 0.25)", "#0000FF40"), ("rgb(300 -5 0)", "#FF0000"),
        ("RGB(1e2 0 0)", "#640000"), ("rgb(none 128 0)", "#008000"),
        ("hsl(120 100% 25%)", "#008000"), ("hsl(120, 100%, 25%)", "#008000"), ("hsla(240, 100%, 50%, 0.5)", "#0000FF80"),
        ("hsl(0.5turn 100% 50%)", "#00FFFF"), ("hsl(200grad 100% 50%)", "#00FFFF"), ("hsl(3.14159265rad 100% 50%)", "#00FFFF"),
        ("hsl(-120deg 100% 50%)", "#0000FF"), ("hsl(480 100% 50%)", "#00FF00"), ("hsl(30 100 50)", "#FF8000"),
    ])
    func parsesCSSValues(_ text: String, _ expected: String) {
        #expect(Self.hex(text) == expected, "\(text)")
    }

    @Test(arguments: ["notacolour", "123", "#12", "#12345", "#ggg", "rgb(1, 2)", "rgb(1 2 3 4)", "rgb(1, 2%, 3)",
                      "rgb(1, 2, 3 / 0.5)", "hsl(120, 100, 25)", "hsl(10% 20% 30%)", "rgb(nan 0 0)", "rgb(inf 0 0)",
                      "rgb(0x10 0 0)", "currentcolor", "", "rgb(1 2 3", "cmyk(0 0 0 0)", "rgb(1deg 2 3)", "rgb(1, none, 3)"])
    func refusesOthers(_ text: String) {
        #expect(Self.hex(text) == nil, "\(text)")
    }

    @Test func hexGivesTheSameColourAsBefore() throws {
        // Outputs must not change: the reports' colours are exactly Color(hex:).
        for value: UInt32 in [0x0072B2, 0x999999, 0x333333, 0x555555, 0x56B4E9] {
            let text = "#" + String(value, radix: 16, uppercase: true).leftPadded(to: 6)
            #expect(try CSSColor.parse(text) == Color(hex: value))
        }
    }

    @Test func thereAre148Names() throws {
        #expect(CSSColorNames.values.count == 148)
        for (name, value) in CSSColorNames.values {
            #expect(try CSSColor.parse(name) == Color(hex: value))
        }
    }

    @Test func messagesSayWhatIsExpected() {
        func message(_ text: String) -> String {
            do {
                _ = try CSSColor.parse(text)
                return ""
            } catch {
                return error.description
            }
        }
        #expect(message("stealblue").hasSuffix("did you mean \"steelblue\"?"))
        #expect(message("light blue").hasSuffix("did you mean \"lightblue\"?"))
        #expect(message("123").contains("did you mean \"#123\"?"))
        #expect(message("#12345").contains("a hex colour is \"#RGB\", \"#RGBA\", \"#RRGGBB\" or \"#RRGGBBAA\""))
        #expect(message("rgb(1, 2)").contains("rgb() takes three values and an optional alpha"))
        #expect(message(String(repeating: "x", count: 500)).count < 400)
    }
}

private extension String {
    func leftPadded(to length: Int) -> String {
        String(repeating: "0", count: max(0, length - count)) + self
    }
}
