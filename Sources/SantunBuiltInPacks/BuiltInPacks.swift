/// The rule packs compiled into the binary, so a copied `santun` keeps them.
///
/// `BuiltInPacks+Generated.swift` holds the text of every `rules/*.yml` (not the templates) and
/// the same packs as loaded (`PackArchive` form, which `santun` reads at start without parsing
/// YAML); it is written by `swift run santun-gen` and a test fails when it is stale.
public enum BuiltInPacks {
    /// (file name, YAML text) of every built-in pack, sorted by file name.
    public static var all: [(name: String, yaml: String)] { generatedPacks }

    /// The built-in packs as `PackLoader` loads them (words normalized, examples verified), for
    /// `PackArchive.decode`.
    public static var archive: String { generatedArchive }
}
