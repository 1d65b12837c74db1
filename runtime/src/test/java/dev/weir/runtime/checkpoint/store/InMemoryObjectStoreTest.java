package dev.weir.runtime.checkpoint.store;

/** The test fake keeps the {@link ObjectStore} contract, so unit tests on it mean something for S3. */
class InMemoryObjectStoreTest extends ObjectStoreContract {
    @Override
    protected ObjectStore newEmptyStore() {
        return new InMemoryObjectStore();
    }
}
