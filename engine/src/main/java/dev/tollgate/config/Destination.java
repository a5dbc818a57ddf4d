package dev.tollgate.config;

import dev.tollgate.terms.DestinationKind;

/**
 * An entry of the destinations catalog: where a model runs and under which contract.
 *
 * @param sccSigned    EU standard contractual clauses are in place (GDPR Art. 46(2)(c))
 * @param dpfCertified the provider is certified under the EU-US Data Privacy Framework (counts for a US destination
 *                     only: the Commission's adequacy decision covers certified US organisations)
 * @param endpoint     for a cloud destination: the OpenAI-compatible server that serves it; null on-device
 */
public record Destination(String id, DestinationKind kind, String country, String provider, boolean dpaSigned,
                          boolean trainsOnData, boolean sccSigned, boolean dpfCertified, Endpoint endpoint) {

    /**
     * An OpenAI-compatible HTTP server (a cloud provider, Ollama, vLLM, llama.cpp's server, another Tollgate).
     *
     * @param baseUrl    e.g. "https://api.openai.com/v1"; empty: not configured, the destination is unreachable
     * @param apiKeyEnv  the environment variable holding the API key (the key is never in the configuration)
     * @param maxRetries retries after a 429 (honouring Retry-After) or a 5xx
     */
    public record Endpoint(String baseUrl, String model, String apiKeyEnv, long timeoutMs, int maxRetries) {
    }
}
