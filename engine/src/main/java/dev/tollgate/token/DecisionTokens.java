package dev.tollgate.token;

import dev.tollgate.Sha256;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.tollgate.Json;
import dev.tollgate.audit.ExactUtf8;
import dev.tollgate.terms.Route;
import dev.tollgate.policy.Obligation;
import dev.tollgate.terms.Refusal;

import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

/**
 * Signed decision tokens (JWS, HS256): bound to the decision id, the application, a digest of the canonical
 * input, and the terms of the decision (route, obligations, permitted destinations), with the decision's
 * expiry. An executor honours a token only for the same input and only before it expires, and carries out
 * exactly the terms it holds; they cannot be changed without breaking the signature.
 */
public final class DecisionTokens {
    private static final JOSEObjectType TYPE = new JOSEObjectType("tollgate-decision+jwt");
    private static final String INPUT = "tg_input";
    private static final String TERMS = "tg_terms";

    private final TokenKeys keys;
    private final Clock clock;

    public DecisionTokens(TokenKeys keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    /** What a valid token says. */
    public record Claims(String decisionId, String application, Terms terms, Instant expiresAt) {
    }

    /**
     * What the executor must do: the allowed outcome without its reasons, and the request's latency budget in
     * milliseconds (0: none) by which a cloud leg is hedged.
     */
    public record Terms(Route route, List<Obligation> obligations, List<String> permittedDestinations,
                        int latencyBudgetMs) {
        public Terms {
            obligations = List.copyOf(obligations);
            permittedDestinations = List.copyOf(permittedDestinations);
        }
    }

    public String issue(String decisionId, String application, String canonicalInput, Terms terms,
                        Instant expiresAt) {
        Map.Entry<String, byte[]> key = keys.signing();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .jwtID(decisionId)
                .subject(application)
                .issueTime(Date.from(clock.instant()))
                .expirationTime(Date.from(expiresAt))
                .claim(INPUT, sha256(canonicalInput))
                .claim(TERMS, Json.MAPPER.convertValue(terms, Map.class))
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).type(TYPE).keyID(key.getKey()).build(),
                claims);
        try {
            jwt.sign(new MACSigner(key.getValue()));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a decision token", e);
        }
        return jwt.serialize();
    }

    /**
     * Checks signature, expiry and that the token was issued for exactly this input.
     *
     * @throws Refusal token-invalid, token-expired or token-input-mismatch
     */
    public Claims verify(String token, String canonicalInput) {
        SignedJWT jwt;
        JWTClaimsSet claims;
        try {
            jwt = SignedJWT.parse(token);
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            throw new Refusal(Refusal.Kind.TOKEN_INVALID, "The decision token is not a signed token");
        }
        byte[] key = keys.verifying(jwt.getHeader().getKeyID())
                .orElseThrow(() -> new Refusal(Refusal.Kind.TOKEN_INVALID, "The decision token's key is not known"));
        if (!TYPE.equals(jwt.getHeader().getType()) || !JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm())
                || !verified(jwt, key)) {
            throw new Refusal(Refusal.Kind.TOKEN_INVALID, "The decision token's signature is not valid");
        }
        Date expiry = claims.getExpirationTime();
        if (expiry == null || !clock.instant().isBefore(expiry.toInstant())) {
            throw new Refusal(Refusal.Kind.TOKEN_EXPIRED, "The decision token has expired; ask for a new decision",
                    claims.getJWTID());
        }
        if (!sha256(canonicalInput).equals(claims.getClaim(INPUT))) {
            throw new Refusal(Refusal.Kind.TOKEN_INPUT_MISMATCH,
                    "The input differs from the input the decision was made for", claims.getJWTID());
        }
        Terms terms;
        try {
            terms = Json.MAPPER.convertValue(claims.getJSONObjectClaim(TERMS), Terms.class);
        } catch (ParseException | IllegalArgumentException e) {
            throw new Refusal(Refusal.Kind.TOKEN_INVALID, "The decision token does not hold the decision's terms",
                    claims.getJWTID());
        }
        if (terms == null || terms.route() == null) {
            throw new Refusal(Refusal.Kind.TOKEN_INVALID, "The decision token does not hold the decision's terms",
                    claims.getJWTID());
        }
        return new Claims(claims.getJWTID(), claims.getSubject(), terms, expiry.toInstant());
    }

    private static boolean verified(SignedJWT jwt, byte[] key) {
        try {
            return jwt.verify(new MACVerifier(key));
        } catch (JOSEException e) {
            return false;
        }
    }

    private static String sha256(String text) {
        return Sha256.hex(ExactUtf8.bytes(text));
    }
}
