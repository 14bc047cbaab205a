package dev.caadns.zone;

/**
 * One logical entry of a master file: a record or a directive, joined over its parenthesised lines.
 *
 * @param file the file it was read from
 * @param line 1-based line where the entry starts
 * @param text the entry without its comments; parentheses are kept for dnsjava's tokenizer
 * @param comment the comment text of the entry's lines, joined by a space, or ""
 * @param ownerOmitted true when the entry starts with a blank, i.e. reuses the previous owner
 */
record Entry(String file, int line, String text, String comment, boolean ownerOmitted) {

    boolean isDirective() {
        return !ownerOmitted && text.startsWith("$");
    }
}
