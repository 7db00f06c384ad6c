import TillitCore

/// A value in a figure's table: exported unchanged to CSV and JSON.
public enum FigureValue: Sendable, Equatable {
    case null
    case int(Int)
    case number(Double)
    case text(String)
    case bool(Bool)

    /// The CSV cell (numbers with at most 4 decimals, as in the records).
    var csv: String {
        switch self {
        case .null: ""
        case .int(let v): String(v)
        case .number(let v): formatNumber(v, 4)
        case .text(let s): csvField(s)
        case .bool(let b): b ? "true" : "false"
        }
    }

    func json(_ j: inout JSONBuilder) {
        switch self {
        case .null: j.raw("null")
        case .int(let v): j.raw(String(v))
        case .number(let v): j.number(v)
        case .text(let s): j.string(s)
        case .bool(let b): j.raw(b ? "true" : "false")
        }
    }
}

/// One figure of a report: the numbers behind one chart or table, under the same name in the HTML
/// (`id="fig-NAME"`, caption "NAME.csv / NAME.json") and in `NAME.csv` / `NAME.json`.
public struct Figure: Sendable {
    public var name: String
    public var title: String
    public var columns: [String]
    public var rows: [[FigureValue]]
    public init(name: String, title: String, columns: [String], rows: [[FigureValue]] = []) {
        self.name = name; self.title = title; self.columns = columns; self.rows = rows
    }

    /// RFC 4180 CSV with a header row, CRLF line ends.
    public var csv: String {
        var out = columns.joined(separator: ",") + "\r\n"
        for r in rows { out += r.map(\.csv).joined(separator: ",") + "\r\n" }
        return out
    }

    /// `{"name", "title", "columns", "rows": [{column: value}]}`, keys in column order.
    public var json: String {
        var j = JSONBuilder()
        j.raw("{"); j.key("name"); j.string(name)
        j.raw(","); j.key("title"); j.string(title)
        j.raw(","); j.key("columns"); j.raw("[")
        for (k, c) in columns.enumerated() { if k > 0 { j.raw(",") }; j.string(c) }
        j.raw("],"); j.key("rows"); j.raw("[")
        for (i, r) in rows.enumerated() {
            j.raw(i > 0 ? ",\n" : "\n"); j.raw("{")
            for (k, c) in columns.enumerated() {
                if k > 0 { j.raw(",") }
                j.key(c); (k < r.count ? r[k] : .null).json(&j)
            }
            j.raw("}")
        }
        j.raw("\n]}\n")
        return j.out
    }
}

/// CSV quoting with spreadsheet formula neutralisation (same rule as the record CSV).
func csvField(_ s: String) -> String {
    var v = s
    if let f = v.first, "=+@".contains(f) || (f == "-" && Double(v) == nil) || f == "\t" || f == "\r" { v = "'" + v }
    if v.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) || v != s {
        return "\"" + v.replacingAll("\"", with: "\"\"") + "\""
    }
    return v
}
