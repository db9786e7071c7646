import DossierTime
import Foundation

/// Reads JSON Lines `{"text": ..., "reference": "2013-02-12" | null}` on standard input and writes, for each line,
/// `{"expressions": [{"text", "start", "end", "granularity", "rule", "citation"}]}`: what the time extractor finds
/// in the text with the reference as the document date. It exists for scripts/bench-dates, which compares Dossier
/// with other date parsers on the same phrases; a line that is not such an object is an error naming the line.
@main
struct DatesTool {
    static func main() {
        let extractor = TimeExpressionExtractor()
        var lineNumber = 0
        while let line = readLine(strippingNewline: true) {
            lineNumber += 1
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                  let text = object["text"] as? String else {
                fail("stdin:\(lineNumber):1: expected a JSON object with a \"text\" string")
            }
            var reference: Period?
            if let value = object["reference"], !(value is NSNull) {
                guard let string = value as? String, let period = Period.parse(string) else {
                    fail("stdin:\(lineNumber):1: \"reference\" must be a date such as 2013-02-12, or null")
                }
                reference = period
            }
            let bytes = Array(text.utf8)
            let found = extractor.extract(text, documentDate: reference, context: nil).map { expression -> [String: Any] in
                [
                    "text": String(decoding: bytes[expression.range], as: UTF8.self),
                    "start": expression.period.start.iso, "end": expression.period.end.iso,
                    "granularity": expression.period.granularity.name, "rule": expression.rule,
                    "citation": expression.isCitation,
                ]
            }
            let data = try! JSONSerialization.data(withJSONObject: ["expressions": found], options: [.sortedKeys])
            print(String(decoding: data, as: UTF8.self))
        }
    }

    static func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data((message + "\n").utf8))
        exit(1)
    }
}
