package dev.tollgate.classify;

import java.util.regex.Pattern;

/**
 * Credentials recognised by their shape rather than by a word beside them: provider API keys and tokens with a
 * fixed prefix, and PEM private keys. A text holding one is confidential business information.
 */
final class CredentialShapes {
    private static final Pattern CREDENTIAL = Pattern.compile(String.join("|",
            "\\bsk-[A-Za-z0-9_-]{20,}",                       // OpenAI-style secret keys
            "\\bAKIA[0-9A-Z]{16}\\b",                         // AWS access key ids
            "\\bgh[pousr]_[A-Za-z0-9]{30,}",                  // GitHub tokens
            "\\bxox[abprs]-[A-Za-z0-9-]{10,}",                // Slack tokens
            "-----BEGIN [A-Z ]*PRIVATE KEY-----"));

    private CredentialShapes() {
    }

    static boolean found(String text) {
        return CREDENTIAL.matcher(text).find();
    }
}
