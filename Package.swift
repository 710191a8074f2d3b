// swift-tools-version:6.0
import Foundation
import PackageDescription

let package = Package(
    name: "danecheck",
    platforms: [.macOS(.v15)],
    products: [
        // The command line and console: no SwiftNIO in its build.
        .executable(name: "danecheck", targets: ["danecheck"]),
        // The Prometheus exporter, a program of its own (as blackbox_exporter is).
        .executable(name: "danecheck-exporter", targets: ["danecheck-exporter"]),
        .library(name: "DaneCore", targets: ["DaneCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        // The exporter: Hummingbird (SwiftNIO's HTTP/1.1 parser, bounded headers, linear parsing),
        // the Prometheus exposition format, and the module file in YAML.
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.8.0"),
        // The HTML report and JUnit XML: logic-less templates that escape every value (no dependencies).
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", from: "2.1.1"),
        // The TLSRPT report store of the exporter (SQLite); danecheck uses only its C module.
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
        // bcrypt for the exporter's basic_auth_users (OpenBSD's bcrypt, in C; its HummingbirdBcrypt
        // target needs nothing else of the package).
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth.git", from: "2.5.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.0"),
    ],
    targets: [
        .systemLibrary(name: "CLDNS", path: "Sources/CLDNS", pkgConfig: "ldns",
                       providers: [.apt(["libldns-dev"])]),
        .systemLibrary(name: "COpenSSL", path: "Sources/COpenSSL", pkgConfig: "libssl",
                       providers: [.apt(["libssl-dev"])]),
        .systemLibrary(name: "CEditLine", path: "Sources/CEditLine", pkgConfig: "libedit",
                       providers: [.apt(["libedit-dev"])]),
        // zlib, for gzip TLSRPT reports (RFC 8460 §5.3 application/tlsrpt+gzip).
        .systemLibrary(name: "CZlib", path: "Sources/CZlib", pkgConfig: "zlib",
                       providers: [.apt(["zlib1g-dev"])]),
        .target(name: "DaneCore", dependencies: ["CLDNS", "COpenSSL", "CZlib"]),
        // Pictures and reports rendered from the core's values: DOT graphs, the HTML report, JUnit XML.
        .target(name: "DaneRender", dependencies: [
            "DaneCore",
            .product(name: "Mustache", package: "swift-mustache"),
        ]),
        // The TLSRPT report database's layout and a read-only reader (SQLite's C library only).
        .target(name: "DaneTLSRPTStore", dependencies: [
            "DaneCore", .product(name: "GRDBSQLite", package: "GRDB.swift"),
        ]),
        .target(name: "DaneCommands", dependencies: [
            "DaneCore", "DaneRender", "DaneTLSRPTStore",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        // The exporter's module file and options: light (no SwiftNIO), so the fuzz binary has it.
        .target(name: "DaneExporterConfig", dependencies: [
            "DaneCore", "DaneCommands",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
            .product(name: "Yams", package: "Yams"),
        ]),
        .target(name: "DaneExporter", dependencies: [
            "DaneCore", "DaneCommands", "DaneExporterConfig", "DaneTLSRPTReceiver", "COpenSSL",
            .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
            .product(name: "HummingbirdCore", package: "hummingbird"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "Prometheus", package: "swift-prometheus"),
            .product(name: "Yams", package: "Yams"),
            .product(name: "Logging", package: "swift-log"),
            .product(name: "HTTPTypes", package: "swift-http-types"),
        ]),
        // The exporter's TLSRPT receiver (RFC 8460 §5.3 HTTPS POSTs, a maildir), storing through GRDB.
        .target(name: "DaneTLSRPTReceiver", dependencies: [
            "DaneCore", "DaneCommands", "DaneTLSRPTStore",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
            .product(name: "GRDB", package: "GRDB.swift"),
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "HTTPTypes", package: "swift-http-types"),
        ]),
        .target(name: "DaneConsole", dependencies: [
            "DaneCommands", "DaneCore", "CEditLine",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .executableTarget(name: "danecheck", dependencies: [
            "DaneConsole", "DaneCommands",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .executableTarget(name: "danecheck-exporter", dependencies: ["DaneExporter"]),
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "DaneCoreTests", dependencies: ["DaneCore", "DaneRender", "CLDNS", "TestSupport"]),
        .testTarget(name: "IntegrationTests", dependencies: ["DaneCore", "DaneCommands", "DaneExporter", "DaneExporterConfig", "DaneTLSRPTStore", "TestSupport"]),
        .testTarget(name: "DaneConsoleTests", dependencies: ["DaneConsole", "DaneCore"]),
    ]
)

// Fuzzing (`make fuzz`, `make fuzz-smoke`: scripts/fuzz.sh): one libFuzzer binary holding every
// target, built only when asked (DANECHECK_FUZZ=1), with -sanitize=fuzzer,address.
if ProcessInfo.processInfo.environment["DANECHECK_FUZZ"] == "1" {
    package.targets.append(.executableTarget(name: "danecheck-fuzz", dependencies: ["DaneCore", "DaneExporterConfig", "CLDNS", "COpenSSL"], path: "Fuzz/Sources"))
    package.products.append(.executable(name: "danecheck-fuzz", targets: ["danecheck-fuzz"]))
}
