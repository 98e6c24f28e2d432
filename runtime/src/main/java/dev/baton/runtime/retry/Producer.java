package dev.baton.runtime.retry;

/** The producing side of a handoff: a model call or any code that returns the producer's raw output. */
@FunctionalInterface
public interface Producer {
    /**
     * @param request the attempt; on a repair, append {@link AttemptRequest#repairFeedback()} to the prompt
     * @return the raw output, as the model returned it
     * @throws TransportFailure (or an IOException/TimeoutException) when the producer could not be reached
     */
    String produce(AttemptRequest request) throws Exception;
}
