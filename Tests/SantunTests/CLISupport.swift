import Foundation

/// Runs the real `santun` binary as a person at a terminal-less shell would, for the CLI tests.
enum CLI {
    /// Fixture drafts for the binary's golden files.
    static let fixtures = TestSupport.repoRoot.appendingPathComponent("Tests/SantunTests/Fixtures/cli")

    /// `TestSupport.run`, which runs outside CI (no `CI` variable, which would turn redaction on
    /// for every format); a test that wants CI behaviour sets it.
    @discardableResult
    static func run(_ arguments: [String], stdin: Data? = nil, in directory: URL? = nil,
                    environment: [String: String] = [:]) throws -> TestSupport.Run {
        try TestSupport.run(arguments, stdin: stdin, directory: directory, environment: environment)
    }

    /// A fresh temporary folder with the given files (path → text), removed by the caller's `defer`.
    static func folder(_ files: [String: String]) throws -> URL {
        let root = try TestSupport.temporaryDirectory()
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        return root
    }

    static func json(_ text: String) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(text.utf8)) as! [String: Any]
    }

    /// The findings of `check --format json` output, flattened with their paths.
    static func findings(_ text: String) throws -> [(path: String, finding: [String: Any])] {
        let files = try json(text)["files"] as! [[String: Any]]
        return files.flatMap { file in (file["findings"] as! [[String: Any]]).map { (file["path"] as! String, $0) } }
    }
}
