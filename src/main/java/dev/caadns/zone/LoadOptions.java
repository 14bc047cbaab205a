package dev.caadns.zone;

/**
 * Limits that keep a zone file from making the loader do unbounded work.
 *
 * @param maxIncludeDepth how deep {@code $INCLUDE} may nest (the main file is depth 0)
 * @param maxGenerateRange how many records one {@code $GENERATE} may produce
 */
public record LoadOptions(int maxIncludeDepth, int maxGenerateRange) {

    public LoadOptions {
        if (maxIncludeDepth < 0 || maxGenerateRange < 1) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }

    public static LoadOptions defaults() {
        return new LoadOptions(8, 65536);
    }
}
