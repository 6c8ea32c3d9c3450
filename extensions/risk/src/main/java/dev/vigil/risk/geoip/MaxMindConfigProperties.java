package dev.vigil.risk.geoip;

import java.util.List;

import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/** The maxmind provider's server options, documented in {@code kc.sh --help} and {@code show-config}. */
final class MaxMindConfigProperties {

    static final List<ProviderConfigProperty> PROPERTIES = build();

    private MaxMindConfigProperties() {
    }

    private static List<ProviderConfigProperty> build() {
        ProviderConfigurationBuilder builder = ProviderConfigurationBuilder.create();
        for (GeoIpDatabase database : GeoIpDatabase.values()) {
            builder.property()
                    .name(database.configKey())
                    .type("string")
                    .helpText("Path to the MaxMind " + database.edition() + " database file (.mmdb)."
                            + " Unset or unreadable: " + database.label() + " lookups answer unknown.")
                    .add();
        }
        return builder.property()
                .name(MaxMindSettings.ANSWER_CACHE_SIZE)
                .type("string")
                .defaultValue(String.valueOf(GeoIpAnswers.DEFAULT_SIZE))
                .helpText("Answers kept per database, per address, in memory (0: none).")
                .add()
                .property()
                .name(MaxMindSettings.FILE_CHECK_INTERVAL)
                .type("string")
                .defaultValue(String.valueOf(MaxMindSettings.DEFAULT_FILE_CHECK_SECONDS))
                .helpText("Seconds between checks whether a database file was replaced (as geoipupdate does, by"
                        + " renaming a new file over it); a replaced file is used from the next lookup on, without"
                        + " a restart (0: never check).")
                .add()
                .build();
    }
}
