package dev.caadns.caa;

/** RFC 1035 §5.1 character-string escaping, so odd bytes are shown the way a zone file would write them. */
final class Presentation {
    private Presentation() {
    }

    static String quote(byte[] bytes) {
        return '"' + escape(bytes) + '"';
    }

    static String escape(byte[] bytes) {
        StringBuilder sb = new StringBuilder(bytes.length + 2);
        for (byte b : bytes) {
            int c = b & 0xFF;
            if (c == '"' || c == '\\') {
                sb.append('\\').append((char) c);
            } else if (c < 0x20 || c > 0x7E) {
                sb.append('\\').append(String.format("%03d", c));
            } else {
                sb.append((char) c);
            }
        }
        return sb.toString();
    }
}
