// tillit-fuzz: a seeded random-mutation fuzzer for every importer (and the analyzer behind them).
//
//   tillit-fuzz SEEDS_DIR OUT_DIR [--seconds N] [--seed S]
//
// Mutates the seed files (bit flips, byte insertions and deletions, truncation, duplication of slices,
// splices of JSON/XML/CSV tokens, invalid UTF-8, NUL bytes, deep nesting), writes the input about to be
// tried to OUT_DIR/current.bin, and runs it through every format's reader to the end, then analyses the
// posts. A crash leaves current.bin behind; scripts/fuzz.sh saves it as a regression case.
import TillitCore
import TillitImport
import TillitAnalysis
#if canImport(Glibc)
import Glibc
#endif

let tokens: [[UInt8]] = ["{", "}", "[", "]", "\"", ":", ",", "\\u", "\\ud800", "\n", "\r", "\t", "<", ">", "&", "&aacute;", "<!ENTITY a \"aaaa\">",
                         "<![CDATA[", "]]>", "\"\"", "1e999999", "-0", "12345678901234567890123", "null", "true", "\u{0}", "\u{FEFF}"].map { Array($0.utf8) }

func mutate(_ input: [UInt8], _ rng: inout SplitMix64) -> [UInt8] {
    var b = input
    for _ in 0..<(1 + rng.below(8)) {
        switch rng.below(9) {
        case 0 where !b.isEmpty: let i = rng.below(b.count); b[i] ^= UInt8(1 << rng.below(8))
        case 1: b.insert(UInt8(truncatingIfNeeded: rng.next()), at: rng.below(b.count + 1))
        case 2 where !b.isEmpty: b.remove(at: rng.below(b.count))
        case 3 where !b.isEmpty: b = Array(b.prefix(rng.below(b.count)))
        case 4 where b.count > 2:
            let s = rng.below(b.count), e = min(b.count, s + 1 + rng.below(64))
            b.insert(contentsOf: b[s..<e], at: rng.below(b.count + 1))
        case 5: b.insert(contentsOf: tokens[rng.below(tokens.count)], at: rng.below(b.count + 1))
        case 6: b.insert(contentsOf: [0xC3, 0x28, 0xFF, 0xED, 0xA0, 0x80][rng.below(3)...], at: rng.below(b.count + 1))
        case 7: let depth = 1 + rng.below(2000); b.insert(contentsOf: Array(repeating: UInt8(ascii: rng.below(2) == 0 ? "[" : "{"), count: depth), at: rng.below(b.count + 1))
        default: if b.count < 1 << 20 { b += b.prefix(rng.below(b.count + 1)) }
        }
    }
    return b
}

func write(_ path: String, _ bytes: [UInt8]) {
    let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    guard fd >= 0 else { return }
    _ = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
    close(fd)
}

func now() -> Double { var ts = timespec(); clock_gettime(CLOCK_MONOTONIC, &ts); return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9 }

var args = Array(CommandLine.arguments.dropFirst())
var seconds = 60.0, seed: UInt64 = 1
if let i = args.firstIndex(of: "--seconds"), i + 1 < args.count { seconds = Double(args[i + 1]) ?? 60; args.removeSubrange(i...(i + 1)) }
if let i = args.firstIndex(of: "--seed"), i + 1 < args.count { seed = UInt64(args[i + 1]) ?? 1; args.removeSubrange(i...(i + 1)) }
guard args.count == 2 else { print("usage: tillit-fuzz SEEDS_DIR OUT_DIR [--seconds N] [--seed S]"); exit(1) }
let (seedsDir, outDir) = (args[0], args[1])
let seeds = FileBytes.list(seedsDir).filter { !FileBytes.isDirectory(seedsDir + "/" + $0) }.compactMap { try? FileBytes.read(seedsDir + "/" + $0) }
guard !seeds.isEmpty else { print("tillit-fuzz: no seed files in \(seedsDir)"); exit(1) }
let formats = Formats.all.map(\.name).filter { $0 != "mapping" } + ["auto"]
let analyzer: Analyzer? = LexiconLocator.find(nil).flatMap { try? LexiconLoader(directory: $0).load() }.map { Analyzer(bundle: $0) }
var rng = SplitMix64(seed: seed)
let current = outDir + "/current.bin"
let start = now()
var executions = 0, posts = 0, rejected = 0, fatal = 0
print("tillit-fuzz: seed \(seed), \(seeds.count) seed files, \(formats.count) formats, \(Int(seconds)) s")
while now() - start < seconds {
    let input = mutate(seeds[rng.below(seeds.count)], &rng)
    let format = formats[rng.below(formats.count)]
    write(current, input)
    write(outDir + "/current.format", Array(format.utf8))
    do {
        let (reader, _) = try Formats.open(path: current, format: format, options: ImportOptions())
        var n = 0
        while let ev = try reader.next() {
            n += 1
            if n > 100_000 { break }
            switch ev {
            case .post(let p): posts += 1; if let a = analyzer, posts % 3 == 0 { _ = a.analyze(p) }
            case .rejected: rejected += 1
            case .skipped: break
            }
        }
    } catch { fatal += 1 }
    executions += 1
}
unlink(current)
unlink(outDir + "/current.format")
print("tillit-fuzz: \(executions) executions in \(Int(now() - start)) s, no crash; \(posts) posts, \(rejected) rejections, \(fatal) fatal (clean) errors")
