package dev.vigil.it.support;

import java.net.URI;
import java.util.Map;

import dev.vigil.it.support.HttpSession.Page;

/** The steps of a browser login through the {@code vigil browser} flow, driven over HTTP. */
public final class LoginJourney {

    public static final String LOGIN_FORM = "form#kc-form-login";
    public static final String CONSENT_FORM = "form#vigil-consent-form";

    private LoginJourney() {
    }

    /** Opens the authorization URI and submits username and password; returns the page after the password. */
    public static Page password(HttpSession browser, URI authorizationUri, String username, String password) {
        Page login = browser.getFollowingRedirects(authorizationUri);
        return browser.submit(login, LOGIN_FORM, Map.of("username", username, "password", password));
    }

    /** Password, then the terms accepted if asked: for tests about what comes after the consent gate. */
    public static Page signIn(HttpSession browser, URI authorizationUri, String username, String password) {
        Page afterPassword = password(browser, authorizationUri, username, password);
        return isConsentPage(afterPassword) ? accept(browser, afterPassword) : afterPassword;
    }

    public static boolean isConsentPage(Page page) {
        return page.status() == 200 && page.document().selectFirst(CONSENT_FORM) != null;
    }

    public static Page accept(HttpSession browser, Page consentPage) {
        return browser.submit(consentPage, CONSENT_FORM, Map.of("accept", ""));
    }

    public static Page refuse(HttpSession browser, Page consentPage) {
        return browser.submit(consentPage, CONSENT_FORM, Map.of("refuse", ""));
    }
}
