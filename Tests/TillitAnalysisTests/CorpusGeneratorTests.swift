import Testing
import TillitCore
import TillitImport
import TillitTestSupport
@testable import TillitAnalysis

@Suite struct CorpusGeneratorTests {
    let generator = try! CorpusGenerator(directory: Golden.packageRoot() + "/Corpora/generator")

    func corpus(_ n: Int, seed: UInt64, format: String) -> String {
        var rng = CorpusGenerator.Random(seed: seed)
        let start = ISOWeek("2026-W36")!.start
        return (0..<n).map { generator.render(generator.post($0, rng: &rng, start: start, seconds: 12 * 7 * 86_400), format: format) }.joined()
    }

    @Test("the same seed gives byte-identical output; another seed does not")
    func deterministic() {
        #expect(corpus(300, seed: 5, format: "ndjson") == corpus(300, seed: 5, format: "ndjson"))
        #expect(corpus(300, seed: 5, format: "ndjson") != corpus(300, seed: 6, format: "ndjson"))
    }

    @Test("every generated line is valid JSON with an id, text and a time inside the weeks", arguments: ["ndjson", "twitter-v2", "reddit", "trustpilot"])
    func valid(_ format: String) throws {
        let lines = corpus(500, seed: 9, format: format).split(separator: "\n")
        #expect(lines.count == 500)
        var langs: [String: Int] = [:]
        for l in lines {
            let v = try JSONParser.parse(Array(l.utf8))
            #expect((v["text"] ?? v["body"])?.text?.isEmpty == false)
            let text = (v["text"] ?? v["body"])?.text ?? ""
            #expect(text.firstIndex(of: "{") == nil, "unfilled slot in \(text)")
            if let lang = (v["lang"] ?? v["language"])?.text { langs[lang, default: 0] += 1 }
        }
        if format != "reddit" { #expect((langs["sv"] ?? 0) > (langs["en"] ?? 0)) }
    }
}
