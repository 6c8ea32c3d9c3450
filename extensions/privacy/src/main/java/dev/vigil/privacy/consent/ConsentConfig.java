package dev.vigil.privacy.consent;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.keycloak.models.AuthenticatorConfigModel;
import org.keycloak.models.Constants;
import org.keycloak.models.RealmModel;

/**
 * Typed, null-safe reader of the consent step's configuration. Publishing new terms means saving a
 * new {@link #termsVersion()}: everyone who accepted an older one is asked again.
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

    public static ConsentConfig from(AuthenticatorConfigModel model) {
        return fromSettings(model == null || model.getConfig() == null ? Map.of() : model.getConfig());
    }

    /**
     * The realm's terms, for a sign-in that ends outside the consent step (single sign-on, say); empty when the
     * realm has no configured consent step, so realms that do not use Vigil's terms are never asked.
     */
    public static Optional<ConsentConfig> of(RealmModel realm) {
        Map<String, String> settings = ConsentStepConfig.of(realm);
        return settings.isEmpty() ? Optional.empty() : Optional.of(fromSettings(settings));
    }

    private static ConsentConfig fromSettings(Map<String, String> config) {
        return new ConsentConfig(
                text(config, TERMS_VERSION, DEFAULT_TERMS_VERSION),
                text(config, POLICY_URL, ""),
                List.copyOf(list(text(config, PURPOSES, DEFAULT_PURPOSES))),
                Set.copyOf(list(text(config, CLIENTS, ""))));
    }

    public boolean requiredFor(String clientId) {
        return clients.isEmpty() || clients.contains(clientId);
    }

    private static String text(Map<String, String> config, String key, String fallback) {
        String value = config.get(key);
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    /** Multivalued properties are stored joined with Keycloak's "##" delimiter. */
    private static List<String> list(String joined) {
        return Arrays.stream(joined.split(Constants.CFG_DELIMITER))
                .map(String::trim)
                .filter(value -> !value.isEmpty())
                .distinct()
                .collect(Collectors.toList());
    }
}
