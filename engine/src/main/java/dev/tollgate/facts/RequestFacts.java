package dev.tollgate.facts;

/**
 * What is asked and by whom. Purpose, AI Act use case, tenant residency, controller establishment and the caller's
 * role come from the application registry, never from the request body.
 *
 * @param application     registered application id (from the API key)
 * @param role            the role the API key is bound to in the registry: "staff" or "public"
 * @param purpose         registered processing purpose
 * @param aiActUseCase    registered EU AI Act use case, e.g. "insurance_pricing", "social_scoring", "none"
 * @param tenantResidency residency pin of the tenant: a country code ("DE"), "EU", or "NONE"
 * @param controllerEstablishment ISO 3166-1 alpha-2 country where the controller is established; "ZZ" (unknown,
 *                        read as the strictest case) in facts logged before the registry recorded it
 * @param taskType        the task the caller asks for, e.g. "summarize", "faq"
 * @param tokenCount      estimated tokens of the input
 * @param language        ISO 639-3 language of the input, "und" when unknown
 * @param messageCount    number of messages in the input
 * @param maxLatencyMs    the request's latency budget in milliseconds: the stricter of the caller's hint and the
 *                        application's registered SLA, 0 when neither was given
 * @param cloudBudgetExhausted the application's monthly cloud token budget is spent (false without a budget, and in
 *                        facts logged before budgets existed)
 */
public record RequestFacts(String application, String role, String purpose, String aiActUseCase, String tenantResidency,
                           String controllerEstablishment, String taskType, int tokenCount, String language,
                           int messageCount, int maxLatencyMs, boolean cloudBudgetExhausted) {
    /**
     * The role read into facts logged before keys had roles (docs/audit.md): every application had one key then, and
     * the registry binds a single key to "staff".
     */
    public static final String ROLE_BEFORE_ROLES = "staff";

    public RequestFacts {
        role = role == null ? ROLE_BEFORE_ROLES : role;
        controllerEstablishment = controllerEstablishment == null ? SubjectFacts.UNKNOWN_COUNTRY : controllerEstablishment;
    }

    /** The same request read as asking for another task. */
    public RequestFacts withTaskType(String otherTask) {
        return new RequestFacts(application, role, purpose, aiActUseCase, tenantResidency, controllerEstablishment,
                otherTask, tokenCount, language, messageCount, maxLatencyMs, cloudBudgetExhausted);
    }
}
