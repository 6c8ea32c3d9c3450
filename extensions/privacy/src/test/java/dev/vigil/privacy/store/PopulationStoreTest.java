package dev.vigil.privacy.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.ConnectionFunction;
import jakarta.persistence.EntityManager;

import dev.vigil.api.history.Feature;
import dev.vigil.api.history.PopulationCounts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The counts of one login, read in one statement from a real table: exactly the (counter, value) pairs it names,
 * never a value counted under another feature or another realm, each row put where the model reads it.
 */
class PopulationStoreTest {

    private final EntityManager em = mock(EntityManager.class);
    private Connection db;

    @BeforeEach
    @SuppressWarnings("unchecked")
    void table() throws SQLException {
        db = DriverManager.getConnection("jdbc:h2:mem:population-" + UUID.randomUUID() + ";NON_KEYWORDS=VALUE", "sa", "");
        try (Statement ddl = db.createStatement()) {
            // As the changelogs of META-INF/vigil-privacy create it.
            ddl.execute("CREATE TABLE VIGIL_POPULATION (REALM_ID VARCHAR(36) NOT NULL, COUNTER VARCHAR(40) NOT NULL,"
                    + " VALUE_KEY VARCHAR(255) NOT NULL, N BIGINT NOT NULL, PRIMARY KEY (REALM_ID, COUNTER, VALUE_KEY))");
        }
        when(em.callWithConnection(any())).thenAnswer(call -> ((ConnectionFunction<Connection, ?>) call.getArgument(0)).apply(db));
    }

    @AfterEach
    void close() throws SQLException {
        db.close();
    }

    @Test
    void putsEachAskedRowWhereTheModelReadsIt() throws SQLException {
        count("realm", "#sign-ins", "-", 20_000);
        count("realm", "#users", "-", 400);
        count("realm", "COUNTRY", "SE", 900);
        count("realm", "#distinct:COUNTRY", "-", 12);
        count("realm", "#distinct:BROWSER", "-", 30);

        PopulationCounts counts = new PopulationStore(em).read("realm", Map.of(Feature.COUNTRY, "SE", Feature.BROWSER, "Lynx 2"));

        assertThat(counts).isEqualTo(new PopulationCounts(20_000, 400,
                Map.of(Feature.COUNTRY, 12L, Feature.BROWSER, 30L), Map.of(Feature.COUNTRY, 900L)));
    }

    @Test
    void readsNoValueUnderAnotherFeatureOrInAnotherRealm() throws SQLException {
        count("realm", "BROWSER", "SE", 7); // the same text as another feature's value
        count("realm", "COUNTRY", "Firefox 133", 5);
        count("other", "COUNTRY", "SE", 3);
        count("other", "#users", "-", 2);

        PopulationCounts counts = new PopulationStore(em).read("realm",
                Map.of(Feature.COUNTRY, "SE", Feature.BROWSER, "Firefox 133"));

        assertThat(counts).isEqualTo(new PopulationCounts(0, 0, Map.of(), Map.of()));
    }

    @Test
    void countsManyValuesOfOneFeatureInPagesAndTheTotalsWithoutAnyValue() throws SQLException {
        List<String> values = new ArrayList<>();
        for (int i = 0; i < 1_234; i++) {
            values.add("city-" + i);
            if (i % 2 == 0) {
                count("realm", "CITY", "city-" + i, i + 1);
            }
        }
        count("realm", "#distinct:CITY", "-", 617);
        count("realm", "#sign-ins", "-", 9);

        Map<String, Long> counts = new PopulationStore(em).counts("realm", Feature.CITY, values);

        assertThat(counts).hasSize(617).containsEntry("city-0", 1L).containsEntry("city-1232", 1233L).doesNotContainKey("city-1");
        assertThat(new PopulationStore(em).totals("realm"))
                .isEqualTo(new PopulationCounts(9, 0, Map.of(Feature.CITY, 617L), Map.of()));
    }

    private void count(String realm, String counter, String valueKey, long n) throws SQLException {
        try (PreparedStatement insert = db.prepareStatement("INSERT INTO VIGIL_POPULATION VALUES (?, ?, ?, ?)")) {
            insert.setString(1, realm);
            insert.setString(2, counter);
            insert.setString(3, valueKey);
            insert.setLong(4, n);
            insert.executeUpdate();
        }
    }
}
