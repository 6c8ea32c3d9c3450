package dev.vigil.risk.signal;

import java.util.regex.Pattern;

import dev.vigil.api.history.Feature;

/**
 * The client-side fingerprint: screen, colour depth, time zone, platform, languages and touch support, hashed
 * in the browser (SHA-256, base64url) by the Vigil device-check page, so the server never sees the attributes.
 */
public final class FingerprintSignal implements RiskSignal {

    /** Set by the risk step from the device-check form; absent when the browser sent nothing. */
    public static final String NOTE = "vigil.risk.fingerprint";
    private static final Pattern SHA256_BASE64URL = Pattern.compile("[A-Za-z0-9_-]{43}");

    @Override
    public void observe(LoginContext login, Evidence evidence) {
        if (!login.collects(Feature.FINGERPRINT)) {
            return;
        }
        String submitted = login.authSession().getAuthNote(NOTE);
        if (submitted == null || submitted.isEmpty()) {
            return;
        }
        if (isWellFormed(submitted)) {
            evidence.observe(Feature.FINGERPRINT, submitted);
        } else {
            evidence.malformedFingerprint();
        }
    }

    /** A SHA-256 digest in base64url without padding, as the page's script sends it. */
    public static boolean isWellFormed(String fingerprint) {
        return SHA256_BASE64URL.matcher(fingerprint).matches();
    }
}
