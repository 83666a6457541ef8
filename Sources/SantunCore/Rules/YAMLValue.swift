import Yams

/// A YAML node with the file it came from and its key path, so every error can say where.
///
/// Readers are strict: `mapping(allowed:)` rejects unknown keys, and each accessor rejects a
/// value of the wrong type, naming the file, line, column and key.
struct YAMLValue {
    let node: Node
    let file: String
    let path: String

    var line: Int { node.mark?.line ?? 1 }
    var column: Int { node.mark?.column ?? 1 }

    func error(_ message: String) -> LoadError {
        LoadError(file: file, line: line, column: column, message: path.isEmpty ? message : "\(path): \(message)")
    }

    /// Parses a whole YAML document.
    static func parse(_ text: String, file: String) throws -> YAMLValue {
        do {
            // The basic resolver tags every scalar as a string: the readers below convert
            // scalars themselves, and Yams's default resolver runs several regular expressions
            // on every scalar (a third of the time to load the built-in packs).
            guard let node = try Yams.compose(yaml: text, .basic) else {
                throw LoadError(file: file, line: 1, message: "the file is empty")
            }
            if let tooMany = YAMLValue.firstNodeBeyond(YAMLValue.maximumNodes, in: node) {
                throw LoadError(file: file, line: tooMany.mark?.line ?? 1, column: tooMany.mark?.column ?? 1,
                                message: "the YAML expands to more than \(YAMLValue.maximumNodes) values (aliases repeating anchors?); a pack or configuration never needs that many")
            }
            return YAMLValue(node: node, file: file, path: "")
        } catch let error as YamlError {
            throw YAMLValue.loadError(error, file: file)
        }
    }

    /// Values a document may expand to. Aliases share one copy of their anchor in memory, but
    /// every reader walks each repetition: nine levels of ten aliases ("billion laughs") are a
    /// few hundred bytes that would take hours to read. A huge real pack (100 000 entries) has
    /// well under a million.
    static let maximumNodes = 2_000_000

    /// The node at which a walk of the expanded document passes `limit` values, or nil.
    static func firstNodeBeyond(_ limit: Int, in root: Node) -> Node? {
        var count = 0
        var stack: [Node] = [root]
        while let node = stack.popLast() {
            count += 1
            if count > limit { return node }
            switch node {
            case .scalar: break
            case let .sequence(sequence): stack.append(contentsOf: sequence)
            case let .mapping(mapping):
                for (key, value) in mapping {
                    stack.append(key)
                    stack.append(value)
                }
            default: break
            }
        }
        return nil
    }

    static func loadError(_ error: YamlError, file: String) -> LoadError {
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _),
             let .composer(context, problem, mark, _):
            let detail = context.map { " (\($0.text))" } ?? ""
            return LoadError(file: file, line: mark.line, column: mark.column, message: "invalid YAML: \(problem)\(detail)")
        case let .reader(problem, offset, _, yaml):
            var line = 1
            if let offset { line = yaml.utf8.prefix(offset).filter { $0 == 0x0A }.count + 1 }
            return LoadError(file: file, line: line, message: "invalid YAML: \(problem)")
        case let .duplicatedKeysInMapping(duplicates, context):
            return LoadError(file: file, line: context.mark.line, column: context.mark.column,
                             message: "duplicate key \(duplicates.joined(separator: ", "))")
        default:
            return LoadError(file: file, line: 1, message: "invalid YAML: \(error)")
        }
    }

    func child(_ node: Node, _ key: String) -> YAMLValue {
        YAMLValue(node: node, file: file, path: path.isEmpty ? key : "\(path).\(key)")
    }

    /// The keys of a mapping; any key outside `allowed` is an error.
    func mapping(allowed: Set<String>, required: [String] = []) throws -> [String: YAMLValue] {
        guard case let .mapping(mapping) = node else { throw error("expected a mapping") }
        var result: [String: YAMLValue] = [:]
        for (keyNode, valueNode) in mapping {
            guard case let .scalar(scalar) = keyNode else { throw error("keys must be plain strings") }
            let key = scalar.string
            guard allowed.contains(key) else {
                let known = allowed.sorted().joined(separator: ", ")
                throw LoadError(file: file, line: keyNode.mark?.line ?? line, column: keyNode.mark?.column ?? 1,
                                message: "unknown key '\(path.isEmpty ? key : path + "." + key)' (known keys: \(known))")
            }
            if result[key] != nil {
                throw LoadError(file: file, line: keyNode.mark?.line ?? line, column: keyNode.mark?.column ?? 1,
                                message: "duplicate key '\(key)'")
            }
            result[key] = child(valueNode, key)
        }
        for key in required where result[key] == nil {
            throw error("missing required key '\(key)'")
        }
        return result
    }

    func string() throws -> String {
        guard case let .scalar(scalar) = node else { throw error("expected a string") }
        return scalar.string
    }

    func nonEmptyString() throws -> String {
        let value = try string()
        if value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { throw error("must not be empty") }
        return value
    }

    func bool() throws -> Bool {
        switch try string().lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default: throw error("expected true or false")
        }
    }

    func int() throws -> Int {
        guard let value = Int(try string()) else { throw error("expected a whole number") }
        return value
    }

    func double() throws -> Double {
        guard let value = Double(try string()) else { throw error("expected a number") }
        return value
    }

    func sequence() throws -> [YAMLValue] {
        guard case let .sequence(sequence) = node else { throw error("expected a list") }
        return sequence.enumerated().map { index, item in
            YAMLValue(node: item, file: file, path: "\(path)[\(index)]")
        }
    }

    /// A string or a list of strings.
    func strings() throws -> [String] {
        if case .scalar = node { return [try string()] }
        return try sequence().map { try $0.string() }
    }

    func enumValue<T: RawRepresentable>(_ type: T.Type) throws -> T where T.RawValue == String {
        let raw = try string()
        guard let value = T(rawValue: raw) else { throw error("unknown value '\(raw)'") }
        return value
    }

    /// An enum value; the error lists the values there are (`unknown value 'ktp' (known: nik, …)`).
    func enumValue<T: RawRepresentable & CaseIterable>(_ type: T.Type) throws -> T where T.RawValue == String {
        let raw = try string()
        guard let value = T(rawValue: raw) else {
            throw error("unknown value '\(raw)' (known: \(T.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        return value
    }
}

import Foundation
