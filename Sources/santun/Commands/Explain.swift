import ArgumentParser
import Foundation
import SantunCore
import SantunTraining

extension TrainingLanguage: ExpressibleByArgument {}

/// Options shared by explain and train: language, colour, plain markers.
struct TeachingOptions: ParsableArguments {
    @Option(help: "Language of the texts: id (default) or en (where the pack provides English).")
    var lang: TrainingLanguage = .id

    @Option(help: "Colour: auto, always or never (NO_COLOR also turns it off).")
    var color: ColorChoice = .auto

    @Flag(help: "ASCII markers [[ ]] and no symbols, for screen readers and simple terminals.")
    var plain = false

    func style() -> TextStyle {
        TextStyle(color: Terminal.useColor(color), plain: plain)
    }
}

extension SantunCommand {
    /// `santun explain`: what a rule catches and why, generated from the packs.
    struct Explain: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "explain",
            abstract: "Explain a rule, a category or a word: what is caught, why, severity and examples.",
            discussion: """
                TOPIC is a rule id (tone.shouting), a category (slang, pii…), a pack id, or a word or \
                phrase (gunain, kasih tau), which is checked alone with every pack to find the rules \
                that cover it. Without TOPIC, lists the categories and rules. \
                Exit codes: 0 explained; 1 no rule covers the word; 2 usage or configuration errors.
                """)

        @Argument(help: "A rule id, category, pack id, or word or phrase.")
        var topic: [String] = []

        @Flag(help: "Treat TOPIC as a word even when it names a rule, category or pack.")
        var word = false

        @OptionGroup var teaching: TeachingOptions

        @Option(help: "Configuration file whose packs to include (default: .santun.yml found upward from here).")
        var config: String?

        func run() throws {
            let workspace = try Workspace(config: config)
            let rules = try workspace.rules(forDirectory: nil)
            let explainer = Explainer(packs: rules.packs, linter: workspace.linter, ruleSet: rules.ruleSet)
            let renderer = ExplanationRenderer(explainer: explainer, style: teaching.style(), language: teaching.lang)
            let query = topic.joined(separator: " ")
            if query.trimmingCharacters(in: .whitespaces).isEmpty {
                if word { throw ValidationError("--word needs a word to look up") }
                Terminal.output(renderer.renderIndex())
                return
            }
            let resolved = try explainer.resolve(query, asWord: word)
            Terminal.output(try renderer.render(resolved))
            if case .word(_, let hits) = resolved, hits.isEmpty { throw ExitCode(1) }
        }
    }
}
