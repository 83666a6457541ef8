import Foundation
import Testing

/// Configuration through the real binary: discovery upward from the file, overrides, a company
/// pack written in a temporary folder (no recompiling), term lists, and errors with file and line.
@Suite struct ConfigTests {
    static let companyPack = """
        pack: acme
        language: id
        description: Istilah internal PT Acme.
        rules:
          - id: acme.codename
            kind: lexicon
            category: confidential
            severity: error
            message: "“{match}” adalah nama kode internal."
            rationale: Nama kode proyek belum boleh diumumkan.
            entries:
              - match: proyek merpati
            examples:
              - bad: "Besok rapat ⟦Proyek Merpati⟧."
              - good: "Besok rapat tim pemasaran."
        """

    func rules(_ run: TestSupport.Run) throws -> [String] {
        try CLI.findings(run.stdout).map { $0.finding["rule"] as! String }
    }

    @Test func companyPackNamedInConfigWorksWithoutRecompiling() throws {
        let folder = try CLI.folder([
            ".santun.yml": "packs: [santun/acme.yml]\n",
            "santun/acme.yml": ConfigTests.companyPack,
            "posts/deep/draf.txt": "Update Proyek Merpati minggu ini.\n",
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        // Found upward from the file's folder, whatever the working directory.
        let run = try CLI.run(["check", "--format", "json", "--no-redact", folder.appendingPathComponent("posts/deep/draf.txt").path])
        #expect(run.status == 1)
        #expect(try rules(run).filter { !$0.hasPrefix("foreign-terms.") } == ["acme.codename"])
        let listed = try CLI.run(["rules", "--pack", "acme"], in: folder)
        #expect(listed.stdout.contains("acme.codename"))
    }

    @Test func overridesDisableAllowAndSeverity() throws {
        let folder = try CLI.folder([
            ".santun.yml": "disable: [foreign-terms]\nallow: [Kopi Senja]\nseverity:\n  slang: error\nfail-on: warning\n",
            "a.txt": "Kopi Senja udah buka, cek link di bio.\n",
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try CLI.run(["check", "--format", "json", "a.txt"], in: folder)
        let found = try CLI.findings(run.stdout).map { ($0.finding["rule"] as! String, $0.finding["severity"] as! String) }
        #expect(found.map(\.0).count == 1 && found[0].0.hasPrefix("slang."))
        #expect(found.map(\.1) == ["error"])
        #expect(run.status == 1)
    }

    /// The company's own contacts in `allow` (an official WhatsApp line, a payment account, a
    /// shop's mailbox) are not reported as personal data, however their digits are grouped;
    /// anyone else's still are.
    @Test func allowedContactsAreNotPersonalData() throws {
        let folder = try CLI.folder([
            ".santun.yml": "allow: [\"+62 811-1234-5678\", halo.kopisenja@gmail.com, \"BCA 527 100 4839\"]\n",
            "a.txt": "Hubungi WhatsApp resmi 0811 1234 5678 atau halo.kopisenja@gmail.com.\n"
                + "Transfer ke rekening BCA 527-100-4839.\nHP pelanggan 0812-3456-7890, e-mail rina.w88@gmail.com.\n",
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try CLI.run(["check", "--format", "json", "a.txt"], in: folder)
        let found = try CLI.findings(run.stdout).filter { ($0.finding["category"] as! String) == "pii" }
        #expect(found.map { $0.finding["rule"] as! String } == ["pii.phone", "pii.email"])
        #expect(found.allSatisfy { ($0.finding["line"] as! Int) == 3 })
    }

    @Test func confidentialTermListsPlainAndHashed() throws {
        let hash = try CLI.run(["hash", "Proyek Garuda", "--salt", "garam", "--format", "line"])
        #expect(hash.status == 0)
        let line = hash.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(line.hasPrefix("sha256:") && !line.lowercased().contains("garuda"))
        let folder = try CLI.folder([
            ".santun.yml": "confidential-terms: [istilah.txt]\n",
            "istilah.txt": "# istilah rahasia\nKode Kenari\nsalt: garam\n\(line)\n",
            "a.txt": "Soal #ProyekGaruda dan kode kenari, PROYEK  GARUDA-nya jalan.\n",
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try CLI.run(["check", "--format", "json", "--no-redact", "a.txt"], in: folder)
        let matches = try CLI.findings(run.stdout).map { $0.finding["match"] as! String }
        #expect(matches == ["#ProyekGaruda", "kode kenari", "PROYEK  GARUDA-nya"])
    }

    @Test func configErrorsNameFileLineAndKey() throws {
        let folder = try CLI.folder([
            ".santun.yml": "platform: x\nfail-onn: error\n",
            "b/.santun.yml": "disable: [slang.no-such-rule]\n",
            "c/.santun.yml": "packs: [bad.yml]\n",
            "c/bad.yml": ConfigTests.companyPack.replacingOccurrences(of: "⟦Proyek Merpati⟧", with: "⟦Proyek⟧ Merpati"),
            "a.txt": "halo\n", "b/a.txt": "halo\n", "c/a.txt": "halo\n",
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        let unknownKey = try CLI.run(["check", "a.txt"], in: folder)
        #expect(unknownKey.status == 2)
        #expect(unknownKey.stderr.contains(".santun.yml:2:1: unknown key 'fail-onn'"))
        let unknownRule = try CLI.run(["check", "b/a.txt"], in: folder)
        #expect(unknownRule.status == 2)
        #expect(unknownRule.stderr.contains("b/.santun.yml:1:1: unknown rule, pack or category 'slang.no-such-rule'"))
        let failingExample = try CLI.run(["check", "c/a.txt"], in: folder)
        #expect(failingExample.status == 2)
        #expect(failingExample.stderr.contains("bad.yml:14:1: acme.codename: bad example"))
    }

    @Test func initWritesAStarterThatLoads() throws {
        let folder = try CLI.folder(["a.txt": "Selamat pagi.\n"])
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try CLI.run(["init"], in: folder).status == 0)
        #expect(try CLI.run(["init"], in: folder).status == 2, "refuses to overwrite")
        #expect(try CLI.run(["check", "a.txt"], in: folder).status == 0)
    }
}
