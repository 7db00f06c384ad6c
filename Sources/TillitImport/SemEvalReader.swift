import TillitCore

/// A SemEval aspect-based sentiment sentence with its gold labels.
public struct SemEvalSentence: Sendable, Equatable {
    /// An aspect term with its polarity and character offsets into `text` (SemEval 2014 `aspectTerm`,
    /// 2015/16 `Opinion target`).
    public struct AspectTerm: Sendable, Equatable {
        public var term: String
        public var polarity: String
        public var from: Int?
        public var to: Int?
    }
    /// An aspect category with its polarity (2014 `aspectCategory`, 2015/16 `Opinion category`).
    public struct AspectCategory: Sendable, Equatable {
        public var category: String
        public var polarity: String
    }
    public var id: String
    public var text: String
    /// The review the sentence belongs to (2015/16 `Review rid`), if any.
    public var reviewID: String?
    public var aspectTerms: [AspectTerm]
    public var aspectCategories: [AspectCategory]
    public var origin: RecordOrigin
}

/// Reads SemEval ABSA XML (2014 Task 4 `<sentences>`, 2015/2016 `<Reviews>`) as labelled sentences,
/// streamed, for evaluation against the gold polarities.
///
///     let r = try SemEvalReader(path: "ABSA14_restaurants-trial.xml")
///     while let s = try r.next() { s.aspectTerms.map(\.polarity) }  // ["positive", …]
public final class SemEvalReader {
    private let reader: XMLRecordReader
    private let collector: SemEvalMapper

    public init(path: String) throws(ImportError) {
        collector = SemEvalMapper()
        collector.keepSentences = true
        reader = try XMLRecordReader(source: try ByteSource(path: path), mapper: collector)
    }

    /// The next sentence, or nil at the end. Broken XML throws with its line.
    public func next() throws(ImportError) -> SemEvalSentence? {
        while collector.sentences.isEmpty {
            guard let ev = try reader.next() else { return nil }
            if case .rejected(let o, let reason, _) = ev { throw ImportError(file: o.file, reason: "line \(o.line): \(reason)") }
        }
        return collector.sentences.removeFirst()
    }

    /// Every sentence of a file.
    public static func read(path: String) throws(ImportError) -> [SemEvalSentence] {
        let r = try SemEvalReader(path: path)
        var out: [SemEvalSentence] = []
        while let s = try r.next() { out.append(s) }
        return out
    }
}

/// Maps SemEval `<sentence>` elements to posts (id and text) and, for `SemEvalReader`, to labelled sentences.
final class SemEvalMapper: XMLRecordMapper {
    let source = "semeval"
    let recordNames: Set<String> = ["sentence"]
    var keepSentences = false
    var sentences: [SemEvalSentence] = []
    private var review: String?

    func observe(element name: String, attributes: [(String, String)], depth: Int) {
        if name == "Review" { review = attributes.first { $0.0 == "rid" }?.1 }
    }

    func map(_ s: XMLElement, _ origin: RecordOrigin, into out: inout [ImportEvent]) {
        guard let id = s.attribute("id") else { out.append(.rejected(origin, reason: "sentence without id", snippet: "")); return }
        let text = s.element("text")?.text ?? ""
        if keepSentences {
            var terms: [SemEvalSentence.AspectTerm] = []
            var cats: [SemEvalSentence.AspectCategory] = []
            for t in s.element("aspectTerms")?.elements("aspectTerm") ?? [] {
                terms.append(.init(term: t.attribute("term") ?? "", polarity: t.attribute("polarity") ?? "",
                                   from: t.attribute("from").flatMap { Int($0) }, to: t.attribute("to").flatMap { Int($0) }))
            }
            for c in s.element("aspectCategories")?.elements("aspectCategory") ?? [] {
                cats.append(.init(category: c.attribute("category") ?? "", polarity: c.attribute("polarity") ?? ""))
            }
            for o in s.element("Opinions")?.elements("Opinion") ?? [] {
                let polarity = o.attribute("polarity") ?? ""
                if let target = o.attribute("target"), target != "NULL" {
                    terms.append(.init(term: target, polarity: polarity, from: o.attribute("from").flatMap { Int($0) }, to: o.attribute("to").flatMap { Int($0) }))
                }
                if let c = o.attribute("category") { cats.append(.init(category: c, polarity: polarity)) }
            }
            sentences.append(SemEvalSentence(id: id, text: text, reviewID: review, aspectTerms: terms, aspectCategories: cats, origin: origin))
        }
        if MapperSupport.isBlank(text) { out.append(.skipped(origin, reason: "empty text")); return }
        var post = Post(id: id, source: source, text: text, origin: origin)
        if let r = review { post.parentID = r }
        out.append(.post(post))
    }
}
