import ArgumentParser
import TillitImport

struct FormatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "formats",
        abstract: "List the input formats, one line each.",
        discussion: "Compression (gzip, zstd, bzip2, xz) is recognised from the bytes for every format; --format auto recognises the format from content."
    )
    func run() throws {
        let w = Formats.all.map(\.name.count).max() ?? 8
        for f in Formats.all { print(f.name + String(repeating: " ", count: w - f.name.count + 2) + f.summary) }
    }
}
