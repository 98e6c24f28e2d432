package dev.baton.runtime.store;

/** The store contract on the embedded default (H2 file mode): a restart closes and reopens the files. */
class EmbeddedStoreTest extends StoreContractTest {

    @Override
    BatonStore open() {
        return BatonStore.embedded(temp.resolve("store"));
    }

    @Override
    String childSpec() {
        return "h2:" + temp.resolve("store");
    }
}
