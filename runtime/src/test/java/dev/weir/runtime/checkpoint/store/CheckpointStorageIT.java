package dev.weir.runtime.checkpoint.store;

import java.io.IOException;

/** The storage scenarios on the real S3 server of {@code dev/s3.sh}, each under a fresh key prefix. */
class CheckpointStorageIT extends CheckpointStorageScenarios {
    @Override
    protected ObjectStore newEmptyStore() throws IOException {
        return new S3ObjectStore(S3TestSupport.freshPrefix("checkpoints"));
    }
}
