package dev.baton.harness.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.harness.operator.MalformedOperator;
import dev.baton.harness.property.CampaignSettings;
import dev.baton.harness.property.ConsumerCampaign;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
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
    void optInOperatorsByNameOrFamily() {
        BatonSettings.Parsed parsed = BatonSettings.read(params(Map.of("baton.operators.include",
                "synthetic, nan-infinity, no-such-thing")));
        assertEquals(Set.of("synthetic", "nan-infinity", "no-such-thing"), parsed.settings().includedOperators());
        assertEquals(1, parsed.problems().size());
        assertTrue(parsed.problems().get(0).startsWith("baton.operators.include names an unknown operator or family "
                + "'no-such-thing'"), parsed.problems().get(0));
        assertTrue(parsed.problems().get(0).contains("unpaired-surrogate"), parsed.problems().get(0));
        List<String> defaults = ConsumerCampaign.operators(BatonSettings.read(params(Map.of())).settings()).stream()
                .map(MalformedOperator::name).toList();
        assertEquals(45, defaults.size());
        assertFalse(defaults.contains("unpaired-surrogate"));
        List<String> all = ConsumerCampaign.operators(parsed.settings()).stream().map(MalformedOperator::name).toList();
        assertEquals(53, all.size());
        List<String> one = ConsumerCampaign.operators(BatonSettings.read(params(Map.of("baton.operators.include",
                "duplicate-keys"))).settings()).stream().map(MalformedOperator::name).toList();
        assertEquals(46, one.size());
        assertTrue(one.contains("duplicate-keys"));
    }

    @Test
    void durationsInTheFormsUsersWrite() {
        assertEquals(Duration.ofMillis(500), BatonSettings.parseDuration("500ms"));
        assertEquals(Duration.ofSeconds(2), BatonSettings.parseDuration("2s"));
        assertEquals(Duration.ofSeconds(2), BatonSettings.parseDuration("PT2S"));
        assertNull(BatonSettings.parseDuration("two seconds"));
    }
}
