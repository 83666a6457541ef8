/// A pack, configuration or term file that cannot be used, with where the problem is.
/// Printed as `file:line:column: message`, the way compilers and editors expect.
public struct LoadError: Error, CustomStringConvertible, Sendable, Equatable {
    public var file: String
    public var line: Int
    public var column: Int
    public var message: String

    public init(file: String, line: Int, column: Int = 1, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String { "\(file):\(line):\(column): \(message)" }
}
