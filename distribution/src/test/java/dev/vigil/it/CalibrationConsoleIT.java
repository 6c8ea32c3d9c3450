package dev.vigil.it;

import static dev.vigil.it.support.Calibrations.LINKOPING;
import static dev.vigil.it.support.Calibrations.calibrationPath;
import static dev.vigil.it.support.Calibrations.lastLogin;
import static dev.vigil.it.support.Calibrations.signIn;
import static dev.vigil.it.support.Calibrations.twoUsersSignedInThreeTimes;
import static dev.vigil.it.support.Calibrations.whileCalibrated;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.it.support.AdminApi;
import dev.vigil.it.support.FreshUser;
import dev.vigil.it.support.HeadlessChromium;
import dev.vigil.it.support.HttpSession;
import dev.vigil.it.support.OidcRelyingParty;
import dev.vigil.it.support.Outbox;
import dev.vigil.it.support.StepRealm;
import dev.vigil.it.support.VigilServer;
import dev.vigil.it.support.VigilServerExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The realm's risk thresholds in the admin console (issue 13, point 1): the "Vigil risk thresholds" tab of the realm
 * settings shows the thresholds in use, the target in words, the expected rates and the sample of the latest
 * calibration, or why the fixed thresholds stay; saving the tab recomputes now and never stores what was typed; a
 * change of the risk step's settings makes the result stale, which the tab and the login events say.
 */
@ExtendWith(VigilServerExtension.class)
class CalibrationConsoleIT {

    private static final String TAB_PROVIDER = "org.keycloak.services.ui.extend.UiTabProvider";
    private static final String TAB = "vigil-risk-thresholds";
    private static final List<String> SHOWN = List.of("status", "thresholdMode", "target", "mediumThreshold",
            "highThreshold", "attacksCaught", "legitimateSteppedUp", "sample", "computedAt");
    private static final String BUSY = "The realm's risk thresholds are being recomputed now; save again when it is done.";
    private static final URI APP_CALLBACK = URI.create("http://127.0.0.1:53682/callback");

    private AdminApi admin;
    private VigilServer server;

    @BeforeEach
    void admin(VigilServer server) {
        this.server = server;
        admin = new AdminApi(server);
    }

    @Test
    void theServerOffersTheTabOnEveryRealmsSettings() {
        JsonNode tab = null;
        for (JsonNode type : admin.get("/serverinfo").path("componentTypes").path(TAB_PROVIDER)) {
            if (TAB.equals(type.path("id").asText())) {
                tab = type;
            }
        }

        assertThat(tab).as("the tab among the console's tab providers").isNotNull();
        assertThat(tab.path("metadata").path("path").asText()).isEqualTo("/:realm/realm-settings/:tab?");
        assertThat(tab.path("metadata").path("params").path("tab").asText()).isEqualTo(TAB);
        List<String> names = new ArrayList<>();
        for (JsonNode property : tab.path("properties")) {
            names.add(property.path("name").asText());
            assertThat(property.path("type").asText()).as("%s", property).isEqualTo("String");
            assertThat(property.path("label").asText()).as("a message key").startsWith("vigilRiskTab");
        }
        assertThat(names).containsExactlyElementsOf(SHOWN);
    }

    @Test
    void aTabImportedWithARealmIsOnlyAViewOfTheTable() {
        String name = "console-imported-" + System.nanoTime();
        Map<String, Object> realm = Map.of("realm", name, "enabled", true, "components", Map.of(TAB_PROVIDER, List.of(
                Map.of("name", "forged", "providerId", TAB, "config", Map.of("status", List.of("Calibrated thresholds in use"),
                        "mediumThreshold", List.of("1000"))))));

        AdminApi.expect(201, admin.post("/realms", realm));

        assertThat(shown(name)).containsEntry("status", "This realm has no Vigil risk evaluation step")
                .containsEntry("mediumThreshold", "");
        AdminApi.expect(204, admin.delete("/realms/" + name));
    }

    @Nested
    class ATinyRealm {

        private StepRealm realm;
        private String realmId;

        @BeforeEach
        void aRealmAskingForCalibratedThresholds() {
            realm = StepRealm.create(admin, server, "console-tiny", "vigil-risk-evaluation",
                    Map.of("thresholdMode", "calibrated"));
            AdminApi.expect(204, admin.put("/realms/" + realm.name(), Map.of("eventsEnabled", true)));
            realmId = admin.get("/realms/" + realm.name()).path("id").asText();
        }

