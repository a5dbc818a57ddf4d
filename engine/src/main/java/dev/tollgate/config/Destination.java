package dev.tollgate.config;

/**
 * An entry of the destinations catalog: where a model runs and under which contract.
 *
 * @param kind "slm" (on-device, in-process) or "cloud"
 */
public record Destination(String id, String kind, String country, String provider, boolean dpaSigned,
                          boolean trainsOnData, boolean sccSigned) {
}
