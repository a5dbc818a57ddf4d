package dev.tollgate.api;

import dev.tollgate.terms.WireValue;

/** Who reads the audit trail: an auditor reads everything and runs replays; an officer also uploads candidates. */
public enum StaffRole implements WireValue {
    AUDITOR, OFFICER;

    public boolean uploadsCandidates() {
        return this == OFFICER;
    }
}
