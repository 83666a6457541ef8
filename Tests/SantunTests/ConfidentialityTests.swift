import Foundation
import Testing

/// Santun must never re-leak what it protects: hashed term files hold no plaintext, masked
/// output in every format holds no protected match (nor the text of findings that overlap
/// one), and nothing but `fix --write` writes a draft's text to disk.
@Suite struct ConfidentialityTests {
    typealias H = Hostile

    static let salt = "garam-uji-7"

    /// The protected texts of the drafts below, as written.
    static let secrets = ["081234567890", "3174055208900012", "budi.santoso77@gmail.com", "4111 1111 1111 1111",
                          "Proyek Garuda", "PROYEK GARUDA", "Kode Merpati", "KodeMerpati"]

    static let drafts = [
        "Pemenang undian: Budi, NIK 3174055208900012, hubungi 081234567890 atau budi.santoso77@gmail.com.\n",
        "SEGERA HUBUNGI 081234567890 SEKARANG JUGA.\n",
        "Kartu 4111 1111 1111 1111 milik pelanggan tertinggal di kasir.\n",
        "Bocoran: PROYEK GARUDA DIMULAI BESOK, jangan bilang siapa-siapa.\n",
        "Rapat Proyek Garuda dan Kode Merpati besok pagi. #KodeMerpati\n",
        // An X post: the length finding spans from character 281 to the end, over a phone number.
        String(repeating: "Kami mengundang pelanggan setia ke acara peluncuran. ", count: 6) + "Hubungi 081234567890 untuk daftar.\n",
    ]

    /// A folder with the drafts, a term list (one plain term, one hashed by `santun hash`) and a
    /// `.santun.yml` naming it.
    static func workspace() throws -> URL {
        let folder = try H.folder()
        let hash = try H.santun(["hash", "Kode Merpati", "--salt", salt, "--format", "line"])
        #expect(hash.status == 0)
        try H.write("# istilah rahasia\nProyek Garuda\nsalt: \(salt)\n\(hash.stdout)", to: folder.appendingPathComponent("istilah.txt"))
        try H.write("confidential-terms: [istilah.txt]\n", to: folder.appendingPathComponent(".santun.yml"))
        for (index, draft) in drafts.enumerated() { try H.write(draft, to: folder.appendingPathComponent("draf\(index).txt")) }
        return folder
    }

    /// The protected texts that appear in `output`: each secret is looked for without its first
    /// character (masking keeps that one), case-insensitively.
    static func leaks(_ output: String) -> [String] {
        let lower = output.lowercased()
        return secrets.filter { lower.contains(String($0.lowercased().dropFirst())) }
    }

    @Test func hashedTermFilesHoldNoPlaintext() throws {
        for format in ["line", "yaml"] {
            let result = try H.santun(["hash", "Kode Merpati", "--salt", ConfidentialityTests.salt, "--format", format])
            #expect(result.status == 0)
            let lower = result.stdout.lowercased()
            for fragment in ["kode", "merpati", "kodemerpati", "ode merpati"] { #expect(!lower.contains(fragment), "\(format): \(result.stdout)") }
        }
        // …and the hash still finds the term however it is written.
        let folder = try ConfidentialityTests.workspace()
        defer { H.cleanup(folder) }
        let found = try H.santun(["check", "--format", "line", "--no-redact", "draf4.txt"], in: folder)
        #expect(found.stdout.components(separatedBy: "confidential.company-term").count - 1 == 3, "\(found.stdout)")
    }

    @Test(arguments: ["text", "json", "sarif", "github", "line"])
    func maskedOutputNeverContainsAProtectedMatch(format: String) throws {
        let folder = try ConfidentialityTests.workspace()
        defer { H.cleanup(folder) }
        let files = (0..<ConfidentialityTests.drafts.count).map { "draf\($0).txt" }
        let unmasked = try H.santun(["check", "--no-redact", "--platform", "x", "--format", format] + files, in: folder)
        #expect(unmasked.status == 1)
        // Every secret is found: without --redact they are all in the output.
        #expect(Set(ConfidentialityTests.leaks(unmasked.stdout)) == Set(ConfidentialityTests.secrets), "\(unmasked.stdout)")
        var runs = [try H.santun(["check", "--redact", "--platform", "x", "--format", format] + files, in: folder)]
        if ["json", "sarif", "github"].contains(format) {
            runs.append(try H.santun(["check", "--platform", "x", "--format", format] + files, in: folder))  // masked by default
        }
        for masked in runs {
            #expect(masked.status == 1)
            #expect(ConfidentialityTests.leaks(masked.stdout + masked.stderr).isEmpty,
                    "\(format) leaks \(ConfidentialityTests.leaks(masked.stdout + masked.stderr)):\n\(masked.stdout)")
            #expect(masked.stdout.contains("pii.phone") && masked.stdout.contains("confidential.company-term"))
        }
    }

