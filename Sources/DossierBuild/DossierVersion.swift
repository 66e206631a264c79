/// The tool's version, written into PDF metadata and manifests.
public enum DossierVersion {
    public static let current = "0.1.0"
}
