import Foundation

/// The few git calls Santun needs, through the `git` on PATH.
///
/// Every call reads NUL-separated output (`-z`), so names with spaces, quotes or non-ASCII
/// letters arrive as written whatever `core.quotePath` says, and staged content is read by blob
/// id, so nothing depends on the current folder or on the working tree.
enum Git {
    struct Failure: Error, CustomStringConvertible { let description: String }

    /// A file as the index holds it: the path from the top of the work tree and its blob.
    struct StagedFile: Equatable {
        var path: String
        var blob: String
        var mode: String

        /// Regular files only: symbolic links (120000) and submodules (160000) are not drafts.
        var isRegularFile: Bool { mode == "100644" || mode == "100755" }
    }

    /// Runs git with `arguments` in `directory` (nil: the current folder) and returns its output.
    @discardableResult
    static func run(_ arguments: [String], in directory: String? = nil, input: Data? = nil) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git"] + arguments
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        let output = Pipe(), errors = Pipe(), standardInput = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = input == nil ? FileHandle.nullDevice : standardInput
        // Told the moment git exits: Foundation's waitUntilExit polls every 50 ms on Linux, which
        // made each git call of a pre-commit check cost about 100 ms.
        let exited = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in exited.signal() }
        do {
            try process.run()
        } catch {
            throw Failure(description: "cannot run git: \(error.localizedDescription)")
        }
        // Feed stdin and drain stderr on other threads, so no pipe fills up and blocks git.
        let group = DispatchGroup()
        if let input {
            let writer = standardInput.fileHandleForWriting
            DispatchQueue.global().async(group: group) {
                writer.write(input)
                try? writer.close()
            }
        }
        let errorBox = DataBox()
        let errorHandle = errors.fileHandleForReading
        DispatchQueue.global().async(group: group) { errorBox.data = errorHandle.readDataToEndOfFile() }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        exited.wait()
        guard process.terminationStatus == 0 else {
            let message = String(decoding: errorBox.data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            throw Failure(description: "git \(arguments.first ?? ""): \(message)")
        }
        return data
    }

    private final class DataBox: @unchecked Sendable { var data = Data() }

    /// A git call running on another thread; `value()` waits for its result.
    final class Background<Value>: @unchecked Sendable {
        private var result: Result<Value, Error>?
        private let done = DispatchSemaphore(value: 0)

        init(_ body: @escaping @Sendable () throws -> Value) {
            DispatchQueue.global().async {
                self.result = Result { try body() }
                self.done.signal()
            }
        }

        func value() throws -> Value {
            done.wait()
            defer { done.signal() }
            return try result!.get()
        }
    }

    /// The top folder of the work tree that contains the current folder.
    static func topLevel() throws -> String {
        String(decoding: try run(["rev-parse", "--show-toplevel"]), as: UTF8.self).trimmingCharacters(in: .newlines)
    }

    /// Files added or modified in the index compared with HEAD: what the commit will contain.
    /// Deleted files are left out; a renamed file appears under its new name. `pathspecs` limit
    /// the list and are taken relative to the current folder, as git takes them.
    static func stagedFiles(pathspecs: [String] = []) throws -> [StagedFile] {
        // diff.relative would make paths relative to the current folder; they must stay top-relative.
        var arguments = ["-c", "diff.relative=false", "diff", "--cached", "--raw", "-z", "--no-abbrev",
                         "--no-renames", "--no-color", "--no-ext-diff", "--diff-filter=ACMRT"]
        if !pathspecs.isEmpty { arguments += ["--"] + pathspecs }
        return parseRaw(try run(arguments))
    }

    /// Parses `git diff --raw -z`: `:oldmode newmode oldblob newblob status NUL path NUL`, with a
    /// second path after renames and copies (the new name, which is the one kept).
    static func parseRaw(_ data: Data) -> [StagedFile] {
        let fields = data.split(separator: 0, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
        var files: [StagedFile] = []
        var index = 0
        while index + 1 < fields.count {
            let header = fields[index].split(separator: " ")
            guard header.count == 5, header[0].hasPrefix(":") else { break }
            let status = header[4]
            var path = fields[index + 1]
            index += 2
            if status.hasPrefix("R") || status.hasPrefix("C"), index < fields.count {
                path = fields[index]
                index += 1
            }
            files.append(StagedFile(path: path, blob: String(header[3]), mode: String(header[1])))
        }
        return files
    }

    /// The content of blobs, in order, from one `git cat-file --batch`.
    static func blobs(_ ids: [String]) throws -> [[UInt8]] {
        if ids.isEmpty { return [] }
        let output = [UInt8](try run(["cat-file", "--batch"], input: Data(ids.map { $0 + "\n" }.joined().utf8)))
        var contents: [[UInt8]] = []
        var index = 0
        for id in ids {
            guard let newline = output[index...].firstIndex(of: 0x0A) else { throw Failure(description: "git cat-file: output ended early") }
            let header = String(decoding: output[index..<newline], as: UTF8.self).split(separator: " ")
            guard header.count == 3, header[1] == "blob", let size = Int(header[2]), newline + 1 + size <= output.count else {
                throw Failure(description: "git cat-file: cannot read blob \(id)")
            }
            contents.append(Array(output[(newline + 1)..<(newline + 1 + size)]))
            index = newline + 1 + size + 1
        }
        return contents
    }

    /// The folder git runs hooks from: `core.hooksPath` when set, else the repository's hooks.
    static func hooksDirectory() throws -> String {
        let path = String(decoding: try run(["rev-parse", "--git-path", "hooks"]), as: UTF8.self).trimmingCharacters(in: .newlines)
        return URL(fileURLWithPath: path, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath)).standardizedFileURL.path
    }
}
