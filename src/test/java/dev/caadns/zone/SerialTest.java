package dev.caadns.zone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** RFC 1982 sequence space arithmetic on SOA serials, and the serial policies built on it. */
class SerialTest {
    @Test
    void afterWrapsAroundTheTopOfTheSpace() {
        assertThat(Serial.isAfter(2, 1)).isTrue();
        assertThat(Serial.isAfter(1, 2)).isFalse();
        assertThat(Serial.isAfter(5, 5)).isFalse();
        assertThat(Serial.isAfter(0, 0xffffffffL)).isTrue();
        assertThat(Serial.isAfter(0xffffffffL, 0)).isFalse();
        assertThat(Serial.isAfter(0x7fffffffL, 0)).isTrue();
    }

    @Test
    void serialsHalfTheSpaceApartAreNeitherBeforeNorAfter() {
        assertThat(Serial.isAfter(1L << 31, 0)).isFalse();
        assertThat(Serial.isAfter(0, 1L << 31)).isFalse();
    }

    @Test
    void additionWrapsAndIsBounded() {
        assertThat(Serial.add(0xffffffffL, 1)).isZero();
        assertThat(Serial.add(10, 0x7fffffffL)).isEqualTo((10 + 0x7fffffffL) & 0xffffffffL);
        assertThatThrownBy(() -> Serial.add(1, 1L << 31)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void policies() {
        assertThat(SerialPolicy.INCREMENT.next(0xffffffffL, 0)).isZero();
        assertThat(SerialPolicy.UNIXTIME.next(7, 1_700_000_000L)).isEqualTo(1_700_000_000L);
        assertThat(SerialPolicy.UNIXTIME.next(2_000_000_000L, 1_700_000_000L)).isEqualTo(2_000_000_001L);
        assertThat(SerialPolicy.KEEP.next(7, 1_700_000_000L)).isEqualTo(7);
    }
}
