package dev.baton.runtime.boundary;

import dev.baton.runtime.contract.Contract;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.ConcurrentModificationException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The boundary's compact tree must be indistinguishable from Jackson's default tree: equal, serialised
 * alike, in member order, and mutable in the same ways with the same results.
 */
class CompactNodesTest {

    private final Boundary<JsonNode> anything = Boundary.of(Contract.fromJson("any", "{}"), "producer");

    @ParameterizedTest
    @ValueSource(strings = {
            "{}", "[]", "[{},{},[],[[]]]", "{\"a\":1}", "{\"b\":2,\"a\":1}",
            "{\"k1\":1,\"k2\":2,\"k3\":3,\"k4\":4,\"k5\":5,\"k6\":6,\"k7\":7,\"k8\":8}",
            "{\"k1\":1,\"k2\":2,\"k3\":3,\"k4\":4,\"k5\":5,\"k6\":6,\"k7\":7,\"k8\":8,\"k9\":{\"z\":[1,2,{\"y\":null}]}}",
            "{\"nested\":{\"deeper\":{\"deepest\":[true,false,null,\"text\",1.5,12345678901234567890]}}}",
            "[[[[[[1]]]]],{\"a\":[{\"b\":{}}]}]"})
    void treesEqualJacksonsDefaultTreesAndSerialiseAlike(String json) {
        JsonNode compact = assertInstanceOf(Accepted.class, anything.receive(json)).value() instanceof JsonNode node
                ? node : null;
        JsonNode standard = StrictJson.mapper().readTree(json);
        assertEquals(standard, compact);
        assertEquals(compact, standard);
        assertEquals(standard.hashCode(), compact.hashCode());
        assertEquals(standard.toString(), compact.toString(), "same members in the same order");
        assertEquals(StrictJson.mapper().writeValueAsString(standard), StrictJson.mapper().writeValueAsString(compact));
    }

    @Test
    void duplicateKeysAreStillRejectedInSmallAndLargeObjects() {
        assertInstanceOf(Rejection.NotJson.class, rejection("{\"a\":1,\"a\":2}"));
        StringBuilder wide = new StringBuilder("{");
        for (int i = 0; i < 20; i++) {
            wide.append("\"k").append(i).append("\":").append(i).append(',');
        }
        assertInstanceOf(Rejection.NotJson.class, rejection(wide.append("\"k3\":0}").toString()));
    }

    @Test
    void aWideObjectKeepsAllMembersInOrder() {
        StringBuilder wide = new StringBuilder("{");
        for (int i = 0; i < 5_000; i++) {
            wide.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":").append(i);
        }
        JsonNode tree = ((Accepted<JsonNode>) anything.receive(wide.append('}').toString())).value();
        assertEquals(5_000, tree.size());
        assertEquals(4_321, tree.get("k4321").intValue());
        int expected = 0;
        for (Map.Entry<String, JsonNode> member : tree.properties()) {
            assertEquals("k" + expected, member.getKey());
            assertEquals(expected++, member.getValue().intValue());
        }
    }

    /** Random edits applied to a compact and a default object node must leave them equal after every step. */
    @Test
    void editsBehaveLikeTheDefaultObjectNode() {
        for (int seed = 0; seed < 300; seed++) {
            Random random = new Random(seed);
            ObjectNode compact = CompactNodes.FACTORY.objectNode();
            ObjectNode standard = JsonNodeFactory.instance.objectNode();
            List<String> trace = new ArrayList<>();
            for (int step = 0; step < 60; step++) {
                String key = "k" + random.nextInt(12); // more keys than the small form holds
                int value = random.nextInt(100);
                int operation = random.nextInt(9);
                trace.add(operation + ":" + key + "=" + value);
                switch (operation) {
                    case 0, 1, 2 -> assertEquals(standard.put(key, value).size(), compact.put(key, value).size());
                    case 3 -> assertEquals(standard.replace(key, standard.numberNode(value)),
                            compact.replace(key, compact.numberNode(value)));
                    case 4 -> assertEquals(standard.remove(key), compact.remove(key));
                    case 5 -> {
                        List<String> keep = List.of(key, "k" + random.nextInt(12), "k" + random.nextInt(12));
                        standard.retain(keep);
                        compact.retain(keep);
                    }
                    case 6 -> { // remove through the iterator, every other member
                        removeEveryOther(standard.properties().iterator());
                        removeEveryOther(compact.properties().iterator());
                    }
                    case 7 -> { // a nested object, then an edit inside it
                        if (!standard.path(key).isObject()) {
                            standard.set(key, standard.objectNode());
                            compact.set(key, compact.objectNode());
                        }
                        standard.withObjectProperty(key).put("inner", value);
                        compact.withObjectProperty(key).put("inner", value);
                    }
                    default -> {
                        if (random.nextInt(10) == 0) {
                            standard.removeAll();
                            compact.removeAll();
                        } else {
                            assertEquals(standard.putIfAbsent(key, standard.numberNode(value)),
                                    compact.putIfAbsent(key, compact.numberNode(value)));
                        }
                    }
                }
                String where = "seed " + seed + " after " + trace;
                assertEquals(standard, compact, where);
                assertEquals(compact, standard, where);
                assertEquals(standard.toString(), compact.toString(), where);
                assertEquals(standard.hashCode(), compact.hashCode(), where);
                assertEquals(standard.size(), compact.size(), where);
                assertEquals(standard.has(key), compact.has(key), where);
                assertEquals(standard.deepCopy(), compact.deepCopy(), where);
            }
        }
    }

    @Test
    void editingWhileIteratingFailsFastLikeTheDefault() {
        ObjectNode compact = CompactNodes.FACTORY.objectNode().put("a", 1).put("b", 2);
        Iterator<Map.Entry<String, JsonNode>> members = compact.properties().iterator();
        members.next();
        compact.put("c", 3);
        assertThrows(ConcurrentModificationException.class, members::next);
    }

    @Test
    void entriesWriteThroughAndTheFactorySurvivesSerialisation() throws Exception {
        ObjectNode compact = CompactNodes.FACTORY.objectNode().put("a", 1);
        compact.properties().iterator().next().setValue(compact.textNode("x"));
        assertEquals("x", compact.get("a").asString());
        assertTrue(compact.properties().contains(Map.entry("a", compact.textNode("x"))));
        assertFalse(compact.isEmpty());

        var bytes = new java.io.ByteArrayOutputStream();
        try (var out = new java.io.ObjectOutputStream(bytes)) {
            out.writeObject(CompactNodes.FACTORY);
        }
        try (var in = new java.io.ObjectInputStream(new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
            assertSame(CompactNodes.FACTORY, in.readObject());
        }
    }

    private Rejection rejection(String raw) {
        return assertInstanceOf(Rejected.class, anything.receive(raw), () -> "accepted: " + raw).rejection();
    }

    private static void removeEveryOther(Iterator<Map.Entry<String, JsonNode>> members) {
        boolean remove = true;
        while (members.hasNext()) {
            members.next();
            if (remove) {
                members.remove();
            }
            remove = !remove;
        }
    }
}
