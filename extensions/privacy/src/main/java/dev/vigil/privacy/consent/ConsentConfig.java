package dev.vigil.privacy.consent;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import dev.vigil.api.provider.SessionMemo;
import dev.vigil.api.settings.InvalidSetting;
import dev.vigil.api.settings.ParsedSettings;
import dev.vigil.api.settings.SettingsReader;
import org.keycloak.models.AuthenticatorConfigModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * Typed reader of the consent step's configuration, through Vigil's shared {@link SettingsReader}, with ranges
 * that fit the consent record's columns. Publishing new terms means saving a new {@link #termsVersion()}: everyone
 * who accepted an older one is asked again.
 *
 * @param termsVersion the current version of the terms
 * @param policyUrl    where the full privacy policy is; empty for none
 * @param purposes     purpose identifiers the user accepts (texts in the messages {@code vigilPurpose.<id>})
 * @param clients      client IDs that require consent; empty means every client of the realm
 */
public record ConsentConfig(String termsVersion, String policyUrl, List<String> purposes, Set<String> clients) {

    static final String TERMS_VERSION = "termsVersion";
    static final String POLICY_URL = "policyUrl";
    static final String PURPOSES = "purposes";
    static final String CLIENTS = "clients";

    static final String DEFAULT_TERMS_VERSION = "1";
    static final String DEFAULT_PURPOSES = "account-security";

    /** The consent record's TERMS_VERSION column. */
    static final int MAX_TERMS_VERSION = 64;
    /** Purposes are stored joined by spaces in a 1024-character column: 12 of at most 64 characters fit. */
    private static final int MAX_PURPOSES = 12;
    private static final Pattern PURPOSE = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    /** An http(s) address, or a path on this server (e.g. the realm's own policy page). */
    private static final Pattern WEB_ADDRESS = Pattern.compile("(https?://|/(?!/))[^\\s<>\"]*");
    /** Keycloak's client IDs are at most 255 characters. */
    private static final int MAX_CLIENT_ID = 255;

    private static final ParsedSettings<ConsentConfig> PARSED = new ParsedSettings<>(ConsentConfig::from);

    /** Parsed once per saved version of the step's configuration. @throws InvalidSetting naming the first setting out of its range */
    public static ConsentConfig from(AuthenticatorConfigModel model) {
        return PARSED.of(model);
    }

    /**
     * The realm's terms, for a sign-in that ends outside the consent step (single sign-on, say); empty when the
     * realm has no configured consent step, so realms that do not use Vigil's terms are never asked. Read once per
     * session (a setting out of range is read, and refused, again at each call).
     *
     * @throws InvalidSetting naming the first setting out of its range
     */
    @SuppressWarnings("unchecked")
    public static Optional<ConsentConfig> of(KeycloakSession session, RealmModel realm) {
        return SessionMemo.get(session, "consent-config:" + realm.getId(), Optional.class, () -> {
            Map<String, String> settings = ConsentStepConfig.of(session, realm);
            return settings.isEmpty() ? Optional.empty() : Optional.of(from(settings));
        });
    }

    public static ConsentConfig from(Map<String, String> raw) {
        SettingsReader config = SettingsReader.of(raw);
        return new ConsentConfig(
                config.text(TERMS_VERSION, DEFAULT_TERMS_VERSION, MAX_TERMS_VERSION),
                config.text(POLICY_URL, "", value -> WEB_ADDRESS.matcher(value).matches(), "an http(s) address or a path starting with / (or empty)"),
                config.list(PURPOSES, List.of(DEFAULT_PURPOSES), MAX_PURPOSES, false, value -> PURPOSE.matcher(value).matches(),
                        "letters, digits, '.', '_' or '-', at most 64"),
                Set.copyOf(config.list(CLIENTS, List.of(), 1000, false, value -> value.length() <= MAX_CLIENT_ID,
                        "a client ID of at most " + MAX_CLIENT_ID + " characters")));
    }

    public boolean requiredFor(String clientId) {
        return clients.isEmpty() || clients.contains(clientId);
    }
}
