package dev.caadns;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
class SmokeTest { @Test void ok() { assertThat(1).isEqualTo(1); } }
