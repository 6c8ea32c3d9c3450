package dev.vigil.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.util.UUID;

import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import dev.vigil.it.support.AdminApi;
import dev.vigil.it.support.FreshUser;
import dev.vigil.it.support.HttpSession;
import dev.vigil.it.support.HttpSession.Page;
import dev.vigil.it.support.LoadBalancer;
import dev.vigil.it.support.LoginJourney;
import dev.vigil.it.support.OidcRelyingParty;
import dev.vigil.it.support.OidcRelyingParty.Attempt;
import dev.vigil.it.support.Outbox;
import dev.vigil.it.support.PostgresServer;
import dev.vigil.it.support.ProductionPath;
import dev.vigil.it.support.ServerDatabase;
import dev.vigil.it.support.VigilServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Two Vigil nodes on loopback (own HTTP, management and cluster ports, bound to 127.0.0.1) over one PostgreSQL
 * database, clustered by Keycloak's default jdbc-ping discovery, behind one load balancer: what a login needs
 * is cluster-wide, so a login may move between nodes, and survives the death of the node it began on.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoNodeIT {

    private static final URI APP_CALLBACK = URI.create("http://127.0.0.1:53682/callback");
    private static final String OTP_ERROR = "#vigil-otp-error";

    private LoadBalancer balancer;
    private VigilServer nodeA;
    private VigilServer nodeB;
    private AdminApi admin;

    @BeforeAll
    void startTwoNodesOverOneDatabase() {
        Path home = ProductionPath.sharedPostgresHome();
        ServerDatabase database = PostgresServer.shared().createDatabase("cluster");
        balancer = LoadBalancer.onFreePort();
        String adminPassword = UUID.randomUUID().toString();
        nodeA = VigilServer.node("node-a", home, database, balancer.uri(), adminPassword).start();
        nodeB = VigilServer.node("node-b", home, database, balancer.uri(), adminPassword).start();
        // B joins A's cluster while starting (Infinispan logs each view with its size), before it is ready.
        assertThat(nodeB.logText()).as("node B's log").containsPattern("ISPN000094: Received new cluster view .*\\(2\\)");
        admin = new AdminApi(nodeA);
    }

    @AfterAll
    void stopThem() {
        if (nodeB != null) {
            nodeB.close();
        }
        if (nodeA != null) {
            nodeA.close();
        }
        if (balancer != null) {
            balancer.close();
        }
    }

    @Test
    @Order(1)
    void aLoginBegunOnNodeAFinishesOnNodeB() {
        FreshUser user = FreshUser.in(admin, DemoRealm.REALM, "cluster-move");
        balancer.sendTo(nodeA);
        OidcRelyingParty app = app();
        Attempt attempt = app.begin();
        HttpSession browser = new HttpSession();
        Page terms = LoginJourney.password(browser, attempt.authorizationUri(), user.username(), user.password());
        assertThat(LoginJourney.isConsentPage(terms)).as("terms shown by node A").isTrue();

        balancer.sendTo(nodeB);
        Page codePage = LoginJourney.deviceCheck(browser, LoginJourney.accept(browser, terms));
        assertThat(LoginJourney.isOtpPage(codePage)).as("node B goes on with the login node A began").isTrue();
        Page back = LoginJourney.otpFromOutbox(browser, codePage, new Outbox(nodeB), user.email());

        assertThat(app.finish(attempt, back.location()).idToken().getStringClaim("preferred_username"))
                .isEqualTo(user.username());
    }

    @Test
    @Order(2)
    void fiveWrongCodesSpreadOverBothNodesSpendTheCode() {
        FreshUser user = FreshUser.in(admin, DemoRealm.REALM, "cluster-cap");
        balancer.sendTo(nodeA);
        HttpSession browser = new HttpSession();
        Page page = codePage(browser, app().begin(), user);
        String code = new Outbox(nodeA).latestCode(user.email());
        String wrong = code.equals("000000") ? "111111" : "000000";

        for (int attempt = 0; attempt < 5; attempt++) {
            balancer.sendTo(attempt % 2 == 0 ? nodeB : nodeA);
            page = LoginJourney.otp(browser, page, wrong);
            assertThat(page.document().select(OTP_ERROR).text()).isEqualTo("That code is not right. Check it and try again.");
        }
        balancer.sendTo(nodeB);
        Page sixth = LoginJourney.otp(browser, page, code);

        assertThat(sixth.document().select(OTP_ERROR).text()).isEqualTo("Too many wrong codes. Ask for a new code.");
    }

    @Test
    @Order(3)
    void aCodeSentByNodeAHoldsTheResendCooldownOnNodeB() {
        FreshUser user = FreshUser.in(admin, DemoRealm.REALM, "cluster-cooldown");
        balancer.sendTo(nodeA);
        HttpSession browser = new HttpSession();
        Page page = codePage(browser, app().begin(), user);

        balancer.sendTo(nodeB);
        Page refused = LoginJourney.resend(browser, page);

        assertThat(refused.document().select(OTP_ERROR).text())
                .matches("Please wait ([1-9]|[12][0-9]|30) seconds? before asking for a new code\\.");
        assertThat(new Outbox(nodeA).messagesTo(user.email())).hasSize(1);
        assertThat(new Outbox(nodeB).messagesTo(user.email())).isEmpty();
    }

    /** Last: it kills node A. */
    @Test
    @Order(4)
    void nodeAKilledWhileTheUserIsOnTheCodePageTheLoginCompletesOnNodeB() {
        FreshUser user = FreshUser.in(admin, DemoRealm.REALM, "cluster-crash");
        balancer.sendTo(nodeA);
        OidcRelyingParty app = app();
        Attempt attempt = app.begin();
        HttpSession browser = new HttpSession();
        Page codePage = codePage(browser, attempt, user);
        String code = new Outbox(nodeA).latestCode(user.email());

        nodeA.kill();
        balancer.sendTo(nodeB);
        Page back = LoginJourney.otp(browser, codePage, code);

        assertThat(back.isRedirect()).as("the code node A sent is accepted by node B:\n" + back.body()).isTrue();
        IDTokenClaimsSet idToken = app.finish(attempt, back.location()).idToken();
        assertThat(idToken.getStringClaim("preferred_username")).isEqualTo(user.username());
    }

    private OidcRelyingParty app() {
        return OidcRelyingParty.publicClient(balancer.uri().resolve("/realms/" + DemoRealm.REALM), DemoRealm.PUBLIC_CLIENT,
                APP_CALLBACK);
    }

    private static Page codePage(HttpSession browser, Attempt attempt, FreshUser user) {
        Page page = LoginJourney.signIn(browser, attempt.authorizationUri(), user.username(), user.password());
        assertThat(LoginJourney.isOtpPage(page)).as("a new user's first login is stepped up").isTrue();
        return page;
    }
}
