package dev.baton.linter.frontend.modelclient;

import dev.baton.linter.testing.FixtureHarness;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every rule over model calls made with a model's own client (OpenAI, Anthropic and Gen AI SDKs,
 * LangChain4j ChatModel, hand-written HTTP requests). Fixtures compile against the real SDK jars
 * (FixtureCompilationTest); each directory holds true positives and true negatives.
 */
class ModelClientFixturesTest {
    @ParameterizedTest
    @ValueSource(strings = {"prose-sniffing", "unvalidated-receive", "error-swallowed", "clean"})
    void findingsMatchTheMarkers(String dir) {
        FixtureHarness.assertFindings(FixtureHarness.fixture("modelclient/" + dir));
    }
}
