package dev.baton.linter.engine;

import dev.baton.linter.graph.AgentNode;
import dev.baton.linter.graph.Chain;
import dev.baton.linter.graph.Edge;
import dev.baton.linter.graph.Fact;
import dev.baton.linter.rule.Finding;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/**
 * JSON form of graph contributions and findings for the cache. Facts are open-ended records added
 * by frontends, so each is stored with its class name and read back only if that class is a
 * {@link Fact} of this linter; anything that does not read back makes the entry a cache miss.
 */
final class GraphCodec {
    static final JsonMapper JSON = JsonMapper.builder().build();

    private GraphCodec() {
    }

    static ObjectNode write(Contribution c) {
        ObjectNode o = JSON.createObjectNode();
        o.set("agents", JSON.valueToTree(c.agents()));
        o.set("edges", JSON.valueToTree(c.edges()));
        o.set("chains", JSON.valueToTree(c.chains()));
        ArrayNode facts = o.putArray("facts");
        for (Fact f : c.facts()) {
            ObjectNode e = facts.addObject();
            e.put("type", f.getClass().getName());
            e.set("value", JSON.valueToTree(f));
        }
        o.set("problems", JSON.valueToTree(c.problems()));
        return o;
    }

    /** @throws RuntimeException when the stored form no longer matches the classes (treated as a miss) */
    static Contribution read(JsonNode o) throws ClassNotFoundException {
        List<AgentNode> agents = new ArrayList<>();
        for (JsonNode n : o.path("agents")) agents.add(JSON.treeToValue(n, AgentNode.class));
        List<Edge> edges = new ArrayList<>();
        for (JsonNode n : o.path("edges")) edges.add(JSON.treeToValue(n, Edge.class));
        List<Chain> chains = new ArrayList<>();
        for (JsonNode n : o.path("chains")) chains.add(JSON.treeToValue(n, Chain.class));
        List<Fact> facts = new ArrayList<>();
        for (JsonNode n : o.path("facts")) {
            Class<?> type = Class.forName(n.path("type").asString(), false, GraphCodec.class.getClassLoader());
            if (!Fact.class.isAssignableFrom(type)) throw new ClassNotFoundException(type.getName() + " is not a Fact");
            facts.add((Fact) JSON.treeToValue(n.path("value"), type));
        }
        List<InputProblem> problems = new ArrayList<>();
        for (JsonNode n : o.path("problems")) problems.add(JSON.treeToValue(n, InputProblem.class));
        return new Contribution(agents, edges, chains, facts, problems);
    }

    static ArrayNode writeFindings(List<Finding> findings) {
        return JSON.valueToTree(findings);
    }

    static List<Finding> readFindings(JsonNode array) {
        List<Finding> out = new ArrayList<>();
        for (JsonNode n : array) out.add(JSON.treeToValue(n, Finding.class));
        return out;
    }
}
