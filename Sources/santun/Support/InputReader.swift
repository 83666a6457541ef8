import ArgumentParser
import Foundation
import SantunCore

/// An input problem the user can fix: printed as `santun: <message>` with exit code 2.
struct InputError: Error, CustomStringConvertible {
    let description: String
}

/// Reads drafts as bytes and turns them into `SourceText`, with clear errors for bad input.
enum InputReader {
    static func readStandardInput() throws -> [UInt8] {
        let data = FileHandle.standardInput.readDataToEndOfFile()
        return [UInt8](data)
    }

    static func sourceText(_ bytes: [UInt8], name: String, lossy: Bool) throws -> SourceText {
        if lossy { return SourceText(lossy: bytes) }
        do {
            return try SourceText(validating: bytes)
        } catch let error as InvalidUTF8 {
            throw ValidationFailure("\(name): invalid UTF-8 at byte offset \(error.offset) (use --lossy to replace it with U+FFFD)")
        }
    }
}

/// Exits with code 2 and a one-line message, as every input, usage and configuration error does.
struct ValidationFailure: Error, CustomStringConvertible {
    let description: String
    init(_ message: String) { description = message }
}
