package dev.tollgate.cli;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/** A minimal HTTP/1.1 keep-alive client for the benchmark: sends prepared requests, reads status and body. */
final class LoopbackClient implements AutoCloseable {
    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;

    /** A response's status code and body. */
    record Response(int status, byte[] body) {
    }

    LoopbackClient(URI url) throws IOException {
        socket = new Socket(url.getHost(), url.getPort());
        socket.setTcpNoDelay(true);
        out = socket.getOutputStream();
        in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
    }

    static byte[] request(URI url, String apiKey, byte[] body) {
        String head = "POST " + url.getPath() + " HTTP/1.1\r\n"
                + "Host: " + url.getHost() + ":" + url.getPort() + "\r\n"
                + "Authorization: Bearer " + apiKey + "\r\n"
                + "Content-Type: application/json\r\n"
                + "Content-Length: " + body.length + "\r\n\r\n";
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        request.writeBytes(head.getBytes(StandardCharsets.US_ASCII));
        request.writeBytes(body);
        return request.toByteArray();
    }

    /** Sends one request and reads the whole response. */
    Response exchange(byte[] request) throws IOException {
        out.write(request);
        out.flush();
        String status = line();
        int contentLength = -1;
        for (String header = line(); !header.isEmpty(); header = line()) {
            if (header.regionMatches(true, 0, "content-length:", 0, 15)) {
                contentLength = Integer.parseInt(header.substring(15).trim());
            }
        }
        if (contentLength < 0) {
            throw new IOException("response without Content-Length");
        }
        byte[] body = in.readNBytes(contentLength);
        if (body.length < contentLength) {
            throw new IOException("connection closed");
        }
        return new Response(Integer.parseInt(status.substring(9, 12)), body);
    }

    private String line() throws IOException {
        StringBuilder line = new StringBuilder(64);
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new IOException("connection closed");
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // Closing a benchmark connection that already failed changes nothing.
        }
    }
}
