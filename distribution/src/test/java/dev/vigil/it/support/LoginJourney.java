package dev.vigil.it.support;

import java.net.URI;
import java.util.Map;

import dev.vigil.it.support.HttpSession.Page;

/** The steps of a browser login through the {@code vigil browser} flow, driven over HTTP. */
public final class LoginJourney {

    public static final String LOGIN_FORM = "form#kc-form-login";
    public static final String CONSENT_FORM = "form#vigil-consent-form";
    public static final String DEVICE_CHECK_FORM = "form#vigil-fingerprint-form";
    public static final String OTP_FORM = "form#vigil-otp-form";
    public static final String OTP_RESEND_FORM = "form#vigil-otp-resend-form";
    public static final String PHONE_FORM = "form#vigil-phone-form";

    private LoginJourney() {
    }

    /** Opens the authorization URI and submits username and password; returns the page after the password. */
    public static Page password(HttpSession browser, URI authorizationUri, String username, String password) {
        Page login = browser.getFollowingRedirects(authorizationUri);
        return browser.submit(login, LOGIN_FORM, Map.of("username", username, "password", password));
    }

    /**
     * Password, then the terms accepted if asked and the device check passed: for tests about what comes
     * after the consent gate.
     */
    public static Page signIn(HttpSession browser, URI authorizationUri, String username, String password) {
        Page afterPassword = password(browser, authorizationUri, username, password);
        return deviceCheck(browser, isConsentPage(afterPassword) ? accept(browser, afterPassword) : afterPassword);
    }

    /** Sends the session's fingerprint from the device-check page, as its script does; other pages pass through. */
    public static Page deviceCheck(HttpSession browser, Page page) {
        return isDeviceCheckPage(page)
                ? browser.submit(page, DEVICE_CHECK_FORM, Map.of("fingerprint", browser.fingerprint()))
                : page;
    }

    /**
     * A whole login as a user without a phone completes it in the demo realm: password, terms, device check,
     * and the one-time code e-mailed (through the outbox) when the risk calls for it.
     */
    public static Page signInCompletely(HttpSession browser, URI authorizationUri, FreshUser user, Outbox outbox) {
        return complete(browser, signIn(browser, authorizationUri, user.username(), user.password()), outbox, user);
    }

    /** From a page after the terms: passes the device check and the OTP step when they come. */
    public static Page complete(HttpSession browser, Page page, Outbox outbox, FreshUser user) {
        Page next = deviceCheck(browser, page);
        return isOtpPage(next) ? otpFromOutbox(browser, next, outbox, user.email()) : next;
    }

    public static boolean isDeviceCheckPage(Page page) {
        return page.status() == 200 && page.document().selectFirst(DEVICE_CHECK_FORM) != null;
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

    /** Whether the page asks for a one-time code (the Vigil OTP step, or phone enrolment's confirmation). */
    public static boolean isOtpPage(Page page) {
        return page.status() == 200 && page.document().selectFirst(OTP_FORM) != null;
    }

    public static Page otp(HttpSession browser, Page otpPage, String code) {
        return browser.submit(otpPage, OTP_FORM, Map.of("code", code));
    }

    /** Completes the OTP step with the latest code the outbox holds for {@code recipient}. */
    public static Page otpFromOutbox(HttpSession browser, Page otpPage, Outbox outbox, String recipient) {
        return otp(browser, otpPage, outbox.latestCode(recipient));
    }

    public static Page resend(HttpSession browser, Page otpPage) {
        return browser.submit(otpPage, OTP_RESEND_FORM, Map.of("resend", ""));
    }

    public static Page emailInstead(HttpSession browser, Page otpPage) {
        return browser.submit(otpPage, OTP_RESEND_FORM, Map.of("email", ""));
    }

    /** Phone enrolment: submits the number; returns the code page (or the phone page with an error). */
    public static Page enrolPhone(HttpSession browser, Page phonePage, String number) {
        return browser.submit(phonePage, PHONE_FORM, Map.of("phone", number));
    }
}
