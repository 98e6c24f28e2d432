/** JMH benchmarks of the Baton runtime: boundary receive against bare strict Jackson, idempotency claims. */
package dev.baton.bench.runtime;
