package dev.caadns.difftest;

import java.util.List;

/**
 * The two replies to one query as the comparator will see them, plus any rule a relaxation checked
 * instead of equality and found broken.
 */
record ReplyPair(ReplyView underTest, ReplyView referee, List<String> violations) {
    ReplyPair(ReplyView underTest, ReplyView referee) {
        this(underTest, referee, List.of());
    }
}