    @Test func fixListsWhatIsLeftWithProtectedTextMasked() throws {
        let folder = try ConfidentialityTests.workspace()
        defer { H.cleanup(folder) }
        for index in ConfidentialityTests.drafts.indices {
            let result = try H.santun(["fix", "--platform", "x", "draf\(index).txt"], in: folder)
            #expect(!result.stderr.isEmpty)
            #expect(ConfidentialityTests.leaks(result.stderr).isEmpty, "draf\(index): \(result.stderr)")
        }
    }

    @Test func nothingButFixWriteStoresADraftsText() throws {
        let folder = try ConfidentialityTests.workspace()
        defer { H.cleanup(folder) }
        let scratch = try H.folder()
        defer { H.cleanup(scratch) }
        let environment = ["TMPDIR": scratch.appendingPathComponent("tmp").path, "HOME": scratch.appendingPathComponent("home").path,
                           "XDG_CACHE_HOME": scratch.appendingPathComponent("cache").path, "SANTUN_NO_CACHE": ""]
        for name in ["tmp", "home", "cache"] {
            try FileManager.default.createDirectory(at: scratch.appendingPathComponent(name), withIntermediateDirectories: true)
        }
        let files = (0..<ConfidentialityTests.drafts.count).map { "draf\($0).txt" }
        try H.write("Rapat Proyek Garuda, tolong bikin notulen.\n", to: folder.appendingPathComponent("tulis.txt"))
        try FileManager.default.copyItem(at: TestSupport.repoRoot.appendingPathComponent("Tests/SantunTests/Fixtures/xx.yml"),
                                         to: folder.appendingPathComponent("xx.yml"))
        try H.write("confidential-terms: [istilah.txt]\npacks: [xx.yml]\n", to: folder.appendingPathComponent(".santun.yml"))
        let commands: [[String]] = [
            ["check", "--format", "sarif", "--no-redact"] + files,
            ["check", "--format", "json", "--jobs", "2", "--write-baseline", "dasar.txt"] + files,
            ["check", "--baseline", "dasar.txt"] + files,
            ["check", "-"],
            ["fix", "draf0.txt"], ["fix", "--diff"] + files,
            ["fix", "--write", "tulis.txt"],
        ]
        for command in commands {
            let result = try H.santun(command, in: folder, stdin: Data(ConfidentialityTests.drafts[0].utf8), environment: environment)
            #expect(!result.timedOut && !result.signalled, "\(command)")
            #expect([0, 1].contains(result.status), "\(command): \(result.stderr)")
        }
        #expect(try String(contentsOf: folder.appendingPathComponent("tulis.txt"), encoding: .utf8) == "Rapat Proyek Garuda, tolong membuat notulen.\n")
        // Every file now on disk, apart from the drafts, the term list and the pack, is free of secrets.
        let inputs: Set<String> = Set(files + ["tulis.txt", "istilah.txt", "xx.yml", ".santun.yml"])
        var written: [URL] = []
        for root in [folder, scratch] {
            let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey])
            while let url = enumerator?.nextObject() as? URL {
                guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
                if root == folder && inputs.contains(url.lastPathComponent) { continue }
                written.append(url)
            }
        }
        #expect(written.contains { $0.lastPathComponent == "dasar.txt" }, "the baseline was written")
        for url in written {
            let text = String(decoding: try Data(contentsOf: url), as: UTF8.self)
            #expect(ConfidentialityTests.leaks(text).isEmpty, "\(url.path) holds \(ConfidentialityTests.leaks(text))")
        }
        #expect(H.files(in: folder, containing: ".santun-").isEmpty)
    }
}
