package dev.tollgate.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.tollgate.terms.DestinationKind;

/**
 * An entry of the destinations catalog: where a model runs and under which contract.
 *
 * @param sccSigned    EU standard contractual clauses are in place (GDPR Art. 46(2)(c))
 * @param dpfCertified the provider is certified under the EU-US Data Privacy Framework (counts for a US destination
 *                     only: the Commission's adequacy decision covers certified US organisations)
 * @param endpoint     for a cloud destination: the OpenAI-compatible server that serves it; null on-device
 * @param price        what the destination charges per 1,000 tokens; null: nothing (an on-device model)
 */
public record Destination(String id, DestinationKind kind, String country, String provider, boolean dpaSigned,
                          boolean trainsOnData, boolean sccSigned, boolean dpfCertified, Endpoint endpoint,
                          Price price) {

    /** The cost of this many tokens sent to the destination (in) and answered by it (out). */
    public double cost(long tokensIn, long tokensOut) {
        return price == null ? 0 : (tokensIn * price.inputPer1k() + tokensOut * price.outputPer1k()) / 1000;
    }

    /**
     * Prices per 1,000 tokens, in the operator's currency (the catalog does not name one).
     *
     * @param inputPer1k  per 1,000 tokens sent to the model (the prompt)
     * @param outputPer1k per 1,000 tokens the model answers with
     */
    public record Price(@JsonProperty("input_per_1k") double inputPer1k,
                        @JsonProperty("output_per_1k") double outputPer1k) {
    }

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
