package dev.tollgate.config;

import java.util.List;

/**
 * An application registered with Tollgate. Everything here is server-side truth: a request body can
 * never change the purpose, the AI Act use case or the residency of the application that calls.
 *
 * @param apiKeySha256                  hex SHA-256 of the application's API key (the key itself is never stored)
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
 */
public record Application(String id, String purpose, String aiActUseCase, String tenantResidency,
                          String controllerEstablishment, List<String> permittedDestinations, List<String> highRiskApprovedDestinations,
                          List<String> confidentialApprovedDestinations, List<String> regulatedApprovedDestinations,
                          String apiKeySha256) {
    public Application {
        permittedDestinations = permittedDestinations == null ? List.of() : List.copyOf(permittedDestinations);
        highRiskApprovedDestinations = highRiskApprovedDestinations == null
                ? List.of() : List.copyOf(highRiskApprovedDestinations);
        confidentialApprovedDestinations = confidentialApprovedDestinations == null
                ? List.of() : List.copyOf(confidentialApprovedDestinations);
        regulatedApprovedDestinations = regulatedApprovedDestinations == null
                ? List.of() : List.copyOf(regulatedApprovedDestinations);
    }
}
