package dev.tollgate.facts;

/**
 * A model destination as the packs see it: catalog data plus what the application registry permits.
 *
 * @param id                 catalog id, e.g. "slm-local"
 * @param kind               "slm" (on-device) or "cloud"
 * @param country            ISO country where the data is processed
 * @param provider           provider name
 * @param dpaSigned          a GDPR Art. 28 data processing agreement is in place
 * @param trainsOnData       the provider trains on customer data
 * @param sccSigned          EU standard contractual clauses are in place (GDPR Art. 46(2)(c))
 * @param dpfCertified       certified under the EU-US Data Privacy Framework (an adequacy decision for certified US
 *                           organisations only, GDPR Art. 45)
 * @param permitted          the application registry permits this destination for the application
 * @param highRiskApproved   approved for the application's high-risk (AI Act Annex III) use
 * @param confidentialApproved approved by the application's registry entry for confidential business information
 * @param regulatedApproved  approved by the application's registry entry for regulated-industry data (finance and
 *                           health data about a person)
 * @param observedP95Ms      the 95th percentile of the destination's recent answer times in milliseconds, 0 when
 *                           none was observed recently (and in facts logged before it was recorded)
 */
public record DestinationFacts(String id, String kind, String country, String provider, boolean dpaSigned,
                               boolean trainsOnData, boolean sccSigned, boolean dpfCertified,
                               boolean permitted, boolean highRiskApproved, boolean confidentialApproved,
                               boolean regulatedApproved, int observedP95Ms) {
    /** A destination without recent observations. */
    public DestinationFacts(String id, String kind, String country, String provider, boolean dpaSigned,
                            boolean trainsOnData, boolean sccSigned, boolean dpfCertified, boolean permitted,
                            boolean highRiskApproved, boolean confidentialApproved, boolean regulatedApproved) {
        this(id, kind, country, provider, dpaSigned, trainsOnData, sccSigned, dpfCertified, permitted,
                highRiskApproved, confidentialApproved, regulatedApproved, 0);
    }

    /** The same destination with this observed p95. */
    public DestinationFacts withObservedP95Ms(int p95Ms) {
        return new DestinationFacts(id, kind, country, provider, dpaSigned, trainsOnData, sccSigned, dpfCertified,
                permitted, highRiskApproved, confidentialApproved, regulatedApproved, p95Ms);
    }
}
