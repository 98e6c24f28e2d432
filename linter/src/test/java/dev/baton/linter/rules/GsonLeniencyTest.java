package dev.baton.linter.rules;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonSyntaxException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * What lenient-binding says of Gson, checked against the real library: every claim of its message is fed
 * the malformed input it names, so a Gson release that changes one of them fails here.
 */
class GsonLeniencyTest {
    record Order(String sku, int quantity) {
    }

    private final Gson gson = new Gson();

    @Test
    void fieldsTheTargetDoesNotDeclareAreIgnored() {
        Order o = gson.fromJson("{\"sku\": \"A1\", \"quantity\": 2, \"discount\": \"100%\"}", Order.class);
        assertEquals(new Order("A1", 2), o);
    }

    @Test
    void missingFieldsAreLeftNullOrZeroInRecordsToo() {
        Order o = gson.fromJson("{}", Order.class);
        assertNull(o.sku());
        assertEquals(0, o.quantity());
    }

    @Test
    void aNumberWrittenAsAStringBindsToANumberField() {
        assertEquals(42, gson.fromJson("{\"sku\": \"A1\", \"quantity\": \"42\"}", Order.class).quantity());
    }

    @Test
    void setLenientAlsoTakesMalformedJsonThatStrictParsingRefuses() {
        String malformed = "{sku: 'A1', /* a comment */ quantity: 2}";
        Gson lenient = new GsonBuilder().setLenient().create();
        assertEquals(new Order("A1", 2), lenient.fromJson(malformed, Order.class));
        assertThrows(JsonSyntaxException.class, () -> new GsonBuilder().setStrictness(com.google.gson.Strictness.STRICT).create()
                .fromJson(malformed, Order.class));
    }
}
