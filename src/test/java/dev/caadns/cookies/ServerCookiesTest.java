package dev.caadns.cookies;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** RFC 9018 Appendix A's vectors, and the validity window of §4.3. */
class ServerCookiesTest {
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void sipHashMatchesTheReferenceVector() {
        // The SipHash paper, Appendix A: key 00..0f, message 00..0e.
        byte[] key = HEX.parseHex("000102030405060708090a0b0c0d0e0f");
        byte[] message = HEX.parseHex("000102030405060708090a0b0c0d0e");
        long hash = SipHash24.hash(SipHash24.littleEndian(key, 0, 8), SipHash24.littleEndian(key, 8, 8), message,
                message.length);
        assertThat(hash).isEqualTo(0xa129ca6149be45e5L);
        assertThat(SipHash24.hash(SipHash24.littleEndian(key, 0, 8), SipHash24.littleEndian(key, 8, 8), message, 0))
                .isEqualTo(0x726fdb47dd0e0e31L);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "A.1 new cookie,     e5e973e5a6b2a43f48e7dc849e37bfcf, 2464c4abcf10c957, 198.51.100.100, 1559731985, 010000005cf79f111f8130c3eee29480",
        "A.2 renewed,        e5e973e5a6b2a43f48e7dc849e37bfcf, 2464c4abcf10c957, 198.51.100.100, 1559734385, 010000005cf7a871d4a564a1442aca77",
        "A.3 another client, e5e973e5a6b2a43f48e7dc849e37bfcf, fc93fc62807ddb86, 203.0.113.203,  1559734700, 010000005cf7a9acf73a7810aca2381e",
        "A.4 IPv6,           445536bcd2513298075a5d379663c962, 22681ab97d52c298, 2001:db8:220:1:59de:d0f4:8769:82b8, 1559741961, 010000005cf7c609a6bb79d16625507a",
    })
    void makesTheCookiesOfRfc9018(String name, String secret, String clientCookie, String ip, long now,
                                  String serverCookie) throws Exception {
        byte[] option = Arrays.copyOf(HEX.parseHex(clientCookie), ServerCookies.OPTION_LENGTH);
        ServerCookies cookies = ServerCookies.fixed(HEX.parseHex(secret));

        cookies.make(option, InetAddress.getByName(ip), now);

        assertThat(HEX.formatHex(option)).isEqualTo(clientCookie + serverCookie);
        assertThat(cookies.valid(option, option.length, InetAddress.getByName(ip), now)).isTrue();
    }

    @Test
    void reservedOctetsAsSentAreHashedAndAnotherAddressIsRefused() throws Exception {
        byte[] option = HEX.parseHex("fc93fc62807ddb8601abcdef5cf78f71a314227b6679ebf5"); // RFC 9018 A.3's query
        ServerCookies cookies = ServerCookies.fixed(HEX.parseHex("e5e973e5a6b2a43f48e7dc849e37bfcf"));
        long now = 0x5cf78f71L + 60;

        assertThat(cookies.valid(option, option.length, InetAddress.getByName("203.0.113.203"), now)).isTrue();
        assertThat(cookies.valid(option, option.length, InetAddress.getByName("203.0.113.204"), now)).isFalse();
        assertThat(cookies.valid(option, 16, InetAddress.getByName("203.0.113.203"), now)).isFalse();
        option[23] ^= 1;
        assertThat(cookies.valid(option, option.length, InetAddress.getByName("203.0.113.203"), now)).isFalse();
    }

    @ParameterizedTest(name = "{0} s old: valid {1}, worn {2}")
    @CsvSource({"0, true, false", "1800, true, false", "1801, true, true", "3600, true, true", "3601, false, true",
        "-300, true, false", "-301, false, false"})
    void cookiesHoldFromAnHourOldToFiveMinutesAhead(int age, boolean valid, boolean worn) throws Exception {
        ServerCookies cookies = ServerCookies.fixed(HEX.parseHex("e5e973e5a6b2a43f48e7dc849e37bfcf"));
        InetAddress client = InetAddress.getByName("192.0.2.1");
        // Across the 2^32 wrap of the timestamp, too.
        for (long made : new long[] {1559731985L, 0xffffffffL - 100}) {
            byte[] option = Arrays.copyOf(HEX.parseHex("2464c4abcf10c957"), ServerCookies.OPTION_LENGTH);
            cookies.make(option, client, made);
            long now = (made + age) & 0xffffffffL;
            assertThat(cookies.valid(option, option.length, client, now)).as("made %d", made).isEqualTo(valid);
            assertThat(ServerCookies.worn(option, now)).as("made %d", made).isEqualTo(worn);
        }
    }

    @Test
    void aRollingSecretKeepsThePreviousOneValidForOneLifetime() throws Exception {
        InetAddress client = InetAddress.getByName("2001:db8::1");
        ServerCookies cookies = ServerCookies.rolling(600, 1000);
        byte[] option = Arrays.copyOf(HEX.parseHex("2464c4abcf10c957"), ServerCookies.OPTION_LENGTH);
        cookies.make(option, client, 1590);

        byte[] fresh = option.clone();
        cookies.make(fresh, client, 1610); // rolled at 1600
        assertThat(Arrays.copyOfRange(fresh, 16, 24)).isNotEqualTo(Arrays.copyOfRange(option, 16, 24));
        assertThat(cookies.valid(option, option.length, client, 1610)).as("made with the previous secret").isTrue();
        assertThat(cookies.valid(fresh, fresh.length, client, 1610)).isTrue();

        cookies.make(fresh.clone(), client, 2210); // rolled again at 2200: the first secret is gone
        assertThat(cookies.valid(option, option.length, client, 2210)).isFalse();
    }

    @Test
    void eachServerDrawsItsOwnSecret() throws Exception {
        InetAddress client = InetAddress.getByName("192.0.2.1");
        byte[] one = Arrays.copyOf(HEX.parseHex("2464c4abcf10c957"), ServerCookies.OPTION_LENGTH);
        byte[] other = one.clone();
        ServerCookies.rolling(600, 1000).make(one, client, 1000);
        ServerCookies.rolling(600, 1000).make(other, client, 1000);

        assertThat(Arrays.copyOfRange(one, 16, 24)).isNotEqualTo(Arrays.copyOfRange(other, 16, 24));
    }
}
