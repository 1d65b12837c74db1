package dev.weir.instance;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.weir.runtime.state.SavepointFormat;
import dev.weir.runtime.task.SavepointRequest;
import dev.weir.runtime.task.TaskRunner;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * {@code POST /weir/savepoint?path=<savepoint path>}: stops this instance's task with a savepoint (as Flink's
 * {@code stop --savepointPath}). Every task of the pipeline must be asked with the same path; the savepoint is
 * complete when all of them finished (their readiness says FINISHED). Answers 202 with {@code {"task", "savepoint"}}
 * once the request is registered; 401 without the bearer token of {@code weir.task.control-token} (or when none is
 * configured), 404 outside task mode, 409 before the task started, 400 for a bad path or one already used, 503 when the
 * savepoint store cannot be reached.
 *
 * <p>A plain Vert.x route on the HTTP server the health and metrics endpoints already use, so the instance needs no
 * REST framework for one control call.
 */
@ApplicationScoped
public class SavepointEndpoint {
    private static final Logger LOG = Logger.getLogger(SavepointEndpoint.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final InstanceConfig config;
    private final PipelineRunner runner;

    SavepointEndpoint(InstanceConfig config, PipelineRunner runner) {
        this.config = config;
        this.runner = runner;
    }

    void routes(@Observes Router router) {
        router.post("/weir/savepoint").blockingHandler(this::stopWithSavepoint); // looks into the savepoint store
    }

    private void stopWithSavepoint(RoutingContext ctx) {
        if (config.task().isEmpty()) {
            reply(ctx, 404, Map.of("error", "this instance runs a whole pipeline, not a task: savepoints need task mode"));
            return;
        }
        if (!authorized(ctx, config.task().get().controlToken())) {
            reply(ctx, 401, Map.of("error", "a bearer token matching weir.task.control-token is required"));
            return;
        }
        String path = ctx.request().getParam("path");
        if (path == null || path.isBlank()) {
            reply(ctx, 400, Map.of("error", "query parameter 'path' (the savepoint path) is missing"));
            return;
        }
        SavepointFormat format;
        try {
            format = format(ctx.request().getParam("format"));
        } catch (IllegalArgumentException e) {
            reply(ctx, 400, Map.of("error", e.getMessage()));
            return;
        }
        Optional<TaskRunner> task = runner.task();
        if (task.isEmpty()) {
            reply(ctx, 409, Map.of("error", "the task has not started yet; retry"));
            return;
        }
        try {
            task.get().stopWithSavepoint(new SavepointRequest(path, format));
        } catch (IllegalArgumentException | IllegalStateException e) {
            reply(ctx, 400, Map.of("error", e.getMessage()));
            return;
        } catch (java.io.IOException e) {
            reply(ctx, 503, Map.of("error", "cannot reach the savepoint store: " + e.getMessage()));
            return;
        }
        LOG.infof("stop with savepoint %s (%s) requested", path, format);
        Map<String, String> body = new LinkedHashMap<>();
        body.put("task", task.get().toString());
        body.put("savepoint", path);
        body.put("format", format.name().toLowerCase(java.util.Locale.ROOT));
        reply(ctx, 202, body);
    }

    /** The {@code format} parameter: {@code native} (the default) or {@code canonical}. */
    static SavepointFormat format(String parameter) {
        if (parameter == null || parameter.isBlank()) {
            return SavepointFormat.NATIVE;
        }
        for (SavepointFormat f : SavepointFormat.values()) {
            if (f.name().equalsIgnoreCase(parameter.trim())) {
                return f;
            }
        }
        throw new IllegalArgumentException("query parameter 'format' is '" + parameter
                + "': use native (the default: RocksDB files, bounded memory) or canonical (restores into any state "
                + "backend)");
    }

    /** Whether the request carries {@code Authorization: Bearer <token>}; compared in constant time. */
    private static boolean authorized(RoutingContext ctx, Optional<String> token) {
        String header = ctx.request().getHeader(HttpHeaders.AUTHORIZATION);
        if (token.isEmpty() || token.get().isEmpty() || header == null || !header.startsWith("Bearer ")) {
            return false;
        }
        return MessageDigest.isEqual(header.substring("Bearer ".length()).getBytes(StandardCharsets.UTF_8),
                token.get().getBytes(StandardCharsets.UTF_8));
    }

    private static void reply(RoutingContext ctx, int status, Map<String, String> body) {
        try {
            ctx.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                    .end(JSON.writeValueAsString(body));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            ctx.fail(e);
        }
    }
}
