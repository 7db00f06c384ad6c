import ArgumentParser
import TillitStore

struct ForgetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "forget",
        abstract: "Erase a person's posts, or one post, and every row derived from them.",
        discussion: """
        --author takes the handle as it appears in the source (e.g. @anna or "Anna K."); Tillit computes its \
        pseudonym with the store's key and erases every post by it. --post takes SOURCE:ID (the record's \
        source and id, e.g. ndjson:tw-000165). Erased rows are overwritten in the database file \
        (secure_delete) and the write-ahead log is checkpointed. Reports written before must be written again.

        EXAMPLES
          tillit forget --db out/tillit.sqlite --author @karinnystrom
          tillit forget --db out/tillit.sqlite --post csv:rv-00001
        """
    )

    @OptionGroup var store: StoreOptions

    @Option(name: .customLong("author"), help: ArgumentHelp("The author's handle or name as in the source.", valueName: "HANDLE"))
    var author: String?

    @Option(name: .customLong("post"), help: ArgumentHelp("One post as SOURCE:ID, or ID when only one source has it.", valueName: "SOURCE:ID"))
    var post: String?

    func validate() throws {
        if (author == nil) == (post == nil) { throw ValidationError("give exactly one of --author HANDLE or --post SOURCE:ID") }
        if let p = post, p.isEmpty { throw ValidationError("--post takes SOURCE:ID, e.g. ndjson:tw-000165") }
    }

    func run() throws {
        let db = try store.open(create: false)
        let report: ErasureReport
        let what: String
        do {
            if let a = author {
                let pseudonym = Pseudonymizer(key: try db.pseudonymKey()).pseudonym(a)
                report = try db.forget(authorPseudonym: pseudonym)
                what = "author \(pseudonym)"
            } else {
                let p = post!
                var source = "", id = p
                if let colon = p.firstIndex(of: ":"), try db.sources(id: String(p[p.index(after: colon)...])).contains(String(p[..<colon])) {
                    source = String(p[..<colon]); id = String(p[p.index(after: colon)...])
                } else {
                    // a bare id (which may itself contain colons): it must name exactly one post
                    let sources = try db.sources(id: p)
                    if sources.count > 1 {
                        throw TillitFailure(status: .usage, message: "post id '\(p)' exists in several sources (\(sources.joined(separator: ", "))); use --post SOURCE:ID")
                    }
                    source = sources.first ?? ""
                }
                report = try db.forget(source: source, id: id)
                what = "post \(source.isEmpty ? id : source + ":" + id)"
            }
        } catch let e as DatabaseError {
            throw TillitFailure(status: .fatal, message: "\(store.path): \(e.description)")
        }
        print("erased \(what): \(report.posts) post(s), \(report.retailerRows) retailer row(s), \(report.aspectRows) aspect row(s), \(report.driverRows) driver row(s)")
        if report.posts == 0 { Diagnostics.note("nothing matched; nothing was erased") }
    }
}
