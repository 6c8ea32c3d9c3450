package dev.vigil.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URI;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.AuthenticationErrorResponse;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.AuthenticationResponse;
import com.nimbusds.openid.connect.sdk.AuthenticationResponseParser;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.token.OIDCTokens;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;

/**
 * An OpenID Connect relying party built on the Nimbus OAuth 2.0 SDK, as a site federating with Vigil
 * would be: discovery, authorization code flow with PKCE S256, state and nonce, token exchange, and ID
 * token validation (signature against the JWKS, issuer, audience, expiry, nonce).
 */
public final class OidcRelyingParty {

    private final OIDCProviderMetadata provider;
    private final ClientID clientId;
    private final Secret secret;
    private final URI redirectUri;

    private OidcRelyingParty(URI issuer, String clientId, Secret secret, URI redirectUri) {
        try {
            this.provider = OIDCProviderMetadata.resolve(new Issuer(issuer));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (com.nimbusds.oauth2.sdk.GeneralException e) {
            throw new IllegalStateException("discovery failed for " + issuer, e);
        }
        this.clientId = new ClientID(clientId);
        this.secret = secret;
        this.redirectUri = redirectUri;
    }

    /** A public client (no secret), like demo-app. */
    public static OidcRelyingParty publicClient(URI issuer, String clientId, URI redirectUri) {
        return new OidcRelyingParty(issuer, clientId, null, redirectUri);
    }

    /** A confidential client authenticating with client_secret_basic, like demo-site. */
    public static OidcRelyingParty confidentialClient(URI issuer, String clientId, String secret, URI redirectUri) {
        return new OidcRelyingParty(issuer, clientId, new Secret(secret), redirectUri);
    }

    public OIDCProviderMetadata provider() {
        return provider;
    }

    /** Starts a login: fresh state, nonce and PKCE verifier. */
    public Attempt begin() {
        return begin(new Scope("openid", "profile", "email"));
    }

    /** Starts a login asking for these scopes (e.g. {@code offline_access} for an offline refresh token). */
    public Attempt begin(Scope scope) {
        State state = new State();
        Nonce nonce = new Nonce();
        CodeVerifier verifier = new CodeVerifier();
        URI uri = new AuthenticationRequest.Builder(new ResponseType("code"), scope,
                clientId, redirectUri)
                .endpointURI(provider.getAuthorizationEndpointURI())
                .state(state)
                .nonce(nonce)
                .codeChallenge(verifier, CodeChallengeMethod.S256)
                .build()
                .toURI();
        return new Attempt(uri, state, nonce, verifier);
    }

    /** The authorization endpoint URI without any PKCE parameters, to prove the server insists on them. */
    public URI authorizationUriWithoutPkce() {
        return new AuthenticationRequest.Builder(new ResponseType("code"), new Scope("openid"), clientId, redirectUri)
                .endpointURI(provider.getAuthorizationEndpointURI())
                .state(new State())
                .nonce(new Nonce())
                .build()
                .toURI();
    }

    /** Ends a login from the redirect back to the client: checks state, redeems the code, validates the ID token. */
    public SignedIn finish(Attempt attempt, URI callback) {
        AuthorizationCode code = authorizationCode(attempt, callback);
        TokenRequest request = secret == null
                ? new TokenRequest(provider.getTokenEndpointURI(), clientId,
                        new AuthorizationCodeGrant(code, redirectUri, attempt.verifier()))
                : new TokenRequest(provider.getTokenEndpointURI(), new ClientSecretBasic(clientId, secret),
                        new AuthorizationCodeGrant(code, redirectUri, attempt.verifier()));
        try {
            var response = OIDCTokenResponseParser.parse(request.toHTTPRequest().send());
            if (!response.indicatesSuccess()) {
                throw new AssertionError("token request refused: " + response.toErrorResponse().getErrorObject());
            }
            OIDCTokens tokens = ((OIDCTokenResponse) response.toSuccessResponse()).getOIDCTokens();
            IDTokenClaimsSet claims = idTokenValidator().validate(tokens.getIDToken(), attempt.nonce());
            return new SignedIn(tokens, claims);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ParseException | BadJOSEException | JOSEException e) {
            throw new AssertionError("invalid token response or ID token: " + e.getMessage(), e);
        }
    }

    private AuthorizationCode authorizationCode(Attempt attempt, URI callback) {
        try {
            AuthenticationResponse response = AuthenticationResponseParser.parse(callback);
            if (!attempt.state().equals(response.getState())) {
                throw new AssertionError("state mismatch in " + callback);
            }
            if (response instanceof AuthenticationErrorResponse error) {
                throw new AssertionError("authorization refused: " + error.getErrorObject());
            }
            return response.toSuccessResponse().getAuthorizationCode();
        } catch (ParseException e) {
            throw new AssertionError("not an authorization response: " + callback, e);
        }
    }

    private IDTokenValidator idTokenValidator() {
        try {
            // Nimbus waits 500 ms for the key set by default: too little for a server on a busy CI machine.
            return new IDTokenValidator(provider.getIssuer(), clientId, JWSAlgorithm.RS256,
                    provider.getJWKSetURI().toURL(), new DefaultResourceRetriever(10_000, 10_000));
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    public URI redirectUri() {
        return redirectUri;
    }

    /** What the client remembers between sending the user away and getting them back. */
    public record Attempt(URI authorizationUri, State state, Nonce nonce, CodeVerifier verifier) {

        /** The same attempt, its authorization request carrying {@code parameters} too (as a site adds acr_values). */
        public Attempt with(String parameters) {
            return new Attempt(URI.create(authorizationUri + "&" + parameters), state, nonce, verifier);
        }
    }

    public record SignedIn(OIDCTokens tokens, IDTokenClaimsSet idToken) {
    }
}
