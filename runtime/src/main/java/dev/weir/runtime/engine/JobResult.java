package dev.weir.runtime.engine;

import dev.weir.runtime.operator.OperatorMetrics;
import java.time.Duration;
import java.util.Map;

/**
 * What a finished run did.
 *
 * @param pipeline  the pipeline's name
 * @param elapsed   wall-clock duration of the run
 * @param operators metrics per node name (sources count records read as {@code recordsOut})
 */
public record JobResult(String pipeline, Duration elapsed, Map<String, OperatorMetrics> operators) {

    public OperatorMetrics metrics(String node) {
        OperatorMetrics m = operators.get(node);
        if (m == null) {
            throw new IllegalArgumentException("no node '" + node + "' in pipeline " + pipeline);
        }
        return m;
    }

    /** Elements dropped as too late, over all windows. */
    public long lateDropped() {
        return operators.values().stream().mapToLong(OperatorMetrics::lateDropped).sum();
    }

    /** Inputs skipped or dead-lettered because a function failed. */
    public long failed() {
        return operators.values().stream().mapToLong(OperatorMetrics::failed).sum();
    }
}
