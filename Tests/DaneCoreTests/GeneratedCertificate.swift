import Foundation

/// A self-signed certificate made by the openssl command for this test run (nothing committed).
struct GeneratedCertificate {
    let certificateDER: [UInt8]
    let publicKeyDER: [UInt8]

    init() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("danecheck-cert-\(UUID())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let key = dir.appendingPathComponent("key.pem").path
        let cert = dir.appendingPathComponent("cert.der").path
        let spki = dir.appendingPathComponent("spki.der").path
        try Self.openssl(["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                          "-keyout", key, "-subj", "/CN=mx.example.test", "-days", "30", "-outform", "DER", "-out", cert])
        try Self.openssl(["pkey", "-in", key, "-pubout", "-outform", "DER", "-out", spki])
        certificateDER = [UInt8](try Data(contentsOf: URL(fileURLWithPath: cert)))
        publicKeyDER = [UInt8](try Data(contentsOf: URL(fileURLWithPath: spki)))
    }

    private static func openssl(_ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/openssl")
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw CocoaError(.executableLoad, userInfo: [NSLocalizedDescriptionKey: "openssl \(arguments[0]) failed"])
        }
    }
}