        @Test
        void aRecomputationWritesTheTabWhichSaysWhyTheFixedThresholdsStay() {
            assertThat(shown(realm.name())).as("the tab, from the realm's creation")
                    .containsEntry("status", "Not computed yet: fixed thresholds in use until it is (Save does it now)")
                    .containsEntry("mediumThreshold", "5.00e-06");

            JsonNode latest = recompute(realm.name());

            Map<String, String> shown = shown(realm.name());
            assertThat(shown).containsEntry("status", "Too few users with history (0 of the 50 needed): fixed thresholds in use")
                    .containsEntry("thresholdMode", "calibrated from this realm's sign-ins")
                    .containsEntry("target", "catch at least 99% of simulated targeted attacks")
                    .containsEntry("mediumThreshold", "5.00e-06")
                    .containsEntry("highThreshold", "10.0")
                    .containsEntry("attacksCaught", "not measured (no sample)")
                    .containsEntry("sample", "0 users, 0 legitimate logins, 0 simulated attacks");
            assertThat(shown.get("computedAt")).startsWith(latest.path("computedAt").asText().substring(0, 10));
        }

        @Test
        void savingTheTabRecomputesNowAndNeverStoresWhatWasTyped() {
            Map<String, Object> typed = new HashMap<>();
            typed.put("providerId", TAB);
            typed.put("providerType", TAB_PROVIDER);
            typed.put("parentId", realmId);
            typed.put("config", Map.of("mediumThreshold", List.of("1"), "tab", List.of(TAB)));
            HttpResponse<String> anotherTab = admin.post("/realms/" + realm.name() + "/components", typed);
            assertThat(anotherTab.statusCode()).as("a second tab").isEqualTo(400);
            assertThat(AdminApi.json(anotherTab).path("errorMessage").asText()).contains("tab exists already");
            // As a realm created before the tab existed: none until the console's first save creates it.
            AdminApi.expect(204, admin.delete("/realms/" + realm.name() + "/components/" + tab(realm.name()).path("id").asText()));

            AdminApi.expect(201, admin.post("/realms/" + realm.name() + "/components", typed));

            JsonNode first = admin.get(calibrationPath(realm.name())).path("latest");
            assertThat(first.path("fallback").asText()).as("computed by the save").isEqualTo("too-few-users");
            JsonNode tab = tab(realm.name());
            assertThat(tab.path("config").path("mediumThreshold").get(0).asText()).isEqualTo("5.00e-06");
            assertThat(tab.path("config").has("tab")).isFalse();

            ObjectNode edited = tab.deepCopy();
            ((ObjectNode) edited.path("config")).putArray("mediumThreshold").add("1");
            AdminApi.expect(204, admin.put("/realms/" + realm.name() + "/components/" + tab.path("id").asText(), edited));

            JsonNode second = admin.get(calibrationPath(realm.name())).path("latest");
            assertThat(Instant.parse(second.path("computedAt").asText()))
                    .as("recomputed by the second save").isAfter(Instant.parse(first.path("computedAt").asText()));
            assertThat(shown(realm.name())).containsEntry("mediumThreshold", "5.00e-06");
        }

        @Test
        void aSaveDuringAnotherRecomputationGetsAClearErrorNeverAServerError() throws Exception {
            recompute(realm.name());
            JsonNode tab = tab(realm.name());
            String path = "/realms/" + realm.name() + "/components/" + tab.path("id").asText();
            List<HttpResponse<String>> answers = new ArrayList<>();
            ExecutorService admins = Executors.newFixedThreadPool(8);
            try {
                // Every burst runs: a 500 comes from a save that read the tab before another writer replaced it.
                for (int burst = 0; burst < 8; burst++) {
                    List<Future<HttpResponse<String>>> saves = new ArrayList<>();
                    for (int i = 0; i < 4; i++) {
                        saves.add(admins.submit(() -> admin.put(path, tab)));
                        saves.add(admins.submit(() -> admin.post(calibrationPath(realm.name()), Map.of())));
                    }
                    for (Future<HttpResponse<String>> save : saves) {
                        answers.add(save.get(2, TimeUnit.MINUTES));
                    }
                }
            } finally {
                admins.shutdownNow();
            }

            assertThat(answers).allMatch(a -> a.statusCode() < 500, "no server error");
            List<HttpResponse<String>> refused = answers.stream().filter(a -> a.statusCode() == 400).toList();
            assertThat(refused).as("a save while another recomputation held the realm").isNotEmpty();
            assertThat(refused).allMatch(a -> AdminApi.json(a).path("errorMessage").asText().equals(BUSY), "says why");
        }

        @Test
        void changedStepSettingsMakeTheResultStaleAndTheStepKeepsTheFixedThresholds() {
            recompute(realm.name());
            JsonNode config = admin.get(realm.configPath()).deepCopy();
            ((ObjectNode) config.path("config")).put("calibrationMinUsers", "40");

            AdminApi.expect(204, admin.put(realm.configPath(), config));

            assertThat(shown(realm.name()).get("status")).startsWith("Stale: the risk step's settings changed since");
            assertThat(admin.get(calibrationPath(realm.name())).path("thresholdsInUse").asText())
                    .isEqualTo("fallback:settings-changed");
            FreshUser user = realm.user("stale");
            signIn(new HttpSession().from(LINKOPING), realm.app(), user, null);
            assertThat(lastLogin(admin, realm.name(), user).path("vigil_risk_thresholds").asText())
                    .isEqualTo("fallback:settings-changed");

            recompute(realm.name());
            assertThat(shown(realm.name()).get("status")).startsWith("Too few users with history (0 of the 40 needed)");
        }
    }

