import ArgumentParser
import Foundation
import SantunCore

extension SantunCommand {
    /// `santun tokens`: shows how Santun splits and normalizes a draft (a debugging and teaching aid).
    struct Tokens: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "tokens",
            abstract: "Print the tokens of a draft with kind, text, normalized form and span.")

        @Argument(help: "The draft text, or '-' to read standard input.")
        var text: String = "-"

        @Option(help: "Output format: text or json.")
        var format: TokenFormat = .text

        @Flag(help: "Replace invalid UTF-8 with U+FFFD instead of failing.")
        var lossy = false

        func run() throws {
            let bytes: [UInt8]
            if text == "-" {
                bytes = try InputReader.readStandardInput()
            } else {
                bytes = Array(text.utf8)
            }
            let source = try InputReader.sourceText(bytes, name: text == "-" ? "<stdin>" : "<argument>", lossy: lossy)
            let tokenizer = try Tokenizer(rules: RuleCache.wordBreakRules())
            let tokens = tokenizer.tokenize(source)
            var output = ""
            switch format {
            case .text:
                for token in tokens {
                    let location = source.location(ofByte: token.range.offset)
                    var line = "\(location.line):\(location.column)\t\(token.kind.rawValue)\t\(source.text(token.range))\t\(token.normalized)"
                    line += "\t@\(token.range.offset)+\(token.range.length)"
                    if let base = token.base { line += "\tbase=\(base)" }
                    let flags = describe(token.flags)
                    if !flags.isEmpty { line += "\t[\(flags)]" }
                    if !token.parts.isEmpty { line += "\tparts=" + token.parts.map(\.normalized).joined(separator: ",") }
                    output += line + "\n"
                }
            case .json:
                let items: [[String: Any]] = tokens.map { token in
                    let location = source.location(ofByte: token.range.offset)
                    var item: [String: Any] = [
                        "text": source.text(token.range), "kind": token.kind.rawValue, "normalized": token.normalized,
                        "line": location.line, "column": location.column, "utf16Column": location.utf16Column,
                        "offset": token.range.offset, "length": token.range.length,
                    ]
                    if let base = token.base { item["base"] = base }
                    let flags = describe(token.flags)
                    if !flags.isEmpty { item["flags"] = flags.split(separator: ",").map(String.init) }
                    if !token.parts.isEmpty { item["parts"] = token.parts.map(\.normalized) }
                    return item
                }
                let data = try JSONSerialization.data(withJSONObject: items, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
                output = String(decoding: data, as: UTF8.self) + "\n"
            }
            FileHandle.standardOutput.write(Data(output.utf8))
        }

        private func describe(_ flags: TokenFlags) -> String {
            var names: [String] = []
            if flags.contains(.reduplicated) { names.append("reduplicated") }
            if flags.contains(.elongated) { names.append("elongated") }
            if flags.contains(.leet) { names.append("leet") }
            if flags.contains(.spacedOut) { names.append("spaced-out") }
            if flags.contains(.lookAlike) { names.append("look-alike") }
            if flags.contains(.masked) { names.append("masked") }
            return names.joined(separator: ",")
        }
    }

    enum TokenFormat: String, ExpressibleByArgument, CaseIterable { case text, json }
}
