package dev.baton.harness.property;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The verdict of one property on one consumer.
 *
 * @param status  passed, failed, or not applicable to this contract
 * @param tries   values checked
 * @param discards values discarded (accidentally valid negatives, unsatisfiable generation)
 * @param message the failure report (or the reason it does not apply)
 * @param entries key/value facts for JUnit report entries: property, operator, seed, input, outcome
 * @param foundAtTry for a failure: the 1-based try that found it (0: replayed from the failure store)
 * @param shrunkSize for a failure: the length of the shrunk counterexample in characters
 */
public record PropertyResult(Status status, int tries, int discards, String message, Map<String, String> entries,
                             int foundAtTry, int shrunkSize) {

    /** Property verdicts. */
    public enum Status { PASSED, FAILED, NOT_APPLICABLE }

    public PropertyResult {
        entries = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(entries));
    }
}
