/// The version every program of the package prints with --version.
public enum DanecheckVersion {
    public static let current = "0.1.0"
}
