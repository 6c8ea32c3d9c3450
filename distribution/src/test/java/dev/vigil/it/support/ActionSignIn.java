package dev.vigil.it.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;

import dev.vigil.it.support.HttpSession.Page;

/**
 * A sign-in that asks for one of Keycloak's actions ({@code kc_action}), as the account console starts one to change
 * a second factor (phone, e-mail), and what the tests of such changes look for on its way.
 */
public final class ActionSignIn {

    private ActionSignIn() {
    }

    /** Password sign-in for {@code kcAction}; the page the flow then shows (a code, the action's form, a refusal). */
    public static Page signInFor(HttpSession browser, URI authorizationUri, String kcAction, FreshUser user) {
        return followed(browser, LoginJourney.signIn(browser, URI.create(authorizationUri + "&kc_action=" + kcAction),
                user.username(), user.password()));
    }

    /** A page after the flow, once Keycloak's redirect to a required action is followed. */
    public static Page followed(HttpSession browser, Page page) {
        return page.isRedirect() && !page.location().toString().startsWith(OtpRealm.CALLBACK.toString())
                ? browser.getFollowingRedirects(page.location()) : page;
    }

    /** {@code page} asks for a code just sent by text message to {@code e164} (a French mobile), shown masked. */
    public static void assertCodeAskedBySms(Page page, String e164) {
        assertThat(LoginJourney.isOtpPage(page)).as(page.body()).isTrue();
        assertThat(page.document().select("#vigil-otp-destination").text())
                .startsWith("We sent a code by text message to +33 6** ** ** " + lastTwo(e164));
    }

    public static String lastTwo(String e164) {
        return e164.substring(e164.length() - 2);
    }
}
