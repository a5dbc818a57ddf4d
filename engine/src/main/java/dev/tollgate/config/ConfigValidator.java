package dev.tollgate.config;

import dev.tollgate.terms.DestinationKind;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The checks a configuration must pass beyond its shape: values from the allowed sets, country codes that exist,
 * ids that are unique and references that resolve. The first failure stops the start, naming where it was set.
 */
final class ConfigValidator {
    private static final Set<String> ENGINES = Set.of("drools", "rego-wasm", "rego-remote");
    private static final Set<String> PRESIDIO_MODES = Set.of("off", "advisory", "required");
    private static final Set<String> KINDS = Arrays.stream(DestinationKind.values()).map(DestinationKind::wire)
            .collect(Collectors.toSet());
    private static final Set<String> RESIDENCY_WORDS = Set.of("EU", "NONE");
    private static final Set<String> HUMAN_OVERSIGHT = Set.of(Application.FLAG, Application.HOLD);
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");
    /** A host name of RFC 1123 labels; a name whose last label is all digits is read as an IPv4 literal instead. */
    private static final Pattern HOST_NAME = Pattern.compile(
            "(?=.{1,253}$)([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)*[A-Za-z]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?");
    private static final Pattern LOOKS_NUMERIC = Pattern.compile("[0-9.]+|.*:.*");

    private final YamlTree tree;

    private ConfigValidator(YamlTree tree) {
        this.tree = tree;
    }

    static void check(TollgateConfig config, YamlTree tree) {
        new ConfigValidator(tree).check(config);
    }

    private void check(TollgateConfig config) {
        require(isHost(config.server().host()), "/server/host", "\"" + config.server().host()
                + "\" is not an address to listen on; allowed: an IPv4 or IPv6 address (0.0.0.0: every interface)"
                + " or a host name");
        require(config.server().port() >= 0 && config.server().port() <= 65535, "/server/port",
                config.server().port() + " is not a port; allowed: 0 to 65535 (0: any free port)");
        require(config.server().maxBodyBytes() > 0, "/server/max_body_bytes", "must be a positive number of bytes");
        List<String> engines = config.policies().engines();
        require(!engines.isEmpty(), "/policies/engines", "names no engine; allowed: " + ENGINES);
        for (int i = 0; i < engines.size(); i++) {
            oneOf(engines.get(i), ENGINES, "/policies/engines/" + i);
        }
        require(config.policies().allEnginesEvery() >= 1, "/policies/all_engines_every",
                "must be 1 (every decision by every engine) or more");
        require(config.policies().intentModelBudgetMs() >= 0, "/policies/intent_model_budget_ms",
                "must be 0 (off) or a positive number of milliseconds");
        require(config.policies().droolsThreads() >= 0, "/policies/drools_threads",
                "must be 0 (one per processor) or a positive number of threads");
        oneOf(config.pii().presidio().mode(), PRESIDIO_MODES, "/pii/presidio/mode");
        require(config.audit().checkpointEveryRecords() >= 1, "/audit/checkpoint_every_records",
                "must be a positive number of records");
        require(config.audit().checkpointEverySeconds() >= 1, "/audit/checkpoint_every_seconds",
                "must be a positive number of seconds");
        require(config.execution().reviews().keepMs() > 0, "/execution/reviews/keep_ms",
                "must be a positive number of milliseconds");
        require(config.execution().reviews().capacity() > 0, "/execution/reviews/capacity",
                "must be 1 or more held answers");
        TollgateConfig.Validations validations = config.execution().validations();
        require(config.execution().validationRetryMs() > 0, "/execution/validation_retry_ms",
                "must be a positive number of milliseconds");
        require(validations.maxAttempts() >= 1, "/execution/validations/max_attempts", "must be 1 or more");
        require(validations.longestWaitMs() >= config.execution().validationRetryMs(),
                "/execution/validations/longest_wait_ms", "must be at least validation_retry_ms");
        require(validations.correctionsKeptMs() > 0 && validations.correctionsKept() > 0,
                "/execution/validations", "corrections_kept_ms and corrections_kept must be positive");
        Set<String> ids = destinations(config.destinations());
        applications(config.applications(), ids);
    }

