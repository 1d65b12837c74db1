package dev.weir.instance;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/** Ready while the pipeline runs or after it finished; down, with the error, once it failed. */
@Readiness
@ApplicationScoped
public class PipelineReadiness implements HealthCheck {
    private final PipelineStatus status;

    PipelineReadiness(PipelineStatus status) {
        this.status = status;
    }

    @Override
    public HealthCheckResponse call() {
        PipelineState state = status.state();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("weir-pipeline")
                .status(state == PipelineState.RUNNING || state == PipelineState.FINISHED)
                .withData("state", state.name());
        status.failure().ifPresent(f -> response.withData("error", f));
        return response.build();
    }
}
