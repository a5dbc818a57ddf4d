package dev.tollgate.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One HTTP/1.1 request read straight off a socket, for the fault-injecting fakes that answer on raw sockets
 * (they need to misbehave in ways an HTTP server library would not let them).
 *
 * @param target  the request line's target, e.g. "/v1/chat/completions"
 * @param headers header names in lower case
 */
public record RawHttpRequest(String target, Map<String, String> headers, byte[] body) {

    public static RawHttpRequest read(InputStream in) throws IOException {
        String[] head = head(in).split("\r\n");
        Map<String, String> headers = new HashMap<>();
        for (int i = 1; i < head.length; i++) {
            int colon = head[i].indexOf(':');
            headers.put(head[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), head[i].substring(colon + 1).trim());
        }
        byte[] body = in.readNBytes(Integer.parseInt(headers.getOrDefault("content-length", "0")));
        return new RawHttpRequest(head[0].split(" ")[1], headers, body);
    }

    /** The head of a request or an answer: its bytes up to the blank line, which is consumed. */
    static String head(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed before the request ended");
            }
            head.write(b);
            matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }
}
