package dev.caadns.zone;

/** How bad a finding is: an error keeps a zone from being served, a warning does not. */
public enum Severity {
    ERROR, WARNING;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
