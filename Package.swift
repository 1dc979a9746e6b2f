// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "nianbao",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "nianbao", targets: ["nianbao"]),
        .library(name: "NianbaoCore", targets: ["NianbaoCore"]),
    ],
    // Exact versions: an application pins what it is built with, so every fresh clone builds the same
    // code. (Package.resolved is not committed: the package mirror of this project's build machines
    // has its own commit ids, which a resolved file would pin elsewhere.)
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", exact: "3.12.3"),
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", exact: "0.9.20"),
    ],
    targets: [
        // OpenCC's C API (libopencc-dev): script conversion with Taiwan phrases.
        .systemLibrary(
            name: "COpenCC",
            pkgConfig: "opencc",
            providers: [.apt(["libopencc-dev"])]
        ),
        // libxml2's HTML parser (libxml2-dev): scraped report pages, in recovery mode.
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        // The keys of OpenCC's dictionaries, through its C++ API (the C API cannot list them): which
        // phrases exist, so that text no phrase can touch is converted from a table of OpenCC's answers.
        .target(name: "COpenCCDictionary", dependencies: ["COpenCC"]),
        // Atomic exchange of the old and new output folders (renameat2).
        .target(name: "CSystemShims"),
        .target(
            name: "NianbaoCore",
            dependencies: [
                "COpenCC",
                "COpenCCDictionary",
                "CLibXML2",
                "CSystemShims",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "GRDB", package: "GRDB.swift"),
                // Word documents (.docx) are zip archives.
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        .executableTarget(
            name: "nianbao",
            dependencies: [
                "NianbaoCore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            // jemalloc (libjemalloc-dev) in place of glibc's malloc: a run makes and frees millions of
            // small strings and arrays on every core, where glibc's arenas cost about a tenth of the CPU.
            linkerSettings: [.linkedLibrary("jemalloc", .when(platforms: [.linux]))]
        ),
        .testTarget(
            name: "NianbaoCoreTests",
            dependencies: ["NianbaoCore", .product(name: "GRDB", package: "GRDB.swift"), .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            exclude: ["Gold", "Fixtures"]
        ),
    ],
    cxxLanguageStandard: .cxx17
)
