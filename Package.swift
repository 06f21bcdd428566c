// swift-tools-version: 6.0
import PackageDescription

let package = Package(
  name: "coach",
  platforms: [.macOS(.v13)],
  products: [
    .executable(name: "coach", targets: ["coach"]),
    .executable(name: "coach-xapi", targets: ["coach-xapi"]),
    .library(name: "CoachKit", targets: ["CoachKit"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    // Test- and benchmark-only: a reference YAML parser for differential tests and
    // the parser benchmark. No product target depends on it.
    .package(url: "https://github.com/jpsim/Yams", exact: "5.0.1"),
  ],
  targets: [
    // Core library: pure, no terminal I/O.
    .target(name: "CoachKit", linkerSettings: [.linkedLibrary("m")]),

    // Terminal shell
    .systemLibrary(
      name: "CReadline",
      providers: [.apt(["libreadline-dev"])]
    ),
    .executableTarget(
      name: "coach",
      dependencies: [
        "CoachKit",
        "CReadline",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),

    // The learning record store client: a separate program, so that `coach` itself never loads
    // the networking stack (it is started only when an LRS is configured).
    .executableTarget(
      name: "coach-xapi",
      dependencies: [
        "CoachKit", .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),

    // Benchmarks and fuzzing (not part of the product)
    .executableTarget(
      name: "coach-bench",
      dependencies: ["CoachKit", .product(name: "Yams", package: "Yams")],
      path: "Benchmarks/coach-bench"
    ),
    .executableTarget(
      name: "coach-fuzz",
      dependencies: ["CoachKit"],
      path: "Fuzz/coach-fuzz"
    ),

    // Tests
    .target(
      name: "CoachTestSupport",
      dependencies: ["CoachKit"],
      path: "Tests/CoachTestSupport"
    ),
    .testTarget(
      name: "CoachKitTests",
      dependencies: [
        "CoachKit", "CoachTestSupport", .product(name: "Yams", package: "Yams"),
      ],
      resources: [.copy("Fixtures")]
    ),
    .testTarget(
      name: "CoachEndToEndTests",
      dependencies: ["coach", "coach-xapi", "CoachTestSupport"],
      // Read from the source tree (`#filePath`), so a recording lands where it is committed.
      exclude: ["Golden"]
    ),
  ]
)
