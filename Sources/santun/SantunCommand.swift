import ArgumentParser
import Foundation

/// `santun`: checks Indonesian social-media drafts for what could harm the company's image.
@main
struct SantunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "santun",
        abstract: "Check Indonesian social-media drafts before you post them.",
        discussion: """
            Exit codes: 0 nothing at or above the fail level; 1 findings at or above it; \
            2 usage, configuration or input errors.
            """,
        version: SantunVersion.current,
        subcommands: [
            Check.self, Fix.self, Explain.self, Train.self, ReportCommand.self, Rules.self, Hash.self, Init.self,
            Tokens.self, Hook.self,
        ]
    )

    /// Runs the command with Santun's exit codes: 0 clean, 1 findings at or above the fail level,
    /// 2 for every usage, configuration and input error (argument-parser alone would use 64 or 1).
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let code as ExitCode {
            Foundation.exit(code.rawValue)
        } catch {
            if exitCode(for: error) == .success { exit(withError: error) }
            var message = fullMessage(for: error)
            if !message.hasPrefix("Error:") { message = "error: " + message }
            FileHandle.standardError.write(Data(("santun: " + message + "\n").utf8))
            Foundation.exit(2)
        }
    }
}

enum SantunVersion {
    static let current = "0.1.0"
}
