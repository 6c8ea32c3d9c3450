package dev.vigil.otp.flow;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.theme.Theme;

/**
 * The SMS and e-mail texts in the user's language, from the login theme's messages (the otp jar's
 * {@code theme-resources/messages}, overridable per realm in Realm settings > Localization).
 */
final class OtpTexts {

    private final Properties messages;
    private final Locale locale;
    private final String realmName;

    private OtpTexts(Properties messages, Locale locale, String realmName) {
        this.messages = messages;
        this.locale = locale;
        this.realmName = realmName;
    }

    static OtpTexts of(KeycloakSession session, RealmModel realm, UserModel user) {
        Locale locale = session.getContext().resolveLocale(user);
        try {
            Theme theme = session.theme().getTheme(Theme.Type.LOGIN);
            String name = realm.getDisplayName() == null || realm.getDisplayName().isBlank() ? realm.getName() : realm.getDisplayName();
            return new OtpTexts(theme.getEnhancedMessages(realm, locale), locale, name);
        } catch (IOException e) {
            throw new UncheckedIOException("login theme messages unreadable", e);
        }
    }

    Locale locale() {
        return locale;
    }

    /** Ends with the domain-bound line ({@code @host #code}) browsers use to offer the code (WebOTP). */
    String smsBody(String code, int minutes, String host) {
        return format("vigilOtpSmsBody", realmName, code, minutes) + "\n\n@" + host + " #" + code;
    }

    String emailSubject() {
        return format("vigilOtpEmailSubject", realmName);
    }

    String emailBody(String code, int minutes) {
        return format("vigilOtpEmailBody", realmName, code, minutes);
    }

    private String format(String key, Object... arguments) {
        String pattern = messages.getProperty(key, key);
        return new MessageFormat(pattern, locale).format(arguments);
    }
}
