package dev.weir.runtime.checkpoint.store;

/** The storage scenarios on the in-memory store; {@code CheckpointStorageIT} runs them on a real S3 server. */
class CheckpointStorageScenariosTest extends CheckpointStorageScenarios {
    @Override
    protected ObjectStore newEmptyStore() {
        return new InMemoryObjectStore();
    }
}
