import Foundation
import Testing

/// Documents and file names people did not write never reach the terminal as commands: OSC 52 (writes the
/// clipboard), CSI sequences, C1 controls and bidirectional overrides are shown, in every view and format.
@Suite("Terminal safety")
struct TerminalSafetyTests {
    static let hostileText = "Russia sent troops to Mali. Moscow \u{1B}]52;c;ZXZpbA==\u{07} backed the Wagner Group \u{1B}[31mred\u{1B}[0m in 2021. "
        + "=HYPERLINK(\"http://x\") Russia \u{202E}desrever\u{202C} and \u{9B}31m Mali.\n"

    static let commands = ["find actor Russia", "count actor Russia by doc", "count by actor", "count by type", "top actors 3",
                           "kwic \"Russia\"", "docs", "actors discovered", "show actor Russia", "timeline", "cooccur actor Russia"]

    static func run(_ format: String) -> Outcome {
        let temp = TempDir()
        temp.write("corpus/report\u{1B}[2J\u{9B}1m\u{202E}.txt", hostileText)
        return dossier(["--corpus", temp.path + "/corpus", "--format", format, "--keep-going"] + commands.flatMap { ["-e", $0] }, temp: temp)
    }

    @Test(arguments: ["text", "csv", "tsv", "markdown", "json"])
    func noRawControlReachesTheTerminal(_ format: String) {
        let r = Self.run(format)
        #expect(r.status == 0, "\(r)")
        for (stream, text) in [("stdout", r.stdout), ("stderr", r.stderr)] {
            let scalars = text.unicodeScalars
            #expect(!scalars.contains("\u{1B}"), "\(format) \(stream) holds ESC")
            #expect(!scalars.contains("\u{07}"), "\(format) \(stream) holds BEL")
            #expect(!scalars.contains("\u{9B}"), "\(format) \(stream) holds CSI (U+009B)")
            #expect(format == "json" || !scalars.contains("\u{202E}"), "\(format) \(stream) holds a raw right-to-left override")
        }
        if format == "text" { #expect(r.stdout.contains("\\u{202e}"), "the override is shown as a code") }
    }

    /// The same text as a web page, its controls written as entities (`&#27;]52;...`) and raw, in the title too.
    @Test(arguments: ["text", "json"])
    func noRawControlFromAWebPageReachesTheTerminal(_ format: String) {
        let temp = TempDir()
        let entities = Self.hostileText.unicodeScalars.map { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) ? "&#\($0.value);" : String($0) }.joined()
        temp.write("pages/report.html", "<html><head><title>Report &#27;]52;c;ZXZpbA==&#7; &#x9b;1m \u{1B}[2J</title></head><body><article><p>"
                   + entities + "</p><p>" + Self.hostileText + "</p></article></body></html>")
        let r = dossier(["--corpus", temp.path + "/pages", "--format", format, "--keep-going"] + Self.commands.flatMap { ["-e", $0] }, temp: temp)
        #expect(r.status == 0, "\(r)")
        #expect(r.stdout.contains("Wagner Group"), "\(r.stdout)")
        for (stream, text) in [("stdout", r.stdout), ("stderr", r.stderr)] {
            let scalars = text.unicodeScalars
            #expect(!scalars.contains { $0 == "\u{1B}" || $0 == "\u{07}" || $0 == "\u{9B}" }, "\(format) \(stream) holds a raw control")
        }
    }

    @Test(arguments: ["csv", "tsv"])
    func formulasAreNeutralisedForSpreadsheets(_ format: String) throws {
        let r = Self.run(format)
        let cells = r.stdoutLines.flatMap { $0.split(separator: format == "csv" ? "," : "\t").map(String.init) }
        #expect(cells.contains { $0.contains("HYPERLINK") }, "\(r.stdout)")
        for cell in cells where cell.contains("HYPERLINK") {
            let unquoted = cell.hasPrefix("\"") ? String(cell.dropFirst()) : cell
            #expect(unquoted.hasPrefix("'="), "a cell starting with = is prefixed: \(cell)")
        }
    }
}
