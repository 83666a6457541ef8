import XCTest
@testable import SantunCore

/// A few end-to-end checks under XCTest, so both of `swift test`'s runners report real tests
/// (everything else uses Swift Testing).
final class SmokeXCTests: XCTestCase {
    func testSampleDraftIsCheckedWithFindingsButNoError() throws {
        let sample = TestSupport.repoRoot.appendingPathComponent("corpora/sample/promo.txt").path
        let run = try TestSupport.run(["check", "--format", "line", sample])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(run.stdout.contains("tone.exclamation"))
        XCTAssertTrue(run.stdout.contains("nonstandard.preposition"))
    }

    func testVersionAndInvalidUTF8() throws {
        XCTAssertEqual(try TestSupport.run(["--version"]).status, 0)
        let bad = try TestSupport.run(["check", "-"], stdin: Data([0x61, 0xFF, 0x62]))
        XCTAssertEqual(bad.status, 2)
        XCTAssertTrue(bad.stderr.contains("invalid UTF-8 at byte offset 1"))
    }
}
