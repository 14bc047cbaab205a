package dev.caadns.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigSyntax;
import com.typesafe.config.ConfigValue;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every setting in reference.conf carries a comment line above it saying what it does. */
class ReferenceConfDocumentedTest {

    @Test
    void everyLeafHasACommentAbove() throws Exception {
        ConfigObject root;
        try (Reader reader = new InputStreamReader(
                getClass().getResourceAsStream("/reference.conf"), StandardCharsets.UTF_8)) {
            root = ConfigFactory.parseReader(reader, ConfigParseOptions.defaults().setSyntax(ConfigSyntax.CONF))
                    .root();
        }
        List<String> leaves = new ArrayList<>();
        List<String> undocumented = new ArrayList<>();
        collect("", root, leaves, undocumented);

        assertThat(leaves).contains("listen", "edns.udp-size", "caa.allow-invalid");
        assertThat(undocumented).isEmpty();
    }

    private static void collect(String prefix, ConfigObject object, List<String> leaves, List<String> undocumented) {
        for (Map.Entry<String, ConfigValue> e : object.entrySet()) {
            String path = prefix + e.getKey();
            if (e.getValue() instanceof ConfigObject child && !child.isEmpty()) {
                collect(path + ".", child, leaves, undocumented);
                continue;
            }
            leaves.add(path);
            if (e.getValue().origin().comments().stream().allMatch(String::isBlank)) {
                undocumented.add(path);
            }
        }
    }
}
