package dev.tollgate.token;

import dev.tollgate.terms.Route;
import dev.tollgate.policy.Obligation;
import dev.tollgate.terms.DestinationKind;
import dev.tollgate.terms.ObligationType;
import dev.tollgate.terms.Refusal;
import dev.tollgate.terms.Strategy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class DecisionTokensTest {
    private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final String INPUT = "[{\"content\":\"Opening hours?\",\"role\":\"user\"}]";
    private static final DecisionTokens.Terms TERMS = new DecisionTokens.Terms(
            new Route("cloud-eu", DestinationKind.CLOUD, Strategy.STATIC, null, null),
            List.of(new Obligation(ObligationType.MASK, List.of("PERSON"), null)), List.of("cloud-eu"), 1500);

    @TempDir
    Path keys;

    private DecisionTokens tokens(Clock clock) throws Exception {
        return new DecisionTokens(TokenKeys.open(keys, clock), clock);
    }

    private String issue() throws Exception {
        return tokens(CLOCK).issue("decision-1", "claims-assistant", INPUT, TERMS, NOW.plus(Duration.ofMinutes(5)));
    }

    @Test
    void aTokenVerifiesForTheSameInputBeforeItExpires() throws Exception {
        DecisionTokens.Claims claims = tokens(CLOCK).verify(issue(), INPUT);
        assertEquals("decision-1", claims.decisionId());
        assertEquals("claims-assistant", claims.application());
        assertEquals(TERMS, claims.terms());
    }

    @Test
    void anotherInputIsRefused() throws Exception {
        Refusal e = assertThrows(Refusal.class, () -> tokens(CLOCK).verify(issue(), INPUT + " "));
        assertEquals(Refusal.Kind.TOKEN_INPUT_MISMATCH, e.kind());
    }

    @Test
    void anUnpairedSurrogateIsNotReadAsAQuestionMark() throws Exception {
        String issuedFor = "Hi there \ud800";
        String token = tokens(CLOCK).issue("decision-1", "claims-assistant", issuedFor, TERMS,
                NOW.plus(Duration.ofMinutes(5)));
        assertEquals("decision-1", tokens(CLOCK).verify(token, issuedFor).decisionId());
        Refusal e = assertThrows(Refusal.class, () -> tokens(CLOCK).verify(token, "Hi there ?"));
        assertEquals(Refusal.Kind.TOKEN_INPUT_MISMATCH, e.kind());
    }

    @Test
    void anExpiredTokenIsRefusedWith410() throws Exception {
        String token = issue();
        Clock later = Clock.fixed(NOW.plus(Duration.ofMinutes(5)), ZoneOffset.UTC);
        Refusal e = assertThrows(Refusal.class, () -> tokens(later).verify(token, INPUT));
        assertEquals(Refusal.Kind.TOKEN_EXPIRED, e.kind());
    }

    @Test
    void aChangedClaimBreaksTheSignature() throws Exception {
        String[] parts = issue().split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("claims-assistant", "credit-advisor");
        String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        Refusal e = assertThrows(Refusal.class, () -> tokens(CLOCK).verify(forged, INPUT));
        assertEquals(Refusal.Kind.TOKEN_INVALID, e.kind());
    }

    @Test
    void garbageIsRefused() throws Exception {
        assertEquals(Refusal.Kind.TOKEN_INVALID, assertThrows(Refusal.class,
                () -> tokens(CLOCK).verify("not.a.token", INPUT)).kind());
    }

    @Test
    void aRotatedKeySignsNewTokensAndTheOldKeyStillVerifiesOldOnes() throws Exception {
        String old = issue();
        byte[] newer = new byte[32];
        newer[0] = 7;
        Files.write(keys.resolve("k99999999999999.key"), newer);
        DecisionTokens rotated = tokens(CLOCK);
        assertEquals("decision-1", rotated.verify(old, INPUT).decisionId());
        String fresh = rotated.issue("decision-2", "claims-assistant", INPUT, TERMS, NOW.plusSeconds(60));
        assertEquals("k99999999999999", com.nimbusds.jwt.SignedJWT.parse(fresh).getHeader().getKeyID());
        assertEquals("decision-2", rotated.verify(fresh, INPUT).decisionId());

        Files.list(keys).filter(f -> !f.getFileName().toString().startsWith("k9999")).forEach(f -> f.toFile().delete());
        assertEquals(Refusal.Kind.TOKEN_INVALID, assertThrows(Refusal.class, () -> tokens(CLOCK).verify(old, INPUT)).kind());
    }
}
