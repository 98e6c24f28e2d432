package dev.baton.linter.frontend.langgraph4j;

import dev.baton.linter.testing.FixtureHarness;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every rule over real LangGraph4j code: each fixture directory holds true positives and true negatives. */
class LangGraph4jFixturesTest {
    @ParameterizedTest
    @ValueSource(strings = {"prose-sniffing"})
    void findingsMatchTheMarkers(String dir) {
        FixtureHarness.assertFindings(FixtureHarness.fixture("langgraph4j/" + dir));
    }
}
