// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "Dossier",
    products: [
        .executable(name: "dossier", targets: ["dossier"]),
        .library(name: "DossierCore", targets: ["DossierCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/x-sheep/swift-property-based.git", exact: "2.0.1"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", exact: "1.8.2"),
    ],
    targets: [
        .target(name: "DossierTime"),
        .target(name: "DossierRegex"),
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        .target(name: "CMappedFile"),
        .target(name: "DossierCore", dependencies: ["DossierTime", "DossierRegex", "CLibXML2", "CMappedFile"]),
        .systemLibrary(
            name: "CEditline",
            pkgConfig: "libedit",
            providers: [.apt(["libedit-dev"])]
        ),
        .target(name: "LineEditing", dependencies: ["CEditline"]),
        .target(name: "DossierShell", dependencies: [
            "DossierCore", "LineEditing", .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .executableTarget(name: "dossier", dependencies: ["DossierShell"]),
        .executableTarget(name: "dossier-dates", dependencies: ["DossierTime"]),
        .testTarget(name: "DossierTimeTests", dependencies: ["DossierTime"]),
        .testTarget(name: "DossierRegexTests", dependencies: ["DossierRegex"]),
        .testTarget(name: "DossierCoreTests", dependencies: ["DossierCore"], exclude: ["Golden", "WebPages"]),
        .testTarget(name: "DossierShellTests", dependencies: ["DossierShell", "LineEditing"], exclude: ["Fixtures"]),
        .testTarget(name: "TranscriptTests", dependencies: ["dossier"]),
        .testTarget(name: "PropertyTests", dependencies: [
            "DossierCore", "DossierTime", .product(name: "PropertyBased", package: "swift-property-based"),
        ]),
    ]
)
