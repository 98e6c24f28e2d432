package dev.baton.harness.operator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.baton.harness.choice.Choices;
import dev.baton.harness.choice.Recorder;
import dev.baton.harness.fixtures.Order;
import dev.baton.harness.generate.SchemaGenerator;
import dev.baton.harness.schema.SchemaOracle;
import dev.baton.runtime.boundary.Boundary;
import dev.baton.runtime.boundary.Limits;
import dev.baton.runtime.boundary.Received;
import dev.baton.runtime.boundary.Rejected;
import dev.baton.runtime.contract.Contract;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/** Every operator, run against the real runtime Boundary, produces the bucket it declares. */
class OperatorBucketTest {

    static final String INVOICE_SCHEMA = """
        {"$schema":"https://json-schema.org/draft/2020-12/schema","title":"Invoice","type":"object",
         "required":["invoiceId","total","currency","issued","lines","customer"],"additionalProperties":false,
         "properties":{"invoiceId":{"type":"string","pattern":"^INV-[0-9]{4}$"},
           "total":{"type":"number","minimum":0,"maximum":100000},
           "currency":{"enum":["EUR","USD","GBP"]},
           "issued":{"type":"string","format":"date"},
           "paid":{"type":"boolean"},
           "lines":{"type":"array","minItems":1,"maxItems":4,"items":{"type":"object","required":["sku","qty"],
              "additionalProperties":false,"properties":{"sku":{"type":"string","minLength":3,"maxLength":8},
              "qty":{"type":"integer","minimum":1,"maximum":50}}}},
           "customer":{"type":"object","required":["email"],"additionalProperties":false,
              "properties":{"email":{"type":"string","format":"email"},"name":{"type":["string","null"]}}}}}
        """;

    record Subject(String name, Contract<?> contract) {
    }

    static List<Subject> subjects() {
        return List.of(new Subject("Order record", Contract.of(Order.class)),
                new Subject("Invoice schema", Contract.fromJson("invoice.schema.json", INVOICE_SCHEMA)));
    }

    static Stream<Arguments> operators() {
        return OperatorCatalogue.all().stream().map(o -> Arguments.of(Named.of(o.label(), o)));
    }

    @Test
    void catalogueCoversAtLeastThirtyNamedPatterns() {
        List<MalformedOperator> all = OperatorCatalogue.all();
        assertTrue(all.size() >= 30, "operators: " + all.size());
        Set<String> names = new HashSet<>();
        for (MalformedOperator op : all) {
            assertTrue(names.add(op.name()), "duplicate name " + op.name());
            assertTrue(op.name().matches("[a-z]+(-[a-z]+)*"), op.name());
            assertTrue(op.catalogue().startsWith("#") || op.catalogue().startsWith("§") || op.catalogue().startsWith("SPEC"),
                    op.name() + " names its catalogue row");
            assertTrue(!op.expected().isEmpty());
        }
        for (Family family : Family.values()) {
            assertTrue(all.stream().anyMatch(o -> o.family() == family), "family " + family + " has operators");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("operators")
    void producesTheDeclaredBucketAtTheRealBoundary(MalformedOperator operator) {
        int applied = 0;
        for (Subject subject : subjects()) {
            Limits limits = Limits.defaults().withMaxBytes(64 * 1024);
            Boundary<?> boundary = Boundary.builder(subject.contract()).owner("owner-under-test").limits(limits).build();
            SchemaOracle oracle = SchemaOracle.of(subject.contract());
            SchemaGenerator valid = SchemaGenerator.of(oracle);
            OperatorContext context = new OperatorContext(oracle, limits);
            SplittableRandom random = new SplittableRandom(operator.name().hashCode());
            for (int i = 0; i < 40; i++) {
                String raw;
                try {
                    Recorder choices = Recorder.random(random.split(), 200_000);
                    JsonNode value = valid.generate(choices);
                    raw = operator.mutation().apply(value, context, choices);
                } catch (Choices.Unsatisfiable e) {
                    continue;
                }
                if (operator.notNegative(raw, oracle) != null) {
                    continue;
                }
                applied++;
                Received<?> received = boundary.receive(raw);
                if (!(received instanceof Rejected<?> rejected)) {
                    fail(operator.label() + " on " + subject.name() + ": accepted " + abbreviate(raw));
                    return;
                }
                assertTrue(operator.expected().contains(rejected.rejection().bucket()),
                        () -> operator.label() + " on " + subject.name() + ": " + rejected.rejection().bucket()
                                + " (" + rejected.rejection().message() + ") for " + abbreviate(raw)
                                + ", expected " + operator.expected());
                assertEquals("owner-under-test", rejected.rejection().owner());
            }
        }
        assertTrue(applied >= 5, operator.label() + " applied only " + applied + " times to the test contracts");
    }

    private static String abbreviate(String raw) {
        return raw.length() > 300 ? raw.substring(0, 300) + "…" : raw;
    }
}
