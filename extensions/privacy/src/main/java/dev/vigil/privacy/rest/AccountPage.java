package dev.vigil.privacy.rest;

import java.text.MessageFormat;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

import dev.vigil.api.history.SignIn;
import dev.vigil.privacy.settings.PrivacySettings;
import dev.vigil.privacy.store.ConsentRecordEntity;
import dev.vigil.privacy.store.DeviceEntity;
import org.keycloak.common.util.HtmlUtils;

/**
 * The "Your devices and data" page, shown inside the account console: what Vigil keeps about the user,
 * with the buttons to act on it. Every value is escaped; every form carries the anti-CSRF token.
 */
final class AccountPage {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final Properties messages;
    private final Locale locale;
    private final String base;
    private final String stylesheet;
    private final StringBuilder html = new StringBuilder();

    /** {@code base}: the page's own absolute URL, ending with "/", against which its links are made. */
    AccountPage(Properties messages, Locale locale, String base, String stylesheet) {
        this.messages = messages;
        this.locale = locale;
        this.base = base;
        this.stylesheet = stylesheet;
    }

    String render(String formToken, List<DeviceEntity> devices, List<SignIn> signIns, List<ConsentRecordEntity> consents) {
        open("vigilDataTitle");
        html.append("<p>").append(text("vigilDataIntro")).append("</p>");

        heading("vigilDataDevices");
        if (devices.isEmpty()) {
            html.append("<p id=\"vigil-no-devices\">").append(text("vigilDataNoDevices")).append("</p>");
        } else {
            html.append("<table class=\"pf-v5-c-table pf-m-compact\" id=\"vigil-devices\"><thead><tr>")
                    .append(th("vigilDataDevice")).append(th("vigilDataFirstSeen")).append(th("vigilDataLastSeen"))
                    .append("<th></th></tr></thead><tbody>");
            for (DeviceEntity device : devices) {
                html.append("<tr data-device=\"").append(escape(device.getId())).append("\">")
                        .append(td(device.getLabel())).append(td(time(device.getFirstSeen()))).append(td(time(device.getLastSeen())))
                        .append("<td>");
                form("devices/" + device.getId() + "/forget", formToken, "vigilDataForgetDevice", "pf-m-link");
                html.append("</td></tr>");
            }
            html.append("</tbody></table>");
        }

        heading("vigilDataSignIns");
        if (signIns.isEmpty()) {
            html.append("<p id=\"vigil-no-sign-ins\">").append(text("vigilDataNoSignIns")).append("</p>");
        } else {
            html.append("<table class=\"pf-v5-c-table pf-m-compact\" id=\"vigil-sign-ins\"><thead><tr>")
                    .append(th("vigilDataWhen")).append(th("vigilDataDevice")).append(th("vigilDataPlace"))
                    .append(th("vigilDataDecision")).append("</tr></thead><tbody>");
            for (SignIn signIn : signIns) {
                html.append("<tr>").append(td(time(signIn.at().toEpochMilli()))).append(td(signIn.deviceLabel()))
                        .append(td(signIn.place() == null ? null : signIn.place().label()))
                        .append(td(signIn.riskLevel() == null ? signIn.outcome().name() : signIn.riskLevel() + " / " + signIn.outcome().name()))
                        .append("</tr>");
            }
            html.append("</tbody></table>");
        }

        heading("vigilDataConsents");
        html.append("<table class=\"pf-v5-c-table pf-m-compact\" id=\"vigil-consents\"><thead><tr>")
                .append(th("vigilDataTermsVersion")).append(th("vigilDataAccepted")).append(th("vigilDataWithdrawn"))
                .append("<th></th></tr></thead><tbody>");
        for (ConsentRecordEntity consent : consents) {
            html.append("<tr>").append(td(consent.getTermsVersion())).append(td(time(consent.getAcceptedAt())))
                    .append(td(consent.getWithdrawnAt() == null ? "" : time(consent.getWithdrawnAt())))
                    .append("<td><a href=\"").append(escape(base + "consents/" + consent.getId() + "/receipt")).append("\">")
                    .append(text("vigilDataReceipt")).append("</a></td></tr>");
        }
        html.append("</tbody></table>");

        heading("vigilDataYourRights");
        html.append("<p><a id=\"vigil-download\" class=\"pf-v5-c-button pf-m-secondary\" href=\"").append(escape(base + "export")).append("\">")
                .append(text("vigilDataDownload")).append("</a></p>");
        form("consent/withdraw", formToken, "vigilDataWithdraw", "pf-m-warning");
        html.append("<p>").append(text("vigilDataDeleteAccount")).append("</p>");
        return close();
    }

    /** The realm's privacy notice, with its own retention periods, linked from the terms. */
    String policy(PrivacySettings settings, String accountPageUrl) {
        open("vigilPolicyTitle");
        html.append("<p>").append(text("vigilPolicyWhat")).append("</p>")
                .append("<p>").append(text("vigilPolicyWhy")).append("</p>")
                .append("<p id=\"vigil-policy-retention\">").append(escape(format("vigilPolicyHowLong",
                        settings.historyRetention().toDays(), settings.deviceRetention().toDays()))).append("</p>")
                .append("<p>").append(text("vigilPolicyRights")).append(" <a target=\"_top\" href=\"")
                .append(escape(accountPageUrl)).append("\">").append(text("vigilDataTitle")).append("</a></p>");
        return close();
    }

    /** Shown when the browser has no session: the page never shows data without one. */
    String signedOut(String accountConsoleUrl) {
        open("vigilDataTitle");
        html.append("<p id=\"vigil-signed-out\">").append(text("vigilDataSignedOut")).append("</p>")
                .append("<p><a class=\"pf-v5-c-button pf-m-primary\" target=\"_top\" href=\"").append(escape(accountConsoleUrl)).append("\">")
                .append(text("vigilDataSignIn")).append("</a></p>");
        return close();
    }

    private void open(String titleKey) {
        html.append("<!doctype html><html lang=\"").append(escape(locale.toLanguageTag())).append("\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>").append(text(titleKey)).append("</title>")
                .append("<link rel=\"stylesheet\" href=\"").append(escape(stylesheet)).append("\">")
                .append("<style>body{padding:1.5rem}h2{margin:1.5rem 0 .5rem}form{display:inline}</style>")
                .append("</head><body class=\"pf-v5-c-content\"><h1>").append(text(titleKey)).append("</h1>");
    }

    private String close() {
        return html.append("</body></html>").toString();
    }

    private void heading(String key) {
        html.append("<h2>").append(text(key)).append("</h2>");
    }

    private void form(String action, String formToken, String labelKey, String style) {
        html.append("<form method=\"post\" action=\"").append(escape(base + action)).append("\">")
                .append("<input type=\"hidden\" name=\"formToken\" value=\"").append(escape(formToken)).append("\">")
                .append("<button type=\"submit\" class=\"pf-v5-c-button ").append(style).append("\">")
                .append(text(labelKey)).append("</button></form>");
    }

    private String th(String key) {
        return "<th>" + text(key) + "</th>";
    }

    private static String td(String value) {
        return "<td>" + escape(value == null ? "" : value) + "</td>";
    }

    private static String time(long epochMillis) {
        return TIME.format(Instant.ofEpochMilli(epochMillis));
    }

    private String text(String key) {
        return escape(messages.getProperty(key, key));
    }

    private String format(String key, Object... arguments) {
        return new MessageFormat(messages.getProperty(key, key), locale).format(arguments);
    }

    private static String escape(String value) {
        return HtmlUtils.escapeAttribute(value);
    }
}
