package dev.caadns.caa;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * docs/caa-findings.md against {@link CaaCode}: one entry per code with its rule, source, example
 * and fix, and each example gets its code from the validator while its fix does not.
 */
class CaaFindingsReferenceTest {
    private static final Path REFERENCE = Path.of("docs/caa-findings.md");
    private static final Pattern FIELD = Pattern.compile("- (rule|source|example|fix): (.+)");
    private static final Pattern CODE = Pattern.compile("`([^`]+)`");
    private static final Pattern RANGE = Pattern.compile("\\{(\\d+)\\.\\.(\\d+)}");
    private static final Pattern REPEAT = Pattern.compile("\\{([^*}]+)\\*(\\d+)}");

    @Test
    void everyCodeHasAnEntryWithRuleSourceExampleAndFix() throws IOException {
        Map<String, Map<String, String>> entries = entries();

        assertThat(entries.keySet()).containsExactlyInAnyOrderElementsOf(
                Arrays.stream(CaaCode.values()).map(CaaCode::code).toList());
        entries.forEach((code, fields) -> assertThat(fields).as(code)
                .containsOnlyKeys("rule", "source", "example", "fix"));
    }

    @TestFactory
    Stream<DynamicTest> eachExampleGetsItsFindingAndItsFixDoesNot() throws IOException {
        return entries().entrySet().stream().map(entry -> DynamicTest.dynamicTest(entry.getKey(), () -> {
            String code = entry.getKey();
            assertThat(codes(entry.getValue().get("example"))).as("example of " + code).contains(code);
            assertThat(codes(entry.getValue().get("fix"))).as("fix of " + code).doesNotContain(code);
        }));
    }

    /** Codes the validator finds in the records of a field's first `...` span. */
    private static List<String> codes(String field) {
        Matcher records = CODE.matcher(field);
        assertThat(records.find()).as("a `record` in: " + field).isTrue();
        List<String> lines = new ArrayList<>();
        for (String line : records.group(1).split(" // ")) {
            lines.addAll(expanded(line));
        }
        return CaaFindingCodesTest.codes(CaaFindingCodesTest.validate(lines.toArray(String[]::new)));
    }

    /** {@code t{0..2}} as t0, t1, t2 (one record each); {@code {a*3}} as aaa. */
    private static List<String> expanded(String line) {
        Matcher repeat = REPEAT.matcher(line);
        String repeated = repeat.replaceAll(m -> m.group(1).repeat(Integer.parseInt(m.group(2))));
        Matcher range = RANGE.matcher(repeated);
        if (!range.find()) {
            return List.of(repeated);
        }
        return IntStream.rangeClosed(Integer.parseInt(range.group(1)), Integer.parseInt(range.group(2)))
                .mapToObj(i -> range.replaceFirst(String.valueOf(i))).toList();
    }

    /** Code -> field -> text, from the "### CODE" sections. */
    private static Map<String, Map<String, String>> entries() throws IOException {
        Map<String, Map<String, String>> entries = new LinkedHashMap<>();
        Map<String, String> current = null;
        for (String line : Files.readAllLines(REFERENCE)) {
            if (line.startsWith("### ")) {
                current = new LinkedHashMap<>();
                entries.put(line.substring(4).strip(), current);
                continue;
            }
            Matcher field = FIELD.matcher(line);
            if (current != null && field.matches()) {
                current.put(field.group(1), field.group(2));
            }
        }
        return entries;
    }
}
