package dev.tollgate.pii.presidio;

import dev.tollgate.pii.DetectorUnavailableException;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.pii.Finding;
import dev.tollgate.pii.PiiDetector;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What each mode does when Presidio is down, slow, failing or talking nonsense. */
class PresidioModeTest {
    private static final String TEXT = "Secret note for Jane Roe: jane.roe@example.com";
    private static final Finding LOCAL_EMAIL = new Finding("EMAIL_ADDRESS", 26, 46, 1.0, "pattern", "test");
    private static final Duration TIMEOUT = Duration.ofMillis(400);

    enum Failure {
        // a Jane Roe finding in the merge would show the client waited past its timeout
        SLOW(FakePresidio.Behaviour.slow("[{\"entity_type\":\"PERSON\",\"start\":16,\"end\":24,\"score\":0.85}]",
                3_000)),
        HTTP_500(FakePresidio.Behaviour.status(500, "{\"error\":\"boom\"}")),
        NOT_JSON(FakePresidio.Behaviour.answer("<html>gateway</html>")),
        WRONG_SHAPE(FakePresidio.Behaviour.answer("{\"entities\":[]}")),
        SPAN_OUTSIDE_TEXT(FakePresidio.Behaviour.answer("[{\"entity_type\":\"PERSON\",\"start\":40,\"end\":400,\"score\":0.85}]")),
        CLOSES_CONNECTION(FakePresidio.Behaviour.closeConnection()),
        NOTHING_LISTENING(null);

        private final FakePresidio.Behaviour behaviour;

        Failure(FakePresidio.Behaviour behaviour) {
            this.behaviour = behaviour;
        }
    }

    private static <T> T withPresidio(Failure failure, Function<URI, T> use) {
        if (failure.behaviour == null) {
            return use.apply(URI.create("http://127.0.0.1:" + closedPort()));
        }
        try (FakePresidio presidio = FakePresidio.start(failure.behaviour)) {
            return use.apply(presidio.url());
        }
    }

    private static PiiDetector detector(URI presidio, PresidioMode mode) {
        return LocalAndPresidio.merging(new PiiDetector(List.of(text -> List.of(LOCAL_EMAIL))),
                new PresidioRecognizer(new PresidioClient(presidio, TIMEOUT), mode, "en"));
    }

    @ParameterizedTest
    @EnumSource(Failure.class)
    void advisoryFallsBackToLocalFindingsWithinTheTimeout(Failure failure) {
        List<Finding> found = withPresidio(failure, url -> detector(url, PresidioMode.ADVISORY).recognize(TEXT));
        assertEquals(List.of(LOCAL_EMAIL), found);
    }

    @ParameterizedTest
    @EnumSource(Failure.class)
    void requiredThrowsDetectorUnavailableWithoutTheText(Failure failure) {
        DetectorUnavailableException e = withPresidio(failure, url -> assertThrows(DetectorUnavailableException.class,
                () -> detector(url, PresidioMode.REQUIRED).recognize(TEXT)));
        assertEquals("presidio", e.detector());
        assertFalse(e.getMessage().contains("Jane"), e.getMessage());
        assertFalse(e.getMessage().contains("jane.roe"), e.getMessage());
    }

    @Test
    void slowPresidioIsReportedAsATimeout() {
        PresidioException e = withPresidio(Failure.SLOW, url -> assertThrows(PresidioException.class,
                () -> new PresidioClient(url, TIMEOUT).analyze(TEXT, "en")));
        assertTrue(e.getMessage().contains("no answer within 400 ms"), e.getMessage());
    }

    @Test
    void errorStatusIsReportedWithoutTheResponseBody() {
        PresidioException e = withPresidio(Failure.HTTP_500, url -> assertThrows(PresidioException.class,
                () -> new PresidioClient(url, TIMEOUT).analyze(TEXT, "en")));
        assertEquals("Presidio /analyze answered HTTP 500", e.getMessage());
    }

    @Test
    void healthIsFalseWhenNothingAnswers() {
        boolean down = withPresidio(Failure.NOTHING_LISTENING, url -> new PresidioClient(url, TIMEOUT).health());
        boolean slow = withPresidio(Failure.SLOW, url -> new PresidioClient(url, TIMEOUT).health());
        assertFalse(down, "nothing listening");
        assertFalse(slow, "slower than the timeout");
    }

    @Test
    void modeParsesConfigurationValuesAndRejectsOthers() {
        assertEquals(PresidioMode.ADVISORY, PresidioMode.parse(" Advisory "));
        assertEquals(PresidioMode.REQUIRED, PresidioMode.parse("required"));
        assertEquals(PresidioMode.OFF, PresidioMode.parse("OFF"));
        assertThrows(IllegalArgumentException.class, () -> PresidioMode.parse("sometimes"));
        assertThrows(IllegalArgumentException.class, () -> PresidioMode.parse(null));
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
