// swift-tools-version: 6.1
// Tillit — privacy and personalization sentiment about retailers, in Swedish, Danish and English.
//
// Layering (see docs/architecture.md):
//   TillitCore        value types and rules; standard library only, no I/O, no C
//   CTillit*          one thin C shim per system library (ICU, libxml2, compression, SQLite, Snowball)
//   TillitText        Swift wrappers over ICU + tokenizer, normaliser, language identification
//   TillitImport      importers: containers (gzip/zstd/bz2/xz), JSON/NDJSON/CSV/XML dump formats
//   TillitAnalysis    lexicon loading, per-language analyzers, the analysis pipeline, record writers
//   TillitStore       the embedded SQLite store
//   TillitReport      weekly report and benchmark (HTML, CSV, JSON)
//   tillit            the thin command-line executable (swift-argument-parser)
import PackageDescription

let package = Package(
    name: "Tillit",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "tillit", targets: ["tillit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
    ],
    targets: [
        // C shims: their public headers expose only <stdint.h>/<stddef.h> types and opaque handles.
        .target(name: "CTillitICU", linkerSettings: [.linkedLibrary("icuuc"), .linkedLibrary("icudata")]),
        .target(name: "CTillitXML",
                cSettings: [.unsafeFlags(["-I/usr/include/libxml2"])],
                linkerSettings: [.linkedLibrary("xml2")]),
        .target(name: "CTillitCompress",
                linkerSettings: [.linkedLibrary("z"), .linkedLibrary("zstd"), .linkedLibrary("bz2"), .linkedLibrary("lzma")]),
        .target(name: "CTillitStemmer", linkerSettings: [.linkedLibrary("stemmer")]),
        .target(name: "CTillitSQLite", linkerSettings: [.linkedLibrary("sqlite3")]),

        .target(name: "TillitCore"),
        .target(name: "TillitText", dependencies: ["TillitCore", "CTillitICU", "CTillitStemmer"]),
        .target(name: "TillitImport", dependencies: ["TillitCore", "CTillitXML", "CTillitCompress"]),
        .target(name: "TillitAnalysis", dependencies: ["TillitCore", "TillitText", "TillitImport"]),
        .target(name: "TillitStore", dependencies: ["TillitCore", "TillitImport", "TillitAnalysis", "CTillitSQLite",
                                                    .product(name: "Crypto", package: "swift-crypto")]),
        .target(name: "TillitReport", dependencies: ["TillitCore", "TillitStore"]),
        .executableTarget(name: "tillit", dependencies: [
            "TillitCore", "TillitText", "TillitImport", "TillitAnalysis", "TillitStore", "TillitReport",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),

        // Seeded random-mutation fuzzer over every importer (make fuzz).
        .executableTarget(name: "tillit-fuzz", dependencies: ["TillitCore", "TillitImport", "TillitAnalysis"]),
        // Test support: golden files and temporary files (no Foundation).
        .target(name: "TillitTestSupport"),
        .testTarget(name: "TillitCoreTests", dependencies: ["TillitCore"]),
        .testTarget(name: "TillitTextTests", dependencies: ["TillitText", "TillitCore"]),
        .testTarget(name: "TillitImportTests", dependencies: ["TillitImport", "TillitCore", "TillitTestSupport"]),
        .testTarget(name: "TillitAnalysisTests", dependencies: ["TillitAnalysis", "TillitText", "TillitImport", "TillitCore", "TillitTestSupport"]),
        .testTarget(name: "TillitCLITests", dependencies: ["TillitCore", "TillitTestSupport"]),
        .testTarget(name: "TillitStoreTests", dependencies: ["TillitStore", "TillitAnalysis", "TillitImport", "TillitCore", "TillitTestSupport"]),
        .testTarget(name: "TillitReportTests", dependencies: ["TillitReport", "TillitStore", "TillitAnalysis", "TillitCore", "TillitTestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
