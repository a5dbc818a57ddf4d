package dev.tollgate.terms;

/** What a decision does with a request. */
public enum Effect implements WireValue {
    ALLOW, DENY
}
