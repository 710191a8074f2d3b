// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "danecheck",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "danecheck", targets: ["danecheck"]),
        .library(name: "DaneCore", targets: ["DaneCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        .systemLibrary(name: "CLDNS", path: "Sources/CLDNS", pkgConfig: "ldns",
                       providers: [.apt(["libldns-dev"])]),
        .systemLibrary(name: "COpenSSL", path: "Sources/COpenSSL", pkgConfig: "libssl",
                       providers: [.apt(["libssl-dev"])]),
        .systemLibrary(name: "CEditLine", path: "Sources/CEditLine", pkgConfig: "libedit",
                       providers: [.apt(["libedit-dev"])]),
        .target(name: "DaneCore", dependencies: ["CLDNS", "COpenSSL"]),
        .target(name: "DaneCommands", dependencies: [
            "DaneCore",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .target(name: "DaneConsole", dependencies: [
            "DaneCommands", "DaneCore", "CEditLine",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .executableTarget(name: "danecheck", dependencies: [
            "DaneConsole", "DaneCommands",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "DaneCoreTests", dependencies: ["DaneCore", "CLDNS", "TestSupport"]),
        .testTarget(name: "IntegrationTests", dependencies: ["DaneCore", "DaneCommands", "TestSupport"]),
        .testTarget(name: "DaneConsoleTests", dependencies: ["DaneConsole", "DaneCore"]),
    ]
)
