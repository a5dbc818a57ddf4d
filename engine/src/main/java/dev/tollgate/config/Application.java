package dev.tollgate.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/**
 * An application registered with Tollgate. Everything here is server-side truth: a request body can
 * never change the purpose, the AI Act use case, the residency of the application that calls or the role of
 * its caller.
 *
 * @param tenantResidency               "DE"-style country pin, "EU", or "NONE"
 * @param controllerEstablishment       ISO 3166-1 alpha-2 country where the controller (the organisation running the
 *                                      application) is established; an EEA one is bound by GDPR Chapter V for every
 *                                      data subject (GDPR Art. 3(1), 44)
 * @param permittedDestinations         catalog ids the application may use at all
 * @param highRiskApprovedDestinations  catalog ids approved for the application's Annex III use
 * @param confidentialApprovedDestinations  cloud catalog ids approved to receive the application's confidential
 *                                      business information (trade secrets, M&A, unreleased financials, credentials)
 * @param regulatedApprovedDestinations catalog ids approved to receive regulated-industry data (finance and health
 *                                      data about a person), always masked
 * @param apiKeySha256                  the single-key form: one key, bound to the role "staff"; null when the
 *                                      application lists its keys in apiKeys
 * @param apiKeys                       the application's keys, each bound to a role; null in the single-key form
 * @param cloudTokenBudgetMonthly       cloud tokens (sent and answered) the application may spend per calendar month
 *                                      (UTC); null: no budget
 * @param latencySlaMs                  the application's latency SLA in milliseconds; null: none
 * @param humanOversight                {@link #FLAG} (the answer says a person must review it) or {@link #HOLD} (the
 *                                      answer is kept until a reviewer approves it); null is read as flag
 * @param validationWebhook             an http(s) URL told (POST, ids and status only) when one of the application's
 *                                      offline validations ends; null: none
 * @param rateLimit                     requests and model tokens per minute the application may use; null: no limit
 * @param callerRole                    the role of the key a request was authenticated with (see
 *                                      {@link ApplicationRegistry#byApiKey}); null for the registry's own entry
 */
public record Application(String id, String purpose, String aiActUseCase, String tenantResidency,
                          String controllerEstablishment, List<String> permittedDestinations,
                          List<String> highRiskApprovedDestinations, List<String> confidentialApprovedDestinations,
                          List<String> regulatedApprovedDestinations, String apiKeySha256, List<ApiKey> apiKeys,
                          Long cloudTokenBudgetMonthly, Integer latencySlaMs, String humanOversight,
                          String validationWebhook, RateLimit rateLimit, String callerRole) {
    /** An answer that needs human oversight is given with the flag human_oversight: true. */
    public static final String FLAG = "flag";
    /** An answer that needs human oversight is held until a reviewer approves it (/v1/reviews). */
    public static final String HOLD = "hold";

    public Application {
        humanOversight = humanOversight == null ? FLAG : humanOversight;
        permittedDestinations = permittedDestinations == null ? List.of() : List.copyOf(permittedDestinations);
        highRiskApprovedDestinations = highRiskApprovedDestinations == null
                ? List.of() : List.copyOf(highRiskApprovedDestinations);
        confidentialApprovedDestinations = confidentialApprovedDestinations == null
                ? List.of() : List.copyOf(confidentialApprovedDestinations);
        regulatedApprovedDestinations = regulatedApprovedDestinations == null
                ? List.of() : List.copyOf(regulatedApprovedDestinations);
        apiKeys = apiKeys == null ? null : List.copyOf(apiKeys);
    }

    /** An entry as the registry configures it: no caller yet, so the caller's role is not a setting. */
    @JsonCreator
    public Application(@JsonProperty("id") String id, @JsonProperty("purpose") String purpose,
                       @JsonProperty("ai_act_use_case") String aiActUseCase,
                       @JsonProperty("tenant_residency") String tenantResidency,
                       @JsonProperty("controller_establishment") String controllerEstablishment,
                       @JsonProperty("permitted_destinations") List<String> permittedDestinations,
                       @JsonProperty("high_risk_approved_destinations") List<String> highRiskApprovedDestinations,
                       @JsonProperty("confidential_approved_destinations")
                       List<String> confidentialApprovedDestinations,
                       @JsonProperty("regulated_approved_destinations") List<String> regulatedApprovedDestinations,
                       @JsonProperty("api_key_sha256") String apiKeySha256,
                       @JsonProperty("api_keys") List<ApiKey> apiKeys,
                       @JsonProperty("cloud_token_budget_monthly") Long cloudTokenBudgetMonthly,
                       @JsonProperty("latency_sla_ms") Integer latencySlaMs,
                       @JsonProperty("human_oversight") String humanOversight,
                       @JsonProperty("validation_webhook") String validationWebhook,
                       @JsonProperty("rate_limit") RateLimit rateLimit) {
        this(id, purpose, aiActUseCase, tenantResidency, controllerEstablishment, permittedDestinations,
                highRiskApprovedDestinations, confidentialApprovedDestinations, regulatedApprovedDestinations,
                apiKeySha256, apiKeys, cloudTokenBudgetMonthly, latencySlaMs, humanOversight, validationWebhook,
                rateLimit, null);
    }

    /** Every key of the application: the listed ones, or the single key bound to the role "staff". */
    public List<ApiKey> keys() {
        if (apiKeys != null) {
            return apiKeys;
        }
        return apiKeySha256 == null ? List.of() : List.of(new ApiKey(apiKeySha256, ApiKey.STAFF));
    }

    /** This application as called with a key bound to the given role. */
    Application calledAs(String role) {
        return new Application(id, purpose, aiActUseCase, tenantResidency, controllerEstablishment,
                permittedDestinations, highRiskApprovedDestinations, confidentialApprovedDestinations,
                regulatedApprovedDestinations, apiKeySha256, apiKeys, cloudTokenBudgetMonthly, latencySlaMs,
                humanOversight, validationWebhook, rateLimit, role);
    }

    /** Whether answers that need human oversight are held for a reviewer rather than given with a flag. */
    public boolean holdsForReview() {
        return HOLD.equals(humanOversight);
    }

    /** Whether the request was authenticated with one of the application's reviewer keys. */
    public boolean calledByReviewer() {
        return ApiKey.REVIEWER.equals(callerRole);
    }
}
