package dev.tollgate.classify;

import java.util.Locale;

/**
 * The classes the classifier reports, each with its lexicon {@code lexicons/<label>.txt}.
 * The phi lexicon lists patient and identifier context only: phi is reported when that context
 * occurs together with health or genetic content.
 */
enum SensitivityClass {
    BIOMETRIC(true),
    GENETIC(true),
    HEALTH(true),
    PAYMENT_CARD(false),
    PHI(false),
    POLITICAL_OPINIONS(true),
    RACIAL_ETHNIC_ORIGIN(true),
    RELIGIOUS_BELIEFS(true),
    SEX_LIFE_ORIENTATION(true),
    TRADE_UNION_MEMBERSHIP(true);

    private final String label = name().toLowerCase(Locale.ROOT);
    private final boolean specialCategory;

    SensitivityClass(boolean specialCategory) {
        this.specialCategory = specialCategory;
    }

    /** The name used in facts and policies, the constant's name in lower case, e.g. "racial_ethnic_origin". */
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
