import Foundation
import SantunCore

/// One draft to lint: where it came from and how to read it.
struct DraftInput {
    enum Origin {
        case file(String)
        case standardInput
        case text(String)
        /// The staged (index) content of a file, read from git with all the others in one call.
        case staged([UInt8])
    }

    var origin: Origin
    /// The name shown in output.
    var displayPath: String
    /// The folder whose `.santun.yml` applies (nil: the current folder).
    var directory: String?

    var isMarkdown: Bool {
        let lower = displayPath.lowercased()
        return lower.hasSuffix(".md") || lower.hasSuffix(".markdown")
    }
}

/// Finds the files to lint: explicit files, folders walked recursively (symlink loops and
/// vanished or unreadable entries are reported, never followed forever), filtered by glob.
struct InputCollector {
    var globs: [String]
    var problems: [String] = []

    static let defaultGlobs = ["*.txt", "*.md", "*.markdown"]

    init(globs: [String]) { self.globs = globs.isEmpty ? InputCollector.defaultGlobs : globs }

    func matches(_ name: String) -> Bool {
        globs.contains { fnmatch($0, name, 0) == 0 }
    }

    mutating func collect(_ paths: [String]) -> [DraftInput] {
        var inputs: [DraftInput] = []
        var visited = Set<String>()
        for path in paths {
            var info = stat()
            guard stat(path, &info) == 0 else {
                problems.append("\(path): \(String(cString: strerror(errno)))")
                continue
            }
            if info.st_mode & S_IFMT == S_IFDIR {
                walk(path, &inputs, &visited)
            } else {
                inputs.append(DraftInput(origin: .file(path), displayPath: path,
                                         directory: URL(fileURLWithPath: path).deletingLastPathComponent().path))
            }
        }
        return inputs
    }

    private mutating func walk(_ directory: String, _ inputs: inout [DraftInput], _ visited: inout Set<String>) {
        var info = stat()
        guard stat(directory, &info) == 0 else {
            problems.append("\(directory): \(String(cString: strerror(errno)))")
            return
        }
        let identity = "\(info.st_dev):\(info.st_ino)"
        guard visited.insert(identity).inserted else {
            problems.append("\(directory): skipped, a symbolic link loops back to a folder already read")
            return
        }
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else {
            var reason = "cannot read the folder"
            if let handle = opendir(directory) { closedir(handle) } else { reason += " (\(String(cString: strerror(errno))))" }
            problems.append("\(directory): \(reason)")
            return
        }
        for name in names.sorted() where !name.hasPrefix(".") {
            let path = directory == "." ? name : (directory.hasSuffix("/") ? directory + name : directory + "/" + name)
            var entry = stat()
            guard stat(path, &entry) == 0 else {
                // Gone since the folder was listed: nothing to report. A link that leads nowhere is.
                let code = errno
                var link = stat()
                if lstat(path, &link) == 0 {
                    problems.append(code == ELOOP ? "\(path): skipped, a symbolic link loop" : "\(path): broken symbolic link")
                }
                continue
            }
            if entry.st_mode & S_IFMT == S_IFDIR {
                walk(path, &inputs, &visited)
            } else if entry.st_mode & S_IFMT == S_IFREG, matches(name) {
                inputs.append(DraftInput(origin: .file(path), displayPath: path, directory: directory))
            }
        }
    }
}
