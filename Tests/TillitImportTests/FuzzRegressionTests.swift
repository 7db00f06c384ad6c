import Testing
import TillitCore
import TillitTestSupport
@testable import TillitImport

/// Every input `make fuzz` ever kept (Tests/Fixtures/fuzz) goes through every format to the end:
/// the importer may reject or fail cleanly, but must not crash or hang.
@Suite struct FuzzRegressionTests {
    static let dir = Golden.packageRoot() + "/Tests/Fixtures/fuzz"
    static let files = FileBytes.list(dir).filter { !$0.hasPrefix(".") }

    @Test("kept fuzz inputs never crash any importer", arguments: files)
    func replay(_ name: String) {
        for format in Formats.all.map(\.name) where format != "mapping" {
            do {
                let (reader, _) = try Formats.open(path: Self.dir + "/" + name, format: format, options: ImportOptions())
                var n = 0
                while try reader.next() != nil, n < 100_000 { n += 1 }
            } catch {
                // a clean, reported failure is fine
            }
        }
    }
}
