import Dispatch
import TillitCore
#if canImport(Glibc)
import Glibc
#endif

/// Analyses batches of posts on several threads, one `Analyzer` per thread, and returns the encoded
/// records in input order — so output is byte-identical to a single-threaded run.
public final class BatchAnalyzer: @unchecked Sendable {
    let analyzers: [Analyzer]
    public var jobs: Int { analyzers.count }
    /// Text-layer seconds summed over the workers.
    public var textLayerSeconds: Double { analyzers.reduce(0) { $0 + $1.textLayerSeconds } }

    public init(bundle: LexiconBundle, jobs: Int, pseudonymizer: ((String) -> String)? = nil) {
        analyzers = (0..<max(1, jobs)).map { _ in
            let a = Analyzer(bundle: bundle)
            a.pseudonymizer = pseudonymizer
            return a
        }
    }

    /// The number of online CPU cores.
    public static var cores: Int { max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))) }

    /// Runs `body(analysis)` for each post on the worker threads and returns the results in order.
    public func map<R>(_ posts: [Post], forceLanguage: Language? = nil, keepText: Bool = false,
                       _ body: @escaping (PostAnalysis) -> R) -> [R] {
        var results = [R?](repeating: nil, count: posts.count)
        if analyzers.count == 1 || posts.count < 2 {
            for i in posts.indices { results[i] = body(analyzers[0].analyze(posts[i], forceLanguage: forceLanguage, keepText: keepText)) }
            return results.map { $0! }
        }
        let n = analyzers.count
        results.withUnsafeMutableBufferPointer { buf in
            let out = SendableBuffer(buf)
            let input = UncheckedBox(posts)
            let workers = UncheckedBox(analyzers)
            let transform = UncheckedBox(body)
            DispatchQueue.concurrentPerform(iterations: n) { k in
                let analyzer = workers.value[k]
                let count = input.value.count
                var i = k
                while i < count {
                    out.buffer[i] = transform.value(analyzer.analyze(input.value[i], forceLanguage: forceLanguage, keepText: keepText))
                    i += n
                }
            }
        }
        return results.map { $0! }
    }
}

/// A buffer written by disjoint indices from several threads.
struct SendableBuffer<T>: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<T>
    init(_ b: UnsafeMutableBufferPointer<T>) { buffer = b }
}

/// Values handed to worker threads that only read them (or use them per thread).
struct UncheckedBox<T>: @unchecked Sendable {
    let value: T
    init(_ v: T) { value = v }
}
