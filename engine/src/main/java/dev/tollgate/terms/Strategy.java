package dev.tollgate.terms;

/**
 * How a route is carried out. A routing pack chooses static, cascade or draft_verify; offline is what an
 * execution reports when the cloud it should have reached was unreachable and the on-device model answered.
 */
public enum Strategy implements WireValue {
    STATIC, CASCADE, DRAFT_VERIFY, OFFLINE;

    /** @throws IllegalArgumentException if {@code wire} names no strategy */
    public static Strategy of(String wire) {
        return WireValue.of(Strategy.class, wire);
    }
}
