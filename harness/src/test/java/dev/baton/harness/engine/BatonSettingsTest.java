package dev.baton.harness.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.harness.property.CampaignSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.ConfigurationParameters;

class BatonSettingsTest {

    private static ConfigurationParameters params(Map<String, String> values) {
        return new ConfigurationParameters() {
            @Override
            public Optional<String> get(String key) {
                return Optional.ofNullable(values.get(key));
            }

            @Override
            public Optional<Boolean> getBoolean(String key) {
                return get(key).map(Boolean::parseBoolean);
            }

            @Override
            public Set<String> keySet() {
                return values.keySet();
            }
        };
    }

    @Test
    void readsEveryParameter() {
        BatonSettings.Parsed parsed = BatonSettings.read(params(Map.of("baton.seed", "7", "baton.tries", "3",
                "baton.timeBudget", "1.5s", "baton.operators.exclude", "refusal, truncation",
                "baton.failures.dir", "build/baton")));
        CampaignSettings s = parsed.settings();
        assertEquals(Set.of(), Set.copyOf(parsed.problems()));
        assertEquals(7, s.seed());
        assertEquals(3, s.tries());
        assertEquals(12, s.validTries());
        assertEquals(Duration.ofMillis(1500), s.timeBudget());
        assertEquals(Set.of("refusal", "truncation"), s.excludedOperators());
        assertEquals(Path.of("build/baton"), s.failuresDir());
    }

    @Test
    void defaultsWhenNothingIsConfigured() {
        CampaignSettings s = BatonSettings.read(params(Map.of())).settings();
        assertEquals(CampaignSettings.DEFAULT_TRIES, s.tries());
        assertEquals(CampaignSettings.DEFAULT_TIME_BUDGET, s.timeBudget());
        assertEquals(CampaignSettings.DEFAULT_FAILURES_DIR, s.failuresDir());
    }

    @Test
    void badValuesAreProblemsNamingTheKey() {
        BatonSettings.Parsed parsed = BatonSettings.read(params(Map.of("baton.seed", "x", "baton.tries", "0",
                "baton.timeBudget", "soon")));
        assertEquals(3, parsed.problems().size());
        assertTrue(parsed.problems().get(0).startsWith("baton.seed=x"));
        assertTrue(parsed.problems().stream().anyMatch(p -> p.startsWith("baton.tries=0")));
        assertTrue(parsed.problems().stream().anyMatch(p -> p.startsWith("baton.timeBudget=soon")));
    }

    @Test
    void durationsInTheFormsUsersWrite() {
        assertEquals(Duration.ofMillis(500), BatonSettings.parseDuration("500ms"));
        assertEquals(Duration.ofSeconds(2), BatonSettings.parseDuration("2s"));
        assertEquals(Duration.ofSeconds(2), BatonSettings.parseDuration("PT2S"));
        assertNull(BatonSettings.parseDuration("two seconds"));
    }
}
