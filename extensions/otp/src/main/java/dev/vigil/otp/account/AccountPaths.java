package dev.vigil.otp.account;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.ws.rs.container.ContainerRequestContext;

/** Where Keycloak's account REST API lives: {@code /realms/{realm}/account}, optionally with its version segment. */
final class AccountPaths {

    private static final String ACCOUNT = "/realms/([^/]+)/account(?:/v\\d[0-9a-zA-Z_\\-]*)?";
    /** The account itself (its POST updates the profile): group 1 is the realm. */
    static final Pattern PROFILE = Pattern.compile(ACCOUNT + "/?$");
    /** One credential, or its label: groups are the realm, the credential id, and "/label" when present. */
    static final Pattern CREDENTIAL = Pattern.compile(ACCOUNT + "/credentials/([^/]+)(/label)?/?$");

    private AccountPaths() {
    }

    /** A matcher over the request's path (repeated slashes read as one, as the router may); use {@code find()}. */
    static Matcher match(Pattern pattern, ContainerRequestContext request) {
        return pattern.matcher("/" + request.getUriInfo().getPath().replaceAll("/{2,}", "/").replaceFirst("^/", ""));
    }
}
