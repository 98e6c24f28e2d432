package dev.baton.bench.harness;

import dev.baton.harness.ConsumerSpec;
import java.util.function.Supplier;

/**
 * One consumer in the detection benchmark.
 *
 * @param name      short id
 * @param defect    the planted silent-failure defect, or the correct twin's description
 * @param defective whether a finding is expected
 * @param spec      builds a fresh consumer (fresh state) for each campaign
 * @param pattern   the property that targets this defect's own failure pattern (an operator name,
 *                  {@code replay-idempotent} or {@code escalates-once}); empty for a correct twin
 */
record Subject(String name, String defect, boolean defective, Supplier<ConsumerSpec<?>> spec, String pattern) {
}