    @Nested
    class InTheAdminConsole {

        @Test
        void anAdminSeesTheThresholdsAndRatesOfACalibratedRealmAndWhyATinyRealmKeepsTheFixedOnes() throws Exception {
            Outbox outbox = new Outbox(server);
            OidcRelyingParty app = OidcRelyingParty.publicClient(server.realmUri(DemoRealm.REALM),
                    DemoRealm.PUBLIC_CLIENT, APP_CALLBACK);
            twoUsersSignedInThreeTimes(admin, DemoRealm.REALM, app, outbox, "console");
            String tiny = StepRealm.create(admin, server, "console-shown", "vigil-risk-evaluation",
                    Map.of("thresholdMode", "calibrated")).name();
            recompute(tiny);
            whileCalibrated(admin, DemoRealm.REALM, () -> {
                JsonNode latest = recompute(DemoRealm.REALM);
                assertThat(latest.path("calibrated").asBoolean()).as("%s", latest).isTrue();
                Map<String, String> stored = shown(DemoRealm.REALM);

                try (HeadlessChromium chromium = new HeadlessChromium()) {
                    WebDriver browser = chromium.driver();
                    browser.get(server.baseUri() + "/admin/master/console/#/" + DemoRealm.REALM + "/realm-settings/" + TAB);
                    chromium.waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("username")), Duration.ofSeconds(60),
                            "admin-login-not-shown");
                    browser.findElement(By.id("username")).sendKeys(VigilServer.ADMIN_USER);
                    browser.findElement(By.id("password")).sendKeys(server.adminPassword());
                    browser.findElement(By.id("kc-login")).click();

                    Map<String, String> calibrated = tabIn(chromium, "calibrated-realm-tab-not-shown");
                    assertThat(browser.findElement(By.tagName("body")).getText()).contains("Vigil risk thresholds")
                            .contains("MEDIUM threshold in use").contains("Expected: simulated targeted attacks caught");
                    assertThat(calibrated).containsEntry("status", "Calibrated thresholds in use")
                            .containsEntry("target", "catch at least 99% of simulated targeted attacks")
                            .containsEntry("mediumThreshold", stored.get("mediumThreshold"))
                            .containsEntry("attacksCaught", stored.get("attacksCaught"))
                            .containsEntry("legitimateSteppedUp", stored.get("legitimateSteppedUp"))
                            .containsEntry("sample", stored.get("sample"));
                    assertThat(calibrated.get("attacksCaught")).endsWith("%");
                    chromium.screenshot("console-risk-thresholds-calibrated");

                    browser.get(server.baseUri() + "/admin/master/console/#/" + tiny + "/realm-settings/" + TAB);
                    browser.navigate().refresh();
                    chromium.waitFor(ExpectedConditions.textToBePresentInElementValue(By.cssSelector("[data-testid='status']"),
                            "Too few users"), Duration.ofSeconds(60), "tiny-realm-tab-not-shown");
                    assertThat(tabIn(chromium, "tiny-realm-tab-not-shown").get("status"))
                            .isEqualTo("Too few users with history (0 of the 50 needed): fixed thresholds in use");
                    chromium.screenshot("console-risk-thresholds-tiny");
                }
            });
        }

        private Map<String, String> tabIn(HeadlessChromium chromium, String screenshotOnFailure) {
            By status = By.cssSelector("[data-testid='status']");
            chromium.waitFor(driver -> !driver.findElements(status).isEmpty()
                    && !driver.findElement(status).getDomProperty("value").isEmpty(), Duration.ofSeconds(60), screenshotOnFailure);
            Map<String, String> shown = new HashMap<>();
            for (String name : SHOWN) {
                shown.put(name, chromium.driver().findElement(By.cssSelector("[data-testid='" + name + "']")).getDomProperty("value"));
            }
            return shown;
        }
    }

    private JsonNode recompute(String realm) {
        return AdminApi.json(AdminApi.expect(200, admin.post(calibrationPath(realm), Map.of()))).path("latest");
    }

    /** The realm's tab component, as the console reads it; null when there is none. */
    private JsonNode tab(String realm) {
        for (JsonNode component : admin.get("/realms/" + realm + "/components?type=" + TAB_PROVIDER)) {
            if (TAB.equals(component.path("providerId").asText())) {
                return component;
            }
        }
        return null;
    }

    private Map<String, String> shown(String realm) {
        JsonNode tab = tab(realm);
        assertThat(tab).as("the realm's tab").isNotNull();
        Map<String, String> shown = new HashMap<>();
        tab.path("config").fields().forEachRemaining(field -> shown.put(field.getKey(), field.getValue().get(0).asText()));
        return shown;
    }
}
