import Foundation
import SantunCore
import Yams

/// One rewrite exercise from `corpora/training/<lesson>/<NN-slug>.yml`: a casual draft, the
/// model answer a trainer would accept, and a hint. The lesson is a rule category, so
/// `santun train --lesson slang` practises exactly what `santun explain slang` explains.
public struct Exercise: Sendable, Equatable {
    /// `<lesson>/<file name without .yml>`, stable across runs (shown in reports).
    public var id: String
    public var title: String
    public var titleEN: String?
    public var lesson: Category
    public var draft: String
    public var answer: String
    public var hint: String
    public var hintEN: String?
    /// Where the exercise was read from, for messages.
    public var file: String

    public init(id: String, title: String, titleEN: String? = nil, lesson: Category, draft: String, answer: String,
                hint: String, hintEN: String? = nil, file: String = "") {
        self.id = id
        self.title = title
        self.titleEN = titleEN
        self.lesson = lesson
        self.draft = draft
        self.answer = answer
        self.hint = hint
        self.hintEN = hintEN
        self.file = file
    }
}

/// Reads exercises strictly, the way packs are read: an unknown key, a missing key, a lesson
/// that is not a category or that differs from its folder is an error naming the file and line,
/// because a typo in a training file would otherwise silently drop an exercise from a session.
public enum ExerciseLoader {
    public struct Failure: Error, CustomStringConvertible, Sendable, Equatable {
        public var file: String
        public var line: Int
        public var message: String
        public var description: String { "\(file):\(line): \(message)" }
    }

    static let requiredKeys = ["title", "lesson", "draft", "answer", "hint"]
    static let optionalKeys = ["title-en", "hint-en"]

    /// Every `*.yml` exercise under `directory` (one folder per lesson), sorted by lesson and file.
    public static func load(directory: String) throws -> [Exercise] {
        let root = URL(fileURLWithPath: directory)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw Failure(file: directory, line: 1, message: "not a folder of training exercises")
        }
        var exercises: [Exercise] = []
        let lessons = try FileManager.default.contentsOfDirectory(atPath: root.path).filter { !$0.hasPrefix(".") }.sorted()
        for lesson in lessons {
            let folder = root.appendingPathComponent(lesson)
            guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue else { continue }
            let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
                .filter { $0.hasSuffix(".yml") && !$0.hasPrefix(".") }.sorted()
            for name in names {
                let file = folder.appendingPathComponent(name).path
                guard let text = try? String(contentsOfFile: file, encoding: .utf8) else {
                    throw Failure(file: file, line: 1, message: "cannot read the file as UTF-8")
                }
                let exercise = try parse(text, file: file, id: "\(lesson)/\(name.dropLast(4))")
                if exercise.lesson.rawValue != lesson {
                    throw Failure(file: file, line: 1,
                                  message: "lesson '\(exercise.lesson.rawValue)' differs from its folder '\(lesson)'")
                }
                exercises.append(exercise)
            }
        }
        return exercises
    }

    /// Parses one exercise file.
    public static func parse(_ text: String, file: String, id: String) throws -> Exercise {
        let node: Node?
        do {
            node = try Yams.compose(yaml: text)
        } catch {
            throw Failure(file: file, line: 1, message: "invalid YAML: \(error)")
        }
        guard let node, case let .mapping(mapping) = node else {
            throw Failure(file: file, line: 1, message: "expected a mapping with the keys \(requiredKeys.joined(separator: ", "))")
        }
        var values: [String: (text: String, line: Int)] = [:]
        for (key, value) in mapping {
            let line = key.mark?.line ?? 1
            guard case let .scalar(keyScalar) = key else { throw Failure(file: file, line: line, message: "keys must be plain strings") }
            let name = keyScalar.string
            guard requiredKeys.contains(name) || optionalKeys.contains(name) else {
                let known = (requiredKeys + optionalKeys).joined(separator: ", ")
                throw Failure(file: file, line: line, message: "unknown key '\(name)' (known keys: \(known))")
            }
            guard case let .scalar(valueScalar) = value else {
                throw Failure(file: file, line: value.mark?.line ?? line, message: "'\(name)' must be a string")
            }
            let string = valueScalar.string.trimmingCharacters(in: .whitespacesAndNewlines)
            if string.isEmpty { throw Failure(file: file, line: line, message: "'\(name)' is empty") }
            values[name] = (string, line)
        }
        for key in requiredKeys where values[key] == nil {
            throw Failure(file: file, line: 1, message: "missing required key '\(key)'")
        }
        let lessonValue = values["lesson"]!
        guard let lesson = Category(rawValue: lessonValue.text), lesson != .suppression else {
            let known = Category.allCases.filter { $0 != .suppression }.map(\.rawValue).joined(separator: ", ")
            throw Failure(file: file, line: lessonValue.line, message: "unknown lesson '\(lessonValue.text)' (one of: \(known))")
        }
        if values["answer"]!.text.contains("\n") {
            throw Failure(file: file, line: values["answer"]!.line, message: "'answer' must be one line (trainees type one line)")
        }
        return Exercise(id: id, title: values["title"]!.text, titleEN: values["title-en"]?.text, lesson: lesson,
                        draft: values["draft"]!.text, answer: values["answer"]!.text, hint: values["hint"]!.text,
                        hintEN: values["hint-en"]?.text, file: file)
    }

    /// `corpora/training` in the current folder or the nearest parent that has one, so
    /// `santun train` works from anywhere inside the repository.
    public static func findDefaultDirectory(from directory: String) -> String? {
        var url = URL(fileURLWithPath: directory).standardizedFileURL
        while true {
            let candidate = url.appendingPathComponent("corpora/training")
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory), isDirectory.boolValue {
                return candidate.path
            }
            let parent = url.deletingLastPathComponent()
            if parent.path == url.path { return nil }
            url = parent
        }
    }
}
