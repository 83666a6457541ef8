import SantunCore

/// The language of explanations and practice sessions. Indonesian is the default because the
/// trainees write Indonesian; English serves the teams that train in English, and falls back
/// to the Indonesian text wherever a pack or exercise has no English version.
public enum TrainingLanguage: String, Sendable, CaseIterable {
    case id, en

    /// Picks the text for this language: English when asked for and present, else Indonesian.
    public func pick(_ indonesian: String, _ english: String?) -> String {
        if self == .en, let english, !english.isEmpty { return english }
        return indonesian
    }

    /// A fixed interface string in this language.
    func text(_ indonesian: String, _ english: String) -> String { self == .en ? english : indonesian }
}

/// Names people read for categories and severities, in both languages. Explain, train and the
/// HTML report share them, so a category is called the same thing everywhere.
public enum Vocabulary {
    /// The human name of a category (`slang` → “Bahasa gaul”).
    public static func label(_ category: Category, _ language: TrainingLanguage) -> String {
        switch category {
        case .profanity: language.text("Umpatan", "Profanity")
        case .slang: language.text("Bahasa gaul", "Slang")
        case .nonstandard: language.text("Ejaan tidak baku", "Non-standard spelling")
        case .foreignTerm: language.text("Istilah asing", "Foreign terms")
        case .confidential: language.text("Informasi rahasia", "Confidential information")
        case .pii: language.text("Data pribadi", "Personal data")
        case .sara: "SARA"
        case .tone: language.text("Nada", "Tone")
        case .suppression: language.text("Penekanan aturan", "Suppression comments")
        }
    }

    /// Labels for every category, keyed by the category's id, for reporters (which take plain strings).
    public static func categoryLabels(_ language: TrainingLanguage) -> [String: String] {
        Dictionary(uniqueKeysWithValues: Category.allCases.map { ($0.rawValue, label($0, language)) })
    }

    /// The severity as the checker prints it, with its meaning in words (`warning (peringatan)`).
    public static func severity(_ severity: Severity, _ language: TrainingLanguage) -> String {
        guard language == .id else { return severity.rawValue }
        switch severity {
        case .error: return "error (kesalahan)"
        case .warning: return "warning (peringatan)"
        case .info: return "info (saran)"
        }
    }

    /// What a severity asks of the writer, in one sentence.
    public static func severityMeaning(_ severity: Severity, _ language: TrainingLanguage) -> String {
        switch severity {
        case .error:
            language.text("Jangan diunggah sebelum diperbaiki.", "Do not post until it is fixed.")
        case .warning:
            language.text("Sebaiknya diperbaiki sebelum diunggah.", "Should be fixed before posting.")
        case .info:
            language.text("Saran untuk tulisan yang lebih baik; boleh dipertimbangkan.",
                          "A suggestion for better writing; worth considering.")
        }
    }
}
