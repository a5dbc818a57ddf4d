package dev.tollgate.classify;

/**
 * The classes the classifier reports, each with its lexicon {@code lexicons/<label>.txt}.
 * The phi lexicon lists patient and identifier context only: phi is reported when that context
 * occurs together with health or genetic content.
 */
enum SensitivityClass {
    BIOMETRIC("biometric", true),
    GENETIC("genetic", true),
    HEALTH("health", true),
    PAYMENT_CARD("payment_card", false),
    PHI("phi", false),
    POLITICAL_OPINIONS("political_opinions", true),
    RACIAL_ETHNIC_ORIGIN("racial_ethnic_origin", true),
    RELIGIOUS_BELIEFS("religious_beliefs", true),
    SEX_LIFE_ORIENTATION("sex_life_orientation", true),
    TRADE_UNION_MEMBERSHIP("trade_union_membership", true);

    private final String label;
    private final boolean specialCategory;

    SensitivityClass(String label, boolean specialCategory) {
        this.label = label;
        this.specialCategory = specialCategory;
    }

    /** The name used in facts and policies, e.g. "racial_ethnic_origin". */
    String label() {
        return label;
    }

    /** A special category of personal data under GDPR Art. 9(1). */
    boolean specialCategory() {
        return specialCategory;
    }

    int bit() {
        return 1 << ordinal();
    }

    String lexiconResource() {
        return "/lexicons/" + label + ".txt";
    }
}
