package dev.baton.linter.rules;

import dev.baton.linter.testing.FixtureHarness;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The generic error and retry rules on plain Java that calls LangChain4j AI services. */
class PlainJavaFixturesTest {
    @ParameterizedTest
    @ValueSource(strings = {"retry-unbounded", "error-swallowed", "error-fabricated"})
    void findingsMatchTheMarkers(String dir) {
        FixtureHarness.assertFindings(FixtureHarness.fixture("plainjava/" + dir));
    }
}
