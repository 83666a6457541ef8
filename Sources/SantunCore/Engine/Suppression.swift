/// Inline suppression comments, with a reason:
///
///     <!-- santun-disable-next-line slang.informal-word: kutipan langsung -->
///     <!-- santun-disable-line profanity: judul film -->
///     <!-- santun-disable tone.shouting: nama acara -->  …  <!-- santun-enable tone.shouting -->
///
/// A comment names rule ids, pack ids or categories (comma-separated), or `all`. A suppression
/// without a reason, or one that suppresses nothing, is itself reported, so suppressions
/// cannot silently pile up.
enum Suppression {
    struct Directive {
        enum Kind { case nextLine, line, disable, enable }
        var kind: Kind
        var targets: [String]
        var reason: String?
        var range: ByteRange
        var line: Int
        var used = false
    }

    static let withoutReasonID = "santun.suppression-without-reason"
    static let unusedID = "santun.unused-suppression"

    static func parse(_ source: SourceText) -> [Directive] {
        var directives: [Directive] = []
        let bytes = source.bytes
        let open = Array("<!--".utf8), close = Array("-->".utf8)
        var index = 0
        while index + open.count <= bytes.count {
            guard bytes[index] == 0x3C, bytes[index..<(index + open.count)].elementsEqual(open) else { index += 1; continue }
            var end = index + open.count
            while end + close.count <= bytes.count && !bytes[end..<(end + close.count)].elementsEqual(close) { end += 1 }
            guard end + close.count <= bytes.count else { break }
            let body = String(decoding: bytes[(index + open.count)..<end], as: UTF8.self).trimmingCharacters(in: .whitespaces)
            let range = ByteRange((index)..<(end + close.count))
            index = end + close.count
            let kinds: [(String, Directive.Kind)] = [
                ("santun-disable-next-line", .nextLine), ("santun-disable-line", .line),
                ("santun-disable", .disable), ("santun-enable", .enable),
            ]
            guard let (keyword, kind) = kinds.first(where: { body.hasPrefix($0.0 + " ") || body == $0.0 }) else { continue }
            var rest = body.dropFirst(keyword.count).trimmingCharacters(in: .whitespaces)
            var reason: String? = nil
            if let colon = rest.firstIndex(of: ":") {
                let text = rest[rest.index(after: colon)...].trimmingCharacters(in: .whitespaces)
                reason = text.isEmpty ? nil : text
                rest = String(rest[..<colon])
            }
            var targets = rest.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            if targets.isEmpty { targets = ["all"] }
            directives.append(Directive(kind: kind, targets: targets, reason: reason, range: range,
                                        line: source.lineIndex(ofByte: range.offset)))
        }
        return directives
    }

    static func covers(_ directive: Directive, _ finding: Finding, ruleSet: RuleSet) -> Bool {
        let packID = finding.ruleID.split(separator: ".").first.map(String.init) ?? ""
        return directive.targets.contains { $0 == "all" || $0 == finding.ruleID || $0 == packID || $0 == finding.category.rawValue }
    }

    static func apply(to findings: [Finding], in source: SourceText, ruleSet: RuleSet) -> [Finding] {
        var directives = parse(source)
        if directives.isEmpty { return findings }
        var kept: [Finding] = []
        for finding in findings {
            let line = finding.start.line - 1
            var suppressed = false
            for index in directives.indices where directives[index].kind != .enable {
                let directive = directives[index]
                guard covers(directive, finding, ruleSet: ruleSet) else { continue }
                let applies: Bool
                switch directive.kind {
                case .nextLine: applies = line == nextContentLine(after: directive, in: source)
                case .line: applies = line == directive.line
                case .disable:
                    let closing = directives.first {
                        $0.kind == .enable && $0.range.offset > directive.range.offset
                            && $0.targets.contains { directive.targets.contains($0) || $0 == "all" }
                    }
                    applies = finding.range.offset > directive.range.offset
                        && finding.range.offset < (closing?.range.offset ?? Int.max)
                case .enable: applies = false
                }
                if applies {
                    directives[index].used = true
                    suppressed = true
                }
            }
            if !suppressed { kept.append(finding) }
        }
        for directive in directives where directive.kind != .enable {
            let start = source.location(ofByte: directive.range.offset), end = source.location(ofByte: directive.range.end)
            let match = source.text(directive.range)
            if directive.reason == nil {
                kept.append(Finding(
                    ruleID: withoutReasonID, category: .suppression, severity: .warning,
                    message: "Penonaktifan aturan tanpa alasan: tulis alasannya setelah titik dua (\(directive.targets.joined(separator: ", ")): alasan).",
                    range: directive.range, start: start, end: end, match: match, suggestions: [], fixable: false))
            }
            if !directive.used {
                kept.append(Finding(
                    ruleID: unusedID, category: .suppression, severity: .warning,
                    message: "Penonaktifan aturan ini tidak menyembunyikan temuan apa pun (\(directive.targets.joined(separator: ", "))); hapus komentarnya.",
                    range: directive.range, start: start, end: end, match: match, suggestions: [], fixable: false))
            }
        }
        return kept
    }

    /// The line a disable-next-line comment refers to: the next line that is not blank.
    static func nextContentLine(after directive: Directive, in source: SourceText) -> Int {
        var line = source.lineIndex(ofByte: directive.range.end) + 1
        while line < source.lineCount, source.lineRange(line).length == 0 { line += 1 }
        return line
    }
}

import Foundation
