// swift-tools-version:6.1
import PackageDescription

// Swift 6 language mode with the upcoming features the house style asks for.
let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "Accord",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "accord", targets: ["accord"]),
        .library(name: "AccordCore", targets: ["AccordCore"]),
        .library(name: "GitStore", targets: ["GitStore"]),
    ],
    // HTTPS in `accord serve` (--tls-cert/--tls-key) needs BoringSSL, which takes minutes to
    // compile: only builds that ask for it (`swift build --traits TLS`) carry it.
    traits: [
        .trait(name: "TLS", description: "accord serve speaks HTTPS itself (--tls-cert, --tls-key): compiles BoringSSL."),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        // Reading and writing the zip containers of .docx and .xlsx files (see docs/import.md).
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        // The web UI (`accord serve`): see docs/commands/serve.md for why these two.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.0"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        // Only with the TLS trait: certificates, keys and the TLS handshake (BoringSSL).
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibGit2",
            pkgConfig: "libgit2",
            providers: [.apt(["libgit2-dev"])]
        ),
        .systemLibrary(
            name: "CICU",
            pkgConfig: "icu-uc",
            providers: [.apt(["libicu-dev"])]
        ),
        // SHA-256 for digests from the system's OpenSSL: maintained, fast, and nothing to build.
        .systemLibrary(
            name: "CCrypto",
            pkgConfig: "libcrypto",
            providers: [.apt(["libssl-dev"])]
        ),
        .target(
            name: "GitStore",
            dependencies: ["CLibGit2", "CCrypto"],
            swiftSettings: strictSettings
        ),
        .target(
            name: "AccordCore",
            dependencies: ["GitStore", "CICU", .product(name: "Yams", package: "Yams"),
                           .product(name: "GRDB", package: "GRDB.swift"), .product(name: "GRDBSQLite", package: "GRDB.swift"),
                           .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            swiftSettings: strictSettings,
            plugins: ["EmbedBuildFacts"]
        ),
        // The example tracker and the version, generated into AccordCore at build time.
        .executableTarget(name: "accord-build-facts"),
        .plugin(name: "EmbedBuildFacts", capability: .buildTool(), dependencies: ["accord-build-facts"]),
        .target(
            name: "AccordReports",
            // ZIPFoundation packs the .xlsx and .docx files the reports are also written as.
            dependencies: ["AccordCore", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            swiftSettings: strictSettings
        ),
        // The web UI: HTTP, pages from embedded templates, forms, accounts. The CLI only starts it.
        .target(
            name: "AccordServer",
            dependencies: [
                "AccordReports", "AccordCore", "GitStore", "CCrypto",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "HummingbirdTLS", package: "hummingbird", condition: .when(traits: ["TLS"])),
                .product(name: "NIOSSL", package: "swift-nio-ssl", condition: .when(traits: ["TLS"])),
            ],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "accord",
            dependencies: [
                "AccordReports", "AccordCore", "GitStore", "AccordServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strictSettings
        ),
        .target(
            name: "SyntheticTracker",
            dependencies: ["AccordCore", "GitStore"],
            path: "Benchmarks/Sources/SyntheticTracker",
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "accord-bench",
            dependencies: ["CLibGit2", "GitStore", "AccordCore", "SyntheticTracker",
                           .product(name: "ArgumentParser", package: "swift-argument-parser")],
            path: "Benchmarks/Sources/accord-bench",
            swiftSettings: strictSettings
        ),
        // Running processes with a deadline and scratch folders, shared by the test targets.
        .target(name: "TestSupport", dependencies: ["GitStore"], path: "Tests/TestSupport", swiftSettings: strictSettings),
        .testTarget(name: "GitStoreTests", dependencies: ["GitStore", "TestSupport"], swiftSettings: strictSettings),
        .testTarget(name: "AccordCoreTests", dependencies: ["AccordCore", "TestSupport", .product(name: "GRDB", package: "GRDB.swift")],
                    swiftSettings: strictSettings),
        .testTarget(name: "AccordReportsTests", dependencies: ["AccordReports", "TestSupport"], swiftSettings: strictSettings),
        .testTarget(name: "AccordServerTests", dependencies: ["AccordServer", .product(name: "Mustache", package: "swift-mustache")],
                    swiftSettings: strictSettings),
        .testTarget(name: "BenchmarkTests", dependencies: ["SyntheticTracker", "AccordCore", "GitStore", "TestSupport",
                                                          .product(name: "GRDB", package: "GRDB.swift")],
                    swiftSettings: strictSettings),
        .testTarget(name: "EndToEndTests", dependencies: ["accord", "accord-bench", "AccordCore", "AccordReports", "TestSupport"], swiftSettings: strictSettings),
    ]
)
