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
        // Each directive's reach is worked out once: the line it names, or for a disable the
        // offset of its closing enable. Findings then look up their line and sweep the open
        // disables in offset order, so thousands of comments cost no more than a pass each.
        var byLine: [Int: [Int]] = [:]
        var disables: [(index: Int, from: Int, to: Int)] = []
        // Offsets of the enable comments naming each target, in order (parse order is offset order).
        var enables: [String: [Int]] = [:]
        for directive in directives where directive.kind == .enable {
            for target in Set(directive.targets) { enables[target, default: []].append(directive.range.offset) }
        }
        func firstEnable(_ target: String, after offset: Int) -> Int {
            guard let offsets = enables[target] else { return Int.max }
            var low = 0, high = offsets.count
            while low < high {
                let mid = (low + high) / 2
                if offsets[mid] <= offset { low = mid + 1 } else { high = mid }
            }
            return low < offsets.count ? offsets[low] : Int.max
        }
        for (index, directive) in directives.enumerated() {
            switch directive.kind {
            case .nextLine: byLine[nextContentLine(after: directive, in: source), default: []].append(index)
            case .line: byLine[directive.line, default: []].append(index)
            case .disable:
                // The first later enable that names one of its targets, or `all`.
                let closing = (directive.targets + ["all"]).map { firstEnable($0, after: directive.range.offset) }.min() ?? Int.max
                disables.append((index, directive.range.offset, closing))
            case .enable: break
            }
        }
        let targetSets = directives.map { Set($0.targets) }
        var suppressed = [Bool](repeating: false, count: findings.count)
        let order = findings.indices.sorted { findings[$0].range.offset < findings[$1].range.offset }
        var nextDisable = 0
        var open: [(index: Int, from: Int, to: Int)] = []
        for findingIndex in order {
            let finding = findings[findingIndex]
            let packID = finding.ruleID.split(separator: ".").first.map(String.init) ?? ""
            let names = ["all", finding.ruleID, packID, finding.category.rawValue]
            func covers(_ index: Int) -> Bool { names.contains { targetSets[index].contains($0) } }
            for index in byLine[finding.start.line - 1] ?? [] where covers(index) {
                directives[index].used = true
                suppressed[findingIndex] = true
            }
            while nextDisable < disables.count, disables[nextDisable].from < finding.range.offset {
                open.append(disables[nextDisable])
                nextDisable += 1
            }
            open.removeAll { $0.to <= finding.range.offset }
            for disable in open where covers(disable.index) {
                directives[disable.index].used = true
                suppressed[findingIndex] = true
            }
        }
        var kept = findings.indices.filter { !suppressed[$0] }.map { findings[$0] }
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
