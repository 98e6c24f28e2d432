package dev.baton.linter.frontend.langchain4j;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParserConfiguration;
import dev.baton.linter.frontend.ParsedSource;
import dev.baton.linter.graph.AgentNode;
import dev.baton.linter.graph.Edge;
import dev.baton.linter.graph.HandoffGraph;
import dev.baton.linter.graph.facts.RetrySite;
import dev.baton.linter.graph.facts.SideEffect;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.OptionalInt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Quarkus {@code @RegisterAiService} and Spring {@code @AiService} interfaces, read from source text:
 * their artifacts are not on the test classpath, so these cases are not compiled fixtures.
 */
class RegisteredServicesTest {
    private static final JavaParser PARSER = new JavaParser(new ParserConfiguration()
            .setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17));

    private static HandoffGraph read(String... files) {
        HandoffGraph.Builder graph = HandoffGraph.builder();
        LangChain4jFrontend frontend = new LangChain4jFrontend();
        List<ParsedSource> sources = new java.util.ArrayList<>();
        for (int i = 0; i < files.length; i += 2) {
            ParsedSource s = new ParsedSource(files[i], files[i + 1], PARSER.parse(files[i + 1]).getResult().orElseThrow());
            sources.add(s);
            frontend.read(s, graph);
        }
        frontend.link(sources, graph);
        return graph.build();
    }

    @Test
    void quarkusServiceWithAnAgentAsToolAndARetriedToolLoop() {
        HandoffGraph g = read(
                "src/CityExtractorAgent.java", """
                        package weather;
                        import dev.langchain4j.agent.tool.Tool;
                        import dev.langchain4j.service.UserMessage;
                        import io.quarkiverse.langchain4j.RegisterAiService;
                        @RegisterAiService
                        public interface CityExtractorAgent {
                            @UserMessage("Extract the city from {{question}}; reply 'unknown_city' if there is none")
                            @Tool("Extracts the city from a question")
                            String extractCity(String question);
                        }
                        """,
                "src/BookingTools.java", """
                        package weather;
                        import dev.langchain4j.agent.tool.Tool;
                        public class BookingTools {
                            @Tool("Books a table at a restaurant") public String bookTable(String city) { return "ok"; }
                        }
                        """,
                "src/WeatherForecastAgent.java", """
                        package weather;
                        import dev.langchain4j.service.SystemMessage;
                        import io.quarkiverse.langchain4j.RegisterAiService;
                        import org.eclipse.microprofile.faulttolerance.Retry;
                        @RegisterAiService(tools = {CityExtractorAgent.class, BookingTools.class})
                        public interface WeatherForecastAgent {
                            @SystemMessage("You are a meteorologist.")
                            @Retry(maxRetries = 2)
                            String chat(String question);
                        }
                        """);
        assertEquals(AgentNode.Kind.LLM, g.agent("lc4j:weather.WeatherForecastAgent#chat").orElseThrow().kind());
        assertEquals(AgentNode.Kind.LLM, g.agent("lc4j:weather.CityExtractorAgent#extractCity").orElseThrow().kind());
        assertTrue(g.chains().stream().anyMatch(c -> c.id().equals("lc4j-service:weather.WeatherForecastAgent")
                && c.agents().contains("lc4j-tool:weather.BookingTools")), g.chains().toString());
        RetrySite retry = g.facts(RetrySite.class).get(0);
        assertEquals("@Retry", retry.kind());
        assertEquals(OptionalInt.of(2), retry.bound());
        assertEquals("lc4j-service:weather.WeatherForecastAgent", retry.scope());
        SideEffect booking = g.facts(SideEffect.class).get(0);
        assertEquals("lc4j-tool:weather.BookingTools", booking.agent());
        assertFalse(booking.idempotencyGuarded());
        // the {{question}} variable is bound by the parameter's name; nothing unwired
        assertTrue(g.facts(dev.baton.linter.graph.facts.KeyAccess.class).stream()
                .filter(k -> k.access() == dev.baton.linter.graph.facts.KeyAccess.Access.READ)
                .allMatch(k -> k.key().equals("question")));
        assertTrue(g.edges().stream().noneMatch(e -> e.channel() == Edge.Channel.TOOL && e.producer().contains("BookingTools")),
                "a plain tool class is a side effect, not an agent handing off");
    }

    @Test
    void springAiServiceMethodsAreAgentsEvenWithoutPromptAnnotations() {
        HandoffGraph g = read("src/Assistant.java", """
                package shop;
                import dev.langchain4j.service.spring.AiService;
                @AiService
                public interface Assistant {
                    String chat(String userMessage);
                }
                """);
        assertEquals("String", g.agent("lc4j:shop.Assistant#chat").orElseThrow().outputType());
    }
}
