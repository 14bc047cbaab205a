package dev.caadns.zone;

import java.time.Duration;

/**
 * Limits that keep a zone file from making the loader do unbounded work ({@link LoadBudget}).
 *
 * @param maxIncludeDepth how deep {@code $INCLUDE} may nest (the main file is depth 0)
 * @param maxGenerateRange how many records one {@code $GENERATE} may produce
 * @param maxIncludeFiles how many files {@code $INCLUDE} may read for one zone, repeats counted
 * @param maxBytes bytes of zone-file text one zone may read, its includes together
 * @param maxGeneratedNames names all the zone's {@code $GENERATE}s may make together
 * @param maxRecords records one zone may hold
 * @param loadTimeout how long reading one zone may take
 */
public record LoadOptions(int maxIncludeDepth, int maxGenerateRange, int maxIncludeFiles, long maxBytes,
                          long maxGeneratedNames, int maxRecords, Duration loadTimeout) {

    public LoadOptions {
        if (maxIncludeDepth < 0 || maxGenerateRange < 1 || maxIncludeFiles < 0 || maxBytes < 1
                || maxGeneratedNames < 0 || maxRecords < 1 || loadTimeout.isNegative() || loadTimeout.isZero()) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }

    /** The given nesting and $GENERATE limits, the default budgets. */
    public LoadOptions(int maxIncludeDepth, int maxGenerateRange) {
        this(maxIncludeDepth, maxGenerateRange, 1024, 1L << 30, 4_000_000, 50_000_000, Duration.ofMinutes(10));
    }

    public static LoadOptions defaults() {
        return new LoadOptions(8, 65536);
    }
}
