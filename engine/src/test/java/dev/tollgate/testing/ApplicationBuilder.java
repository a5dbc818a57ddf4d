package dev.tollgate.testing;

import dev.tollgate.config.ApiKey;
import dev.tollgate.config.Application;
import dev.tollgate.config.RateLimit;

import java.util.List;

/**
 * An {@link Application} for a test, naming only what the test is about: the rest is an application for no AI Act
 * use case, in the EU, established in DE, on the on-device model alone, with nothing else set. A new component of
 * Application is added to {@link #build()} here, not to every test.
 */
public final class ApplicationBuilder {
    private final String id;
    private String purpose = "p";
    private String aiActUseCase = "none";
    private String tenantResidency = "EU";
    private String controllerEstablishment = "DE";
    private List<String> permittedDestinations = List.of("slm-local");
    private List<String> highRiskApprovedDestinations = List.of();
    private String apiKeySha256;
    private List<ApiKey> apiKeys;
    private Long cloudTokenBudgetMonthly;
    private Integer latencySlaMs;
    private String humanOversight;
    private String validationWebhook;
    private RateLimit rateLimit;
    private String callerRole;

    private ApplicationBuilder(String id) {
        this.id = id;
    }

    public static ApplicationBuilder application(String id) {
        return new ApplicationBuilder(id);
    }

    public ApplicationBuilder purpose(String value) {
        purpose = value;
        return this;
    }

    public ApplicationBuilder aiActUseCase(String value) {
        aiActUseCase = value;
        return this;
    }

    public ApplicationBuilder tenantResidency(String value) {
        tenantResidency = value;
        return this;
    }

    public ApplicationBuilder controllerEstablishment(String value) {
        controllerEstablishment = value;
        return this;
    }

    public ApplicationBuilder permitted(List<String> destinations) {
        permittedDestinations = destinations;
        return this;
    }

    public ApplicationBuilder highRiskApproved(List<String> destinations) {
        highRiskApprovedDestinations = destinations;
        return this;
    }

    public ApplicationBuilder apiKeySha256(String value) {
        apiKeySha256 = value;
        return this;
    }

    public ApplicationBuilder apiKeys(List<ApiKey> keys) {
        apiKeys = keys;
        return this;
    }

    public ApplicationBuilder cloudTokenBudgetMonthly(Long tokens) {
        cloudTokenBudgetMonthly = tokens;
        return this;
    }

    public ApplicationBuilder latencySlaMs(Integer millis) {
        latencySlaMs = millis;
        return this;
    }

    public ApplicationBuilder humanOversight(String value) {
        humanOversight = value;
        return this;
    }

    public ApplicationBuilder validationWebhook(String url) {
        validationWebhook = url;
        return this;
    }

    public ApplicationBuilder rateLimit(RateLimit value) {
        rateLimit = value;
        return this;
    }

    public ApplicationBuilder callerRole(String role) {
        callerRole = role;
        return this;
    }

    public Application build() {
        return new Application(id, purpose, aiActUseCase, tenantResidency, controllerEstablishment,
                permittedDestinations, highRiskApprovedDestinations, List.of(), List.of(), apiKeySha256, apiKeys,
                cloudTokenBudgetMonthly, latencySlaMs, humanOversight, validationWebhook, rateLimit, callerRole);
    }
}
