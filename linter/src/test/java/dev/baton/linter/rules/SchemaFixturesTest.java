package dev.baton.linter.rules;

import dev.baton.linter.engine.LintResult;
import dev.baton.linter.rule.Finding;
import dev.baton.linter.testing.FixtureHarness;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Schema rules over fixture schema files (expectations in each fixture's EXPECTED file). */
class SchemaFixturesTest {
    @Test
    void schemaInvalid() {
        LintResult r = FixtureHarness.assertFindings(FixtureHarness.fixture("schema/schema-invalid"));
        Finding notJson = r.findings().stream().filter(f -> f.location().file().endsWith("broken.json")).findFirst().orElseThrow();
        assertTrue(notJson.location().column() > 1, "the position of the syntax error, not just the file: " + notJson.location());
        assertTrue(r.findings().stream().anyMatch(f -> f.message().contains("#/definitions/Address")));
    }

    @Test
    void validSchemasWithFileAndAnchorRefsHaveNoFinding() {
        FixtureHarness.assertFindings(FixtureHarness.fixture("schema/schema-valid"));
    }

    @Test
    void schemaMissing() {
        FixtureHarness.assertFindings(FixtureHarness.fixture("schema/schema-missing"));
    }

    @Test
    void schemaLoose() {
        FixtureHarness.assertFindings(FixtureHarness.fixture("schema/schema-loose"));
    }

    @Test
    void onlyJsonSchemasAreSchemas() {
        LintResult r = FixtureHarness.assertFindings(FixtureHarness.fixture("schema/schema-discovery"));
        java.util.Map<String, String> skipped = r.stats().notSchemas();
        assertEquals(java.util.Set.of("package.json", "config/mcp-servers-config.json", "data/cities.json",
                "data/settings.json", "config/broken-config.json"), skipped.keySet(), skipped.toString());
        assertEquals(3, r.stats().schemaFiles(), "verdict.json, answer.json and the contract's plan.json");
    }

    @Test
    void schemaIncompatibleShowsAWitnessBothValidatorsAgreeOn() {
        LintResult r = FixtureHarness.assertFindings(FixtureHarness.fixture("schema/schema-incompatible"));
        assertEquals(1, r.findings().size());
        String message = r.findings().get(0).message();
        assertTrue(message.contains("for example {"), message);
    }

    @Test
    void schemaDrift() {
        LintResult r = FixtureHarness.assertFindings(FixtureHarness.fixture("schema/schema-drift"));
        assertTrue(r.findings().stream().anyMatch(f -> f.message().contains("'amount' is long")), r.findings().toString());
        assertTrue(r.findings().stream().anyMatch(f -> f.message().contains("primitive 'urgent'")));
        assertTrue(r.findings().stream().anyMatch(f -> f.message().contains("'policy' has no record component")));
    }
}
