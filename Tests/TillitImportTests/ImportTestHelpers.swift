import TillitCore
import TillitTestSupport
@testable import TillitImport

func skipReasons(_ evs: [ImportEvent]) -> [String] {
    evs.compactMap { if case .skipped(_, let r) = $0 { return r }; return nil }
}

func hints(_ p: Post, _ kind: TargetHint.Kind) -> [String] { p.hints.filter { $0.kind == kind }.map(\.value) }

/// One line per event, with every field, for comparisons and failure messages.
func describe(_ e: ImportEvent) -> String {
    switch e {
    case .post(let p):
        return "post \(p.id) [\(p.source)] \(p.origin.file):\(p.origin.line)#\(p.origin.record) text=\(p.text.debugDescription) author=\(p.author ?? "-") "
            + "created=\(p.createdAt?.iso8601 ?? "-") lang=\(p.languageHint ?? "-") rating=\(p.rating.map { "\($0)" } ?? "-") "
            + "parent=\(p.parentID ?? "-") url=\(p.url ?? "-") hints=\(p.hints.map { "\($0.kind.rawValue):\($0.value)" })"
    case .skipped(let o, let r): return "skipped \(o.file):\(o.line)#\(o.record) \(r)"
    case .rejected(let o, let r, let s): return "rejected \(o.file):\(o.line)#\(o.record) \(r) | \(s)"
    }
}

func joinsOptions(_ joins: [String: String]) -> ImportOptions {
    var o = ImportOptions()
    o.joins = joins
    return o
}
