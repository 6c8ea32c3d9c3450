package dev.vigil.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import dev.vigil.it.support.AdminApi;
import dev.vigil.it.support.FreshUser;
import dev.vigil.it.support.HttpSession;
import dev.vigil.it.support.HttpSession.Page;
import dev.vigil.it.support.LoadBalancer;
import dev.vigil.it.support.LoginJourney;
import dev.vigil.it.support.OidcRelyingParty;
import dev.vigil.it.support.OidcRelyingParty.Attempt;
import dev.vigil.it.support.OtpRealm;
import dev.vigil.it.support.Outbox;
import dev.vigil.it.support.TwoNodeCluster;
import dev.vigil.it.support.VigilNode;
import dev.vigil.it.support.VigilTables;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Two Vigil nodes over one PostgreSQL database, clustered by Keycloak's default jdbc-ping discovery, behind one load
 * balancer: what a login needs is cluster-wide, so a login may move between nodes, and survives the death of the
 * node it began on; the OTP caps and send limits count over both nodes; a device one node learnt the other
 * remembers; and the retention task runs once per interval for the cluster, not once per node. The same scenarios
 * run on loopback processes ({@link TwoNodeIT}) and on containers ({@link TwoNodeContainersIT}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class TwoNodeScenarios {

    private static final URI APP_CALLBACK = URI.create("http://127.0.0.1:53682/callback");
    private static final String OTP_ERROR = "#vigil-otp-error";
    private static final String MILTON = "216.160.83.56";
    private static final String DEVICE_COOKIE = "VIGIL_DEVICE";
    /** The shortest retention interval the setting takes, so that the test sees a few runs. */
    private static final Duration RETENTION_INTERVAL = Duration.ofMinutes(1);
    /** Long enough for three runs of the retention task after the sign-ins are in place. */
    private static final Duration RETENTION_OBSERVATION = Duration.ofMinutes(5);

    private TwoNodeCluster cluster;
    private LoadBalancer balancer;
    private VigilNode nodeA;
    private VigilNode nodeB;
    private AdminApi admin;
    private Instant retentionObservedFrom;

    /** Starts node A, then node B, each with these further {@code kc.sh start} options. */
    protected abstract TwoNodeCluster startCluster(List<String> options);

    @BeforeAll
    void startTwoNodesOverOneDatabase() throws SQLException {
        cluster = startCluster(List.of("--spi-realm-restapi-extension--vigil-privacy--retention-interval-minutes="
                + RETENTION_INTERVAL.toMinutes()));
        balancer = cluster.balancer();
        nodeA = cluster.nodeA();
        nodeB = cluster.nodeB();
        // B joins A's cluster while starting (Infinispan logs each view with its size), before it is ready.
        assertThat(nodeB.logText()).as("node B's log").containsPattern("ISPN000094: Received new cluster view .*\\(2\\)");
        admin = new AdminApi(nodeA);
        plainHttpFromTheTestAddresses();
        signInsAgeingPastTheRetentionPeriodEverySecond();
    }

    /** As on the suite's shared server (see VigilServerExtension): logins from public test addresses over plain HTTP. */
    private void plainHttpFromTheTestAddresses() {
        ObjectNode realm = admin.get("/realms/" + DemoRealm.REALM).deepCopy();
        realm.put("sslRequired", "none");
        AdminApi.expect(204, admin.put("/realms/" + DemoRealm.REALM, realm));
    }

    /** An admin token lives a minute: each test signs the admin in afresh. */
    @BeforeEach
    void signInTheAdmin() {
        admin = new AdminApi(nodeA);
    }

    /**
     * One sign-in (of the demo realm's default 180 days) passes the retention period every second from now on, so
     * that every run of the retention task, on whichever node, has something to delete and records an admin event.
     */
    private void signInsAgeingPastTheRetentionPeriodEverySecond() throws SQLException {
        VigilTables tables = new VigilTables(nodeA);
        String realmId = admin.get("/realms/" + DemoRealm.REALM).path("id").asText();
        String userId = FreshUser.in(admin, DemoRealm.REALM, "cluster-retention").id();
        retentionObservedFrom = Instant.now();
        long periodStart = retentionObservedFrom.minus(Duration.ofDays(180)).toEpochMilli();
        String deviceId = tables.insertDeviceWithSignIn(realmId, userId, retentionObservedFrom.toEpochMilli());
        for (long second = 1; second <= RETENTION_OBSERVATION.toSeconds() + 120; second++) {
            tables.insertSignIn(realmId, userId, deviceId, periodStart + second * 1000);
        }
    }

    @AfterAll
    void stopThem() {
        if (cluster != null) {
            cluster.close();
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
        String wrong = wrong(code);

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

    @Test
    @Order(4)
    void wrongCodesFromSeveralSessionsOverBothNodesLockTheUserAtExactlyTheCap() {
        PhoneUser user = phoneUserInNewRealm("cluster-user-cap", Map.of("maxFailuresPerUserPerHour", "3"));
        CodePage first = codePageThrough(nodeA, user);
        balancer.sendTo(nodeB);
        Page firstPage = assertWrong(first.browser(), first.page(), wrong(first.code()));
        balancer.sendTo(nodeA);
        firstPage = assertWrong(first.browser(), firstPage, wrong(first.code()));

        CodePage second = codePageThrough(nodeB, user);
        balancer.sendTo(nodeA);
        Page secondPage = assertWrong(second.browser(), second.page(), wrong(second.code()));

        balancer.sendTo(nodeB);
        Page locked = LoginJourney.otp(second.browser(), secondPage, second.code());

        assertThat(locked.status()).as("the fourth check, though right, after three wrong codes on two nodes").isEqualTo(429);
        assertThat(locked.body()).contains("Too many wrong codes have been typed for this account.");
        balancer.sendTo(nodeA);
        assertThat(LoginJourney.otp(first.browser(), firstPage, first.code()).status()).as("the first session, on node A")
                .isEqualTo(429);
    }

    @Test
    @Order(5)
    void thePerPhoneSendLimitCountsTheCodesOfBothNodes() {
        PhoneUser user = phoneUserInNewRealm("cluster-send-limit", Map.of("maxSendsPerPhonePerHour", "2"));
        CodePage first = codePageThrough(nodeA, user);
        codePageThrough(nodeB, user);
        assertThat(messagesOnEitherNode(user.phone())).as("one code sent by each node").hasSize(2);

        Page refused = LoginJourney.resend(first.browser(), first.page());

        assertThat(refused.document().select(OTP_ERROR).text()).isEqualTo("Too many codes have been requested. Please try again later.");
        assertThat(messagesOnEitherNode(user.phone())).hasSize(2);
    }

    @Test
    @Order(6)
    void aDeviceLearntOnNodeAIsRememberedOnNodeB() {
        FreshUser user = FreshUser.in(admin, DemoRealm.REALM, "cluster-device");
        HttpSession laptop = new HttpSession().from(MILTON);
        OidcRelyingParty app = app();
        balancer.sendTo(nodeA);
        Attempt first = app.begin();
        Page signedIn = LoginJourney.signInCompletely(laptop, first.authorizationUri(), user, new Outbox(nodeA));
        assertThat(app.finish(first, signedIn.location()).idToken().getStringClaim("vigil_risk")).isEqualTo("MEDIUM");
        assertThat(laptop.hasCookie(DEVICE_COOKIE)).as("node A remembers the device").isTrue();

        balancer.sendTo(nodeB);
        Attempt second = app.begin();
        Page back = LoginJourney.signIn(laptop.forgetSignIn(), second.authorizationUri(), user.username(), user.password());

        assertThat(back.isRedirect()).as("node B signs the remembered device in without a code:\n" + back.body()).isTrue();
        assertThat(app.finish(second, back.location()).idToken().getStringClaim("vigil_risk")).isEqualTo("LOW");
        AdminApi adminOnB = new AdminApi(nodeB);
        JsonNode login = adminOnB.get("/realms/" + DemoRealm.REALM + "/events?user=" + user.id() + "&type=LOGIN&max=1").get(0);
        assertThat(login.path("details").path("vigil_risk_reasons").asText().split(",")).contains("remembered-device");
        JsonNode export = adminOnB.get("/realms/" + DemoRealm.REALM + "/vigil-privacy/users/" + user.id() + "/export");
        assertThat(export.path("devices")).as("node B reads the device node A learnt").hasSize(1);
    }

    /**
     * Both nodes schedule the retention task every interval, each on its own timer; a run claims its interval
     * (counted from the epoch) cluster-wide first. The runs recorded (each deleted the sign-ins that aged past the
     * period since the run before) fall in consecutive intervals, one each: never two in one interval, never none.
     * Two runs may be less than an interval apart when the nodes' timers are offset (one late in an interval, the
     * other early in the next).
     */
    @Test
    @Order(7)
    void theRetentionTaskRunsOncePerIntervalForTheCluster() throws InterruptedException {
        Instant deadline = retentionObservedFrom.plus(RETENTION_OBSERVATION);
        List<Instant> runs = retentionRuns();
        while (runs.size() < 3 && Instant.now().isBefore(deadline)) {
            Thread.sleep(2000); // polling the admin events; the task runs on the nodes' own timers
            runs = retentionRuns();
        }

        assertThat(runs).as("retention runs recorded since " + retentionObservedFrom).hasSizeGreaterThanOrEqualTo(3);
        List<Long> intervals = runs.stream().map(run -> run.toEpochMilli() / RETENTION_INTERVAL.toMillis()).toList();
        for (int i = 1; i < intervals.size(); i++) {
            assertThat(intervals.get(i)).as("interval of run %d of %s (one run per interval, none skipped)", i + 1, runs)
                    .isEqualTo(intervals.get(i - 1) + 1);
        }
    }

    /** Last: it kills node A. */
    @Test
    @Order(8)
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

    /** The times of the retention runs recorded as admin events of the demo realm, oldest first. */
    private List<Instant> retentionRuns() {
        List<Instant> runs = new ArrayList<>();
        new AdminApi(nodeA).get("/realms/" + DemoRealm.REALM + "/admin-events?max=1000").forEach(event -> {
            if ("VIGIL_RETENTION".equals(event.path("resourceType").asText())) {
                runs.add(Instant.ofEpochMilli(event.path("time").asLong()));
            }
        });
        return runs.stream().sorted().toList();
    }

    /** A user with a verified phone, in a new OTP realm with these settings. */
    private PhoneUser phoneUserInNewRealm(String realmName, Map<String, String> settings) {
        OtpRealm realm = OtpRealm.create(admin, nodeA, realmName, settings);
        String phone = OtpRealm.randomMobile();
        return new PhoneUser(realm, realm.userWithPhone("phone", phone), phone);
    }

    private record PhoneUser(OtpRealm realm, FreshUser user, String phone) {
    }

    /** A new browser sent to {@code node}, signed in with the password up to the code page; the code that node sent. */
    private CodePage codePageThrough(VigilNode node, PhoneUser user) {
        balancer.sendTo(node);
        HttpSession browser = new HttpSession();
        OidcRelyingParty app = OidcRelyingParty.publicClient(balancer.uri().resolve("/realms/" + user.realm().name()),
                OtpRealm.CLIENT, OtpRealm.CALLBACK);
        Page page = codePage(browser, app.begin(), user.user());
        return new CodePage(browser, page, new Outbox(node).latestCode(user.phone()));
    }

    private record CodePage(HttpSession browser, Page page, String code) {
    }

    private static Page assertWrong(HttpSession browser, Page page, String code) {
        Page next = LoginJourney.otp(browser, page, code);
        assertThat(next.document().select(OTP_ERROR).text()).isEqualTo("That code is not right. Check it and try again.");
        return next;
    }

    private static String wrong(String code) {
        return code.equals("000000") ? "111111" : "000000";
    }

    /** Each node writes the codes it sends to its own development outbox. */
    private List<Outbox.Message> messagesOnEitherNode(String recipient) {
        return Stream.of(nodeA, nodeB).flatMap(node -> new Outbox(node).messagesTo(recipient).stream()).toList();
    }

    private OidcRelyingParty app() {
        return OidcRelyingParty.publicClient(balancer.uri().resolve("/realms/" + DemoRealm.REALM), DemoRealm.PUBLIC_CLIENT,
                APP_CALLBACK);
    }

    private static Page codePage(HttpSession browser, Attempt attempt, FreshUser user) {
        Page page = LoginJourney.signIn(browser, attempt.authorizationUri(), user.username(), user.password());
        assertThat(LoginJourney.isOtpPage(page)).as("a new user's first login is stepped up:\n" + page.body()).isTrue();
        return page;
    }
}
