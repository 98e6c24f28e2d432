package dev.baton.linter.frontend.langgraph4j;

import dev.baton.linter.graph.Fact;
import dev.baton.linter.graph.Location;

import java.util.List;
import java.util.Map;

/**
 * What {@link LangGraph4jFrontend#read} records per file, joined by {@link LangGraph4jFrontend#link} once every
 * file is read: a graph and its nodes usually live in one file, each node class, the state class and its key
 * constants in others. Keys are kept as written until then: a literal's value, {@code ref:<Type>.<NAME>} for a
 * constant of another file, {@code accessor:<method>} for a typed accessor of the state class.
 */
public final class GraphFacts {
    private GraphFacts() {
    }

    /**
     * A {@code StateGraph} and what is added to it.
     *
     * @param id        {@code lg4j:<class>/<method>[.<variable>]}: the method that builds it and the variable holding it
     * @param stateType the state class's qualified name, or {@code null} when the source does not show it
     * @param nodes     {@code addNode(name, action)} calls whose name and action the source shows
     * @param routers   the actions of {@code addConditionalEdges(source, action, mappings)}
     */
    public record GraphDeclared(Location location, String id, String name, String stateType, List<NodeRef> nodes,
                                List<NodeRef> routers) implements Fact {
    }

    /**
     * A node (or a conditional edge's router) and where its code is.
     *
     * @param body {@code class:<fqcn>} for a class implementing a node or edge action, {@code factory:<fqcn>#<method>}
     *             for a static method returning one, else {@code inline:<id>} for a lambda or a method of the graph's
     *             own class, read where the graph is
     */
    public record NodeRef(String name, String body, Location location) {
    }

    /**
     * An {@code AgentState} subclass: its string constants and the accessors that read a key
     * ({@code Optional<String> draft() { return value(DRAFT); }}).
     */
    public record StateKeys(Location location, String type, Map<String, String> constants, Map<String, String> accessors)
            implements Fact {
    }

    /**
     * The code of one node or router: the keys its returned map writes and what it does with the keys it reads.
     *
     * @param body        as in {@link NodeRef#body()}
     * @param stateType   the state class of a node class ({@code NodeAction<S>}), or {@code null}
     * @param callsModel  the ids of the model calls made in it (checked against the graph when linking)
     */
    public record NodeBody(Location location, String body, String stateType, List<String> callsModel, List<KeyWrite> writes,
                           List<KeyUse> uses) implements Fact {
    }

    /**
     * One entry of a node's returned map whose value is a model call's output, or a part of it.
     *
     * @param producer     the model call's agent id
     * @param producerType the call's output type, or {@code null} when its agent declares it
     * @param accessor     the accessor written ({@code review.verdict()}), or {@code null} for the whole output
     * @param valueType    the written value's type when known
     * @param whole        whether the body uses the output whole anywhere (then nothing of it is dropped)
     */
    public record KeyWrite(String key, String producer, String producerType, String accessor, String valueType,
                           boolean whole, Location location) {
    }

    /** What a body does with a value it read from the state. */
    public enum UseKind {
        /** branched on: equals, contains, a regex, a switch */
        DECIDE,
        /** returned by a router: the next node is looked up by the value's exact text */
        ROUTE,
        /** parsed or bound: readValue, fromJson */
        BIND,
        /** handed to a model call */
        FORWARD
    }

    /**
     * @param operation as written ({@code contains}, {@code ObjectMapper.readValue}), or {@code null}
     * @param code      the expression's source text (for messages and fingerprints)
     * @param target    a binding's target type, the model call a forward reaches, or {@code null}
     * @param mapper    a binding's mapper variable, or {@code null}
     * @param validated whether the body validates what it binds
     */
    public record KeyUse(String key, UseKind kind, String operation, String code, String target, String mapper,
                         boolean validated, Location location) {
    }
}
