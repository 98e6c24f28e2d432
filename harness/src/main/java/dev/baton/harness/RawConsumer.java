package dev.baton.harness;

/** A consumer under test fed raw upstream output only (the common case). */
@FunctionalInterface
public interface RawConsumer {

    /**
     * @param raw the upstream agent's raw output
     * @return whatever the consumer produced, or a {@code Received}
     * @throws Exception anything the consumer throws is judged: only typed, owned rejections pass
     */
    Object accept(String raw) throws Exception;
}
