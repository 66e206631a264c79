import Foundation

extension VegaExpressionFunction {
    /// `format(value, specifier)` (a d3 number format through ``NumberFormat``),
    /// `timeFormat(value, specifier)` and `utcFormat(value, specifier)` (a d3 time format of a
    /// time in milliseconds; Dossier's times are UTC, so both give the same text), and
    /// `if(test, then, else)`.
    func applyFormatting(_ a: [ExpressionValue]) -> ExpressionValue {
        switch self {
        case .if:
            return a[0].truthy ? a[1] : a[2]
        case .format:
            return .string(NumberFormat(a[1].text).string(a[0].number))
        case .timeFormat, .utcFormat:
            guard a[0].isValid, let format = try? TimeFormat(a[1].text) else { return .null }
            let ms = a[0].number
            return ms.isFinite ? .string(format.string(ms)) : .null
        default:
            return apply(a)
        }
    }

    /// The problem with a call's literal arguments, found while parsing: a time format whose
    /// directive is unknown.
    static func literalProblem(_ function: VegaExpressionFunction, _ arguments: [VegaExpressionNode]) -> String? {
        guard function == .timeFormat || function == .utcFormat, arguments.count > 1,
              case .literal(.string(let specifier)) = arguments[1] else { return nil }
        do { _ = try TimeFormat(specifier) } catch { return "the format of `\(function.rawValue)`: \(error.message)" }
        return nil
    }
}
