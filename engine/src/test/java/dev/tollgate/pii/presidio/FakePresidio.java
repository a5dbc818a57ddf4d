package dev.tollgate.pii.presidio;

import dev.tollgate.testing.RawHttpRequest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in for Presidio on a loopback port that misbehaves on purpose: it answers every request with a fixed
 * status and body after a delay, or closes the connection without answering. Counts the requests it receives.
 */
final class FakePresidio implements AutoCloseable {
    private final ServerSocket socket;
    private final Behaviour behaviour;
    private final AtomicInteger requests = new AtomicInteger();
    private final CountDownLatch firstRequest = new CountDownLatch(1);

    /** What the fake does with each request. A null status closes the connection without an answer. */
    record Behaviour(Integer status, String body, long delayMillis) {
        static Behaviour answer(String json) {
            return new Behaviour(200, json, 0);
        }

        static Behaviour status(int status, String body) {
            return new Behaviour(status, body, 0);
        }

        /** A valid answer, sent only after the delay: a client that waits for it sees its findings. */
        static Behaviour slow(String json, long delayMillis) {
            return new Behaviour(200, json, delayMillis);
        }

        static Behaviour closeConnection() {
            return new Behaviour(null, "", 0);
        }
    }

    private FakePresidio(ServerSocket socket, Behaviour behaviour) {
        this.socket = socket;
        this.behaviour = behaviour;
    }

    static FakePresidio start(Behaviour behaviour) {
        try {
            FakePresidio fake = new FakePresidio(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()), behaviour);
            Thread.ofVirtual().start(fake::acceptLoop);
            return fake;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + socket.getLocalPort());
    }

    int requests() {
        return requests.get();
    }

    /** Released when the first request has been read in full. */
    CountDownLatch firstRequest() {
        return firstRequest;
    }

    private void acceptLoop() {
        while (!socket.isClosed()) {
            try {
                Socket connection = socket.accept();
                Thread.ofVirtual().start(() -> serve(connection));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket connection) {
        try (connection) {
            RawHttpRequest.read(connection.getInputStream());
            requests.incrementAndGet();
            firstRequest.countDown();
            if (behaviour.status() == null) {
                return;
            }
            Thread.sleep(behaviour.delayMillis());
            byte[] body = behaviour.body().getBytes(StandardCharsets.UTF_8);
            String head = "HTTP/1.1 " + behaviour.status() + " Fake\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + body.length + "\r\nConnection: close\r\n\r\n";
            connection.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            connection.getOutputStream().write(body);
            connection.getOutputStream().flush();
        } catch (IOException | InterruptedException clientGone) {
            // The client timed out and hung up first, which is what the slow behaviour provokes.
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
