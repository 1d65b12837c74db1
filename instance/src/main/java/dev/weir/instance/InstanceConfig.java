package dev.weir.instance;

import io.smallrye.config.ConfigMapping;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The instance's configuration, under the {@code weir} prefix; validated once at start-up. */
@ConfigMapping(prefix = "weir")
public interface InstanceConfig {

    /** The pipeline this instance runs. */
    Pipeline pipeline();

    interface Pipeline {
        /** {@code weir.pipeline.spec}: the pipeline spec file (JSON); relative paths inside it resolve against its directory. */
        Path spec();

        /**
         * {@code weir.pipeline.jars}: jars with function classes, comma-separated; empty means the runtime's built-in
         * functions and the application's class path only. Not available in a native image (see docs/operations/instance.md).
         */
        Optional<List<Path>> jars();
    }
}
