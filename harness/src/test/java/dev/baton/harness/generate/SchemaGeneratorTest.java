package dev.baton.harness.generate;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.harness.choice.Choices;
import dev.baton.harness.choice.Recorder;
import dev.baton.harness.schema.SchemaOracle;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

class SchemaGeneratorTest {

    @ParameterizedTest
    @ValueSource(strings = {
        // 2020-12: objects, required, additionalProperties, enum, bounds, formats
        """
        {"$schema":"https://json-schema.org/draft/2020-12/schema","type":"object",
         "required":["id","count","status","email","when","ref","site"],"additionalProperties":false,
         "properties":{"id":{"type":"string","pattern":"^[A-Z]{3}-\\\\d{4}$"},
           "count":{"type":"integer","minimum":1,"maximum":99},
           "ratio":{"type":"number","exclusiveMinimum":0,"maximum":1},
           "status":{"enum":["ACTIVE","CLOSED"]},"kind":{"const":"order"},
           "email":{"type":"string","format":"email"},"when":{"type":"string","format":"date-time"},
           "day":{"type":"string","format":"date"},
           "ref":{"type":"string","format":"uuid"},"site":{"type":"string","format":"uri"},
           "tags":{"type":"array","items":{"type":"string","minLength":2,"maxLength":5},"minItems":1,"maxItems":3,"uniqueItems":true},
           "pair":{"type":"array","prefixItems":[{"type":"integer"},{"type":"boolean"}],"items":false},
           "note":{"type":["string","null"],"maxLength":10}}}
        """,
        // $ref, $defs, allOf, anyOf, oneOf
        """
        {"$schema":"https://json-schema.org/draft/2020-12/schema","$defs":{"money":{"type":"object",
          "required":["amount","currency"],"properties":{"amount":{"type":"number","minimum":0,"multipleOf":0.01},
          "currency":{"enum":["EUR","USD"]}},"additionalProperties":false}},
         "type":"object","required":["price","item"],
         "properties":{"price":{"$ref":"#/$defs/money"},
           "item":{"allOf":[{"type":"object","required":["sku"],"properties":{"sku":{"type":"string","minLength":3}}},
                            {"required":["qty"],"properties":{"qty":{"type":"integer","minimum":1}}}]},
           "contact":{"anyOf":[{"type":"string","format":"email"},{"type":"null"}]},
           "shape":{"oneOf":[{"type":"integer","multipleOf":2},{"type":"string","maxLength":0}]}}}
        """,
        // draft-07: definitions, tuple items, exclusive bounds as numbers
        """
        {"$schema":"http://json-schema.org/draft-07/schema#","definitions":{"p":{"type":"object",
          "properties":{"x":{"type":"integer","exclusiveMinimum":-5,"exclusiveMaximum":5}},"required":["x"]}},
         "type":"array","items":[{"$ref":"#/definitions/p"},{"type":"string","enum":["a","b"]}],
         "additionalItems":false,"minItems":2}
        """,
        // a bare root array of records and a root scalar
        """
        {"type":"array","items":{"type":"object","required":["a"],"properties":{"a":{"type":"boolean"}}}}
        """,
        """
        {"type":"string","minLength":1,"maxLength":3}
        """
    })
    void everyGeneratedInstanceIsValidPerTheRealValidator(String schema) {
        SchemaOracle oracle = SchemaOracle.of(schema);
        SchemaGenerator gen = SchemaGenerator.of(oracle);
        SplittableRandom random = new SplittableRandom(3);
        int generated = 0;
        int rejected = 0;
        Set<JsonNode> distinct = new HashSet<>();
        for (int i = 0; i < 300; i++) {
            try {
                JsonNode value = gen.generate(Recorder.random(random.split(), 100_000));
                // the generator checks itself; check again independently so the test can fail
                assertTrue(oracle.errors(value).isEmpty(), () -> value + " invalid: " + oracle.errors(value));
                generated++;
                distinct.add(value);
            } catch (Choices.Unsatisfiable e) {
                rejected++;
            }
        }
        assertTrue(generated >= 270, "at most 10% of attempts may be abandoned, got " + rejected + " of 300");
        assertTrue(distinct.size() >= 10, "generation must vary, got " + distinct.size() + " distinct values");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"type\":\"integer\",\"minimum\":10}", "{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"string\"}}}"})
    void zeroChoicesGiveTheSimplestValue(String schema) {
        SchemaOracle oracle = SchemaOracle.of(schema);
        JsonNode simplest = SchemaGenerator.of(oracle).generate(Recorder.replay(
                dev.baton.harness.choice.ChoiceSequence.of(), 1000));
        assertTrue(simplest.toString().equals("10") || simplest.toString().equals("{}"), simplest.toString());
    }
}
