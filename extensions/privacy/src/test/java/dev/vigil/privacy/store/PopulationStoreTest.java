package dev.vigil.privacy.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.RETURNS_SELF;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

import dev.vigil.api.history.Feature;
import dev.vigil.api.history.PopulationCounts;
import org.junit.jupiter.api.Test;

/**
 * The counts of one login are read in one statement that names each (counter, value) pair: never a counter list
 * crossed with a value list, which would match a value under another feature and read rows no login asked for.
 */
class PopulationStoreTest {

    private final EntityManager em = mock(EntityManager.class);
    @SuppressWarnings("unchecked")
    private final TypedQuery<PopulationCountEntity> query = mock(TypedQuery.class, RETURNS_SELF);
    private final Map<String, Object> parameters = new HashMap<>();
    private String jpql;

    PopulationStoreTest() {
        when(em.createQuery(anyString(), eq(PopulationCountEntity.class))).thenAnswer(call -> {
            jpql = call.getArgument(0);
            return query;
        });
        when(query.setParameter(anyString(), (Object) any())).thenAnswer(call -> {
            parameters.put(call.getArgument(0), call.getArgument(1));
            return query;
        });
    }

    @Test
    void asksForExactlyTheTotalsAndEachValueWithItsFeaturesDistinctCount() {
        Map<Feature, String> kept = new EnumMap<>(Feature.class);
        kept.put(Feature.COUNTRY, "SE");
        kept.put(Feature.BROWSER, "Firefox 133");
        when(query.getResultList()).thenReturn(List.of());

        new PopulationStore(em).read("realm", kept);

        assertThat(jpql).doesNotContainIgnoringCase(" in ");
        assertThat(parameters).containsEntry("realmId", "realm");
        assertThat(askedPairs()).containsExactlyInAnyOrder(
                List.of("#sign-ins", "-"), List.of("#users", "-"),
                List.of("COUNTRY", "SE"), List.of("#distinct:COUNTRY", "-"),
                List.of("BROWSER", "Firefox 133"), List.of("#distinct:BROWSER", "-"));
    }

    @Test
    void putsEachRowWhereTheModelReadsIt() {
        when(query.getResultList()).thenReturn(List.of(row("#sign-ins", "-", 20_000), row("#users", "-", 400),
                row("COUNTRY", "SE", 900), row("#distinct:COUNTRY", "-", 12), row("#distinct:BROWSER", "-", 30)));

        PopulationCounts counts = new PopulationStore(em).read("realm", Map.of(Feature.COUNTRY, "SE", Feature.BROWSER, "Lynx 2"));

        assertThat(counts).isEqualTo(new PopulationCounts(20_000, 400,
                Map.of(Feature.COUNTRY, 12L, Feature.BROWSER, 30L), Map.of(Feature.COUNTRY, 900L)));
    }

    private Set<List<String>> askedPairs() {
        Set<List<String>> pairs = new HashSet<>();
        for (int i = 0; parameters.containsKey("c" + i); i++) {
            assertThat(jpql).contains("p.counter = :c" + i + " and p.valueKey = :v" + i);
            pairs.add(List.of((String) parameters.get("c" + i), (String) parameters.get("v" + i)));
        }
        return pairs;
    }

    private static PopulationCountEntity row(String counter, String valueKey, long count) {
        PopulationCountEntity row = new PopulationCountEntity();
        row.realmId = "realm";
        row.counter = counter;
        row.valueKey = valueKey;
        row.count = count;
        return row;
    }
}