    private Set<String> destinations(List<Destination> destinations) {
        require(!destinations.isEmpty(), "/destinations", "the catalog lists no destination");
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < destinations.size(); i++) {
            Destination d = destinations.get(i);
            String at = "/destinations/" + i;
            uniqueId(d.id(), ids, at, "destination");
            oneOf(d.kind() == null ? null : d.kind().wire(), KINDS, at + "/kind");
            require(CountryCodes.isAssigned(d.country()), at + "/country", "\"" + d.country()
                    + "\" is not an ISO 3166-1 alpha-2 country code; allowed: two upper-case letters such as DE, IE,"
                    + " NO, US");
            if (d.kind() == DestinationKind.CLOUD) {
                require(d.endpoint() != null, at + "/endpoint", "a cloud destination needs an endpoint "
                        + "(base_url, model, api_key_env, timeout_ms, max_retries)");
                require(d.endpoint().model() != null && !d.endpoint().model().isBlank(), at + "/endpoint/model",
                        "is required");
                require(d.endpoint().timeoutMs() > 0, at + "/endpoint/timeout_ms", "must be a positive number");
                require(d.endpoint().maxRetries() >= 0, at + "/endpoint/max_retries", "must be 0 or more");
            } else {
                require(d.endpoint() == null, at + "/endpoint", "an on-device (slm) destination has no endpoint");
            }
            if (d.price() != null) {
                require(d.price().inputPer1k() >= 0, at + "/price/input_per_1k", "must be 0 or more");
                require(d.price().outputPer1k() >= 0, at + "/price/output_per_1k", "must be 0 or more");
            }
        }
        return ids;
    }

    private void applications(List<Application> applications, Set<String> destinations) {
        Set<String> ids = new HashSet<>();
        Set<String> digests = new HashSet<>();
        for (int i = 0; i < applications.size(); i++) {
            Application a = applications.get(i);
            String at = "/applications/" + i;
            uniqueId(a.id(), ids, at, "application");
            String residency = a.tenantResidency();
            require(RESIDENCY_WORDS.contains(residency) || CountryCodes.isAssigned(residency),
                    at + "/tenant_residency", "\"" + residency + "\" is not allowed; allowed: EU, NONE or an ISO "
                            + "3166-1 alpha-2 country code such as DE");
            String establishment = a.controllerEstablishment();
            require(CountryCodes.isAssigned(establishment), at + "/controller_establishment",
                    (establishment == null ? "is required" : "\"" + establishment + "\" is not an ISO 3166-1 alpha-2 "
                            + "country code") + "; allowed: the country where the controller is established, such as "
                            + "DE, IE, US");
            known(a.permittedDestinations(), destinations, at + "/permitted_destinations");
            known(a.highRiskApprovedDestinations(), destinations, at + "/high_risk_approved_destinations");
            known(a.confidentialApprovedDestinations(), destinations, at + "/confidential_approved_destinations");
            known(a.regulatedApprovedDestinations(), destinations, at + "/regulated_approved_destinations");
            require(a.cloudTokenBudgetMonthly() == null || a.cloudTokenBudgetMonthly() >= 0,
                    at + "/cloud_token_budget_monthly", "must be 0 or more tokens; leave it out for no budget");
            require(a.latencySlaMs() == null || a.latencySlaMs() > 0, at + "/latency_sla_ms",
                    "must be a number of milliseconds above 0, or left out for no SLA");
            require(a.validationWebhook() == null || webUrl(a.validationWebhook()), at + "/validation_webhook",
                    "must be an absolute http or https URL, or left out for no webhook");
            RateLimit limit = a.rateLimit();
            require(limit == null || limit.requestsPerMinute() == null || limit.requestsPerMinute() > 0,
                    at + "/rate_limit/requests_per_minute", "must be above 0, or left out for no limit");
            require(limit == null || limit.tokensPerMinute() == null || limit.tokensPerMinute() > 0,
                    at + "/rate_limit/tokens_per_minute", "must be above 0, or left out for no limit");
            apiKeys(a, at, digests);
            humanOversight(a, at);
        }
    }

    private static boolean webUrl(String text) {
        try {
            URI uri = new URI(text);
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** One key (api_key_sha256) or a list of keys bound to roles (api_keys); no key twice in the registry. */
    private void apiKeys(Application a, String at, Set<String> digests) {
        require(a.apiKeySha256() == null || a.apiKeys() == null, at + "/api_keys",
                "give either api_key_sha256 (one key, role staff) or api_keys, not both");
        if (a.apiKeys() == null) {
            require(a.apiKeySha256() != null, at + "/api_keys", "is required; allowed: a list of keys bound to "
                    + "roles, [{sha256: ..., role: staff}], or one key as api_key_sha256");
            digest(a.apiKeySha256(), at + "/api_key_sha256", digests);
            return;
        }
        require(!a.apiKeys().isEmpty(), at + "/api_keys", "lists no key; allowed: [{sha256: ..., role: staff}]");
        for (int j = 0; j < a.apiKeys().size(); j++) {
            ApiKey key = a.apiKeys().get(j);
            digest(key.sha256(), at + "/api_keys/" + j + "/sha256", digests);
            oneOf(key.role(), Set.copyOf(ApiKey.KEY_ROLES), at + "/api_keys/" + j + "/role");
        }
    }

    /** flag or hold; answers held for review need someone who can review them. */
    private void humanOversight(Application a, String at) {
        oneOf(a.humanOversight(), HUMAN_OVERSIGHT, at + "/human_oversight");
        require(!a.holdsForReview() || a.keys().stream().anyMatch(key -> ApiKey.REVIEWER.equals(key.role())),
                at + "/human_oversight", "hold needs a key with the role reviewer in api_keys, or no held answer "
                        + "could ever be released; allowed: flag, or hold with a reviewer key");
    }

    private void digest(String sha256, String at, Set<String> digests) {
        require(sha256 != null && SHA256_HEX.matcher(sha256).matches(), at,
                "must be the key's SHA-256 as 64 lower-case hex digits (echo -n \"$KEY\" | sha256sum)");
        require(digests.add(sha256), at, "this key is already registered; a key belongs to one application and "
                + "one role");
    }

    private void known(List<String> references, Set<String> destinations, String at) {
        for (int i = 0; i < references.size(); i++) {
            require(destinations.contains(references.get(i)), at + "/" + i, "\"" + references.get(i)
                    + "\" is not in the destinations catalog; allowed: "
                    + String.join(", ", destinations.stream().sorted().toList()));
        }
    }

    private void uniqueId(String id, Set<String> ids, String at, String what) {
        require(id != null && !id.isBlank(), at + "/id", "is required");
        require(ids.add(id), at + "/id", "\"" + id + "\" is listed twice; " + what + " ids are unique");
    }

    private static boolean isHost(String host) {
        if (host == null) {
            return false;
        }
        if (!LOOKS_NUMERIC.matcher(host).matches()) {
            return HOST_NAME.matcher(host).matches();
        }
        try {
            InetAddress.ofLiteral(host);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private void oneOf(String value, Set<String> allowed, String at) {
        require(value != null && allowed.contains(value), at, (value == null ? "is required" : "\"" + value
                + "\" is not allowed") + "; allowed: " + String.join(", ", allowed.stream().sorted().toList()));
    }

    private void require(boolean holds, String pointer, String problem) {
        if (!holds) {
            throw new ConfigException(tree.where(pointer), pointer, problem);
        }
    }
}
