package dev.tollgate.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One request written byte for byte on a socket and its answer read back, for requests an HTTP client library
 * would not send: an empty or unparseable Content-Type, invalid UTF-8, a broken request line.
 *
 * @param headers header names in lower case
 */
public record RawHttpExchange(int status, Map<String, String> headers, String body) {

    /** A POST with the given Content-Type header (omitted when null) and body, the connection closed after. */
    public static RawHttpExchange post(int port, String path, String apiKey, String contentType, byte[] body) {
        String head = "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
                + "Authorization: Bearer " + apiKey + "\r\n"
                + (contentType == null ? "" : "Content-Type: " + contentType + "\r\n")
                + "Content-Length: " + body.length + "\r\n\r\n";
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        request.writeBytes(head.getBytes(StandardCharsets.ISO_8859_1));
        request.writeBytes(body);
        return send(port, request.toByteArray());
    }

    /** Writes the bytes as they are and reads the answer until the server closes the connection. */
    public static RawHttpExchange send(int port, byte[] request) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(request);
            out.flush();
            return parse(socket.getInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static RawHttpExchange parse(InputStream in) throws IOException {
        String[] head = RawHttpRequest.head(in).split("\r\n");
        Map<String, String> headers = new HashMap<>();
        for (int i = 1; i < head.length; i++) {
            int colon = head[i].indexOf(':');
            headers.put(head[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), head[i].substring(colon + 1).trim());
        }
        byte[] body = headers.containsKey("content-length")
                ? in.readNBytes(Integer.parseInt(headers.get("content-length")))
                : in.readAllBytes();
        return new RawHttpExchange(Integer.parseInt(head[0].split(" ")[1]), headers,
                new String(body, StandardCharsets.UTF_8));
    }

    public String contentType() {
        return headers.getOrDefault("content-type", "");
    }
}
