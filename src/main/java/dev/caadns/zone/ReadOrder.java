package dev.caadns.zone;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Ranks file:line places by when they were first read, so findings come out in reading order
 * across {@code $INCLUDE}s. Lines only grow while one file is read, so it keeps one run of lines
 * per stretch of a file between includes instead of one entry per line.
 */
final class ReadOrder {

    /** Lines firstLine..lastLine of one file, read as the rank-th stretch. */
    private static final class Run {
        final int rank;
        final int firstLine;
        int lastLine;

        Run(int rank, int line) {
            this.rank = rank;
            this.firstLine = line;
            this.lastLine = line;
        }
    }

    private final Map<String, List<Run>> runs = new HashMap<>();
    private String file;
    private Run current;
    private int count;

    /** Records that {@code file:line} is being read now. */
    void saw(String inFile, int line) {
        if (current != null && inFile.equals(file) && line >= current.lastLine) {
            current.lastLine = line;
            return;
        }
        file = inFile;
        current = new Run(count++, line);
        runs.computeIfAbsent(inFile, f -> new ArrayList<>()).add(current);
    }

    /** A key that sorts places in reading order; -1 for a place never read. */
    long rank(String inFile, int line) {
        for (Run run : runs.getOrDefault(inFile, List.of())) {
            if (line >= run.firstLine && line <= run.lastLine) {
                return ((long) run.rank << 32) | line;
            }
        }
        return -1;
    }
}
