import Foundation
import SantunCore
import SantunReporters

/// Writes `santun check`'s report while the drafts are being checked, in input order, so the
/// findings of a 100 MB archive or of a million drafts are never all in memory at once.
///
/// Drafts finish out of order under `--jobs`: a draft's output waits here until every draft
/// before it has been written, then goes out and is dropped. A large input checked in chunks
/// hands in its findings chunk by chunk; while it is the first unwritten draft they go straight
/// out, else they wait with it. Messages for standard error (skipped files, input errors, engine
/// remarks) are written when their draft's turn comes, so they stay in input order too.
final class ReportStream: @unchecked Sendable {
    /// What each draft's findings go through before the reporter: severity filter, redaction.
    struct Shaping {
        var minimum: Severity
        var failLevel: Configuration.FailLevel
        var redact: Bool
    }

    private var reporter: any StreamingReporter
    let shaping: Shaping
    private let write: (String) -> Void
    private let lock = NSLock()
    /// The first draft not yet written.
    private var next = 0
    private var waiting: [Int: Waiting] = [:]

    /// Findings at or above `--fail-on`, counted before `--min-severity` hides any.
    private(set) var failing = 0
    /// Of those, the ones `--min-severity` hid.
    private(set) var hiddenFailing = 0
    private(set) var hadInputError = false

    private struct Waiting {
        var path = ""
        var pieces: [[Finding]] = []
        var done: LintedDraft?
    }

    /// Drafts whose output has started (a piece written) and not ended.
    private var started: Set<Int> = []

    init(reporter: any StreamingReporter, shaping: Shaping, write: @escaping (String) -> Void) {
        self.reporter = reporter
        self.shaping = shaping
        self.write = write
        write(self.reporter.begin())
    }

    /// Drafts checked so far (for the progress line).
    private var finished = 0

    /// Findings of one chunk of draft `index`, whose path is `path`.
    func piece(_ index: Int, path: String, _ findings: [Finding]) {
        lock.lock()
        defer { lock.unlock() }
        if index == next {
            emit(index, path: path, findings, source: nil, last: false)
        } else {
            waiting[index, default: Waiting()].path = path
            waiting[index, default: Waiting()].pieces.append(findings)
        }
    }

    /// Draft `index` is checked; `draft.findings` are those not handed in as pieces. Returns how
    /// many drafts are checked now.
    @discardableResult
    func finish(_ index: Int, _ draft: LintedDraft) -> Int {
        lock.lock()
        defer { lock.unlock() }
        finished += 1
        waiting[index, default: Waiting()].done = draft
        while let entry = waiting[next], let done = entry.done {
            waiting[next] = nil
            let path = done.input.displayPath
            for pieces in entry.pieces { emit(next, path: path, pieces, source: nil, last: false) }
            for diagnostic in done.diagnostics { Terminal.note("\(path): \(diagnostic)") }
            if let note = done.note { Terminal.note(note) }
            if let error = done.error {
                Terminal.error(error)
                hadInputError = true
            }
            // A draft with a note or an error is left out, unless part of it has been written already
            // (an invalid byte deep in a large input): then what was written is closed off.
            if (done.error == nil && done.note == nil) || started.contains(next) {
                emit(next, path: path, done.error == nil ? done.findings : [], source: done.source, last: true)
            }
            next += 1
            // The draft now first in line may be a chunked one still running: write what it has so far.
            if let head = waiting[next], head.done == nil, !head.pieces.isEmpty {
                waiting[next]?.pieces = []
                for pieces in head.pieces { emit(next, path: head.path, pieces, source: nil, last: false) }
            }
        }
        return finished
    }

    func end() {
        lock.lock()
        defer { lock.unlock() }
        write(reporter.end())
    }

    private func emit(_ index: Int, path: String, _ findings: [Finding], source: SourceText?, last: Bool) {
        var failingHere = 0, hiddenHere = 0
        for finding in findings where shaping.failLevel.fails(finding.severity) {
            failingHere += 1
            if finding.severity < shaping.minimum { hiddenHere += 1 }
        }
        failing += failingHere
        hiddenFailing += hiddenHere
        let shown = findings.allSatisfy { $0.severity >= shaping.minimum } ? findings : findings.filter { $0.severity >= shaping.minimum }
        var file = FileReport(path: path, findings: shown, source: source)
        if shaping.redact { file = Redactor.redact(file) }
        let first = started.insert(index).inserted
        if last { started.remove(index) }
        write(reporter.piece(file, first: first, last: last))
    }
}
