package dev.baton.harness.engine;

import dev.baton.harness.operator.Family;
import dev.baton.harness.operator.OperatorCatalogue;
import dev.baton.harness.property.CampaignSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.junit.platform.engine.ConfigurationParameters;

/** Reads the {@code baton.*} configuration parameters; bad values become problems, not silent defaults. */
final class BatonSettings {

    static final String SEED = "baton.seed";
    static final String TRIES = "baton.tries";
    static final String TIME_BUDGET = "baton.timeBudget";
    static final String EXCLUDE = "baton.operators.exclude";
    static final String INCLUDE = "baton.operators.include";
    static final String FAILURES_DIR = "baton.failures.dir";

    /** Settings plus the problems found reading them. */
    record Parsed(CampaignSettings settings, List<String> problems) {
    }

    private BatonSettings() {
    }

    static Parsed read(ConfigurationParameters parameters) {
        List<String> problems = new ArrayList<>();
        long seed = parameters.get(SEED).map(s -> {
            try {
                return Long.parseLong(s.trim());
            } catch (NumberFormatException e) {
                problems.add(SEED + "=" + s + " is not a whole number; using a random seed");
                return null;
            }
        }).orElseGet(() -> ThreadLocalRandom.current().nextLong());
        int tries = parameters.get(TRIES).map(s -> {
            try {
                int t = Integer.parseInt(s.trim());
                if (t < 1) {
                    throw new NumberFormatException();
                }
                return t;
            } catch (NumberFormatException e) {
                problems.add(TRIES + "=" + s + " is not a positive whole number; using " + CampaignSettings.DEFAULT_TRIES);
                return CampaignSettings.DEFAULT_TRIES;
            }
        }).orElse(CampaignSettings.DEFAULT_TRIES);
        Duration budget = parameters.get(TIME_BUDGET).map(s -> {
            Duration d = parseDuration(s.trim());
            if (d == null) {
                problems.add(TIME_BUDGET + "=" + s + " is not a duration such as 2s, 500ms or PT2S; using "
                        + CampaignSettings.DEFAULT_TIME_BUDGET.toMillis() + "ms");
                return CampaignSettings.DEFAULT_TIME_BUDGET;
            }
            return d;
        }).orElse(CampaignSettings.DEFAULT_TIME_BUDGET);
        Set<String> excluded = names(parameters, EXCLUDE);
        for (String name : excluded) {
            if (OperatorCatalogue.named(name).isEmpty()) {
                problems.add(EXCLUDE + " names an unknown operator '" + name + "'; known operators: "
                        + OperatorCatalogue.all().stream().map(o -> o.name()).collect(Collectors.joining(", ")));
            }
        }
        Set<String> included = names(parameters, INCLUDE);
        for (String name : included) {
            boolean family = Arrays.stream(Family.values()).anyMatch(f -> f.name().equalsIgnoreCase(name));
            if (!family && OperatorCatalogue.named(name).isEmpty()) {
                problems.add(INCLUDE + " names an unknown operator or family '" + name + "'; families: "
                        + Arrays.stream(Family.values()).map(f -> f.name().toLowerCase(java.util.Locale.ROOT))
                                .collect(Collectors.joining(", ")) + "; opt-in operators: "
                        + OperatorCatalogue.all().stream().filter(o -> !o.llmEvidenced()).map(o -> o.name())
                                .collect(Collectors.joining(", ")));
            }
        }
        Path failures = parameters.get(FAILURES_DIR).map(Path::of).orElse(CampaignSettings.DEFAULT_FAILURES_DIR);
        return new Parsed(new CampaignSettings(seed, tries, budget, excluded, included, failures), problems);
    }

    private static Set<String> names(ConfigurationParameters parameters, String key) {
        return parameters.get(key)
                .map(s -> Arrays.stream(s.split(",")).map(String::trim).filter(x -> !x.isEmpty())
                        .collect(Collectors.toSet()))
                .orElse(Set.of());
    }

    static Duration parseDuration(String text) {
        try {
            if (text.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2).trim()));
            }
            if (text.endsWith("s") && !text.startsWith("P")) {
                return Duration.ofMillis(Math.round(Double.parseDouble(text.substring(0, text.length() - 1).trim()) * 1000));
            }
            return Duration.parse(text);
        } catch (NumberFormatException | DateTimeParseException e) {
            return null;
        }
    }
}
