package dev.weir.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command's side of the protocol, against small HTTP servers standing in for instances (the instance's own
 * endpoint is tested on packaged instances in the instance module's InstanceTaskModeIT).
 */
class SavepointCommandTest {
    @TempDir
    Path dir;
    private final List<HttpServer> servers = new CopyOnWriteArrayList<>();

    /** An instance that accepts {@code token}, records requests, and reports FINISHED once asked. */
    private String instance(String token, List<String> requests) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        AtomicBoolean stopped = new AtomicBoolean();
        server.createContext("/weir/savepoint", ex -> {
            requests.add(ex.getRequestMethod() + " " + ex.getRequestURI());
            boolean ok = ("Bearer " + token).equals(ex.getRequestHeaders().getFirst("Authorization"));
            stopped.set(ok);
            respond(ex, ok ? 202 : 401, ok ? "{\"task\":\"p/task-0-of-2\"}" : "{\"error\":\"token\"}");
        });
        server.createContext("/q/health/ready", ex -> respond(ex, 200, stopped.get() ? "FINISHED" : "RUNNING"));
        server.start();
        servers.add(server);
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private static void respond(com.sun.net.httpserver.HttpExchange ex, int status, String body) throws java.io.IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    @AfterEach
    void stop() {
        servers.forEach(s -> s.stop(0));
    }

    @Test
    void asksEveryInstanceAndWaitsUntilAllFinished() throws Exception {
        List<String> requests = new CopyOnWriteArrayList<>();
        String a = instance("secret", requests);
        String b = instance("secret", requests);
        Path token = Files.writeString(dir.resolve("token"), "secret\n");

        Cli.Result r = Cli.run("savepoint", "orders/before upgrade", "--instance", a, "--instance", b,
                "--token-file", token.toString());

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(requests).containsExactly("POST /weir/savepoint?path=orders%2Fbefore+upgrade&format=native",
                "POST /weir/savepoint?path=orders%2Fbefore+upgrade&format=native");
        assertThat(r.out()).contains(a + ": task finished").contains(b + ": task finished")
                .contains("savepoint orders/before upgrade complete");
    }

    @Test
    void theFormatIsPassedOnAndAnUnknownOneIsRefusedBeforeAnythingIsSent() throws Exception {
        List<String> requests = new CopyOnWriteArrayList<>();
        String a = instance("secret", requests);
        Path token = Files.writeString(dir.resolve("token"), "secret\n");

        Cli.Result r = Cli.run("savepoint", "p/s", "--instance", a, "--token-file", token.toString(),
                "--format", "CANONICAL");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(requests).containsExactly("POST /weir/savepoint?path=p%2Fs&format=canonical");

        Cli.Result bad = Cli.run("savepoint", "p/t", "--instance", a, "--token-file", token.toString(),
                "--format", "binary");
        assertThat(bad.exitCode()).isNotZero();
        assertThat(bad.err()).contains("'binary' is not a savepoint format");
        assertThat(requests).hasSize(1);
    }

    @Test
    void aRefusingInstanceFailsTheCommandAndSaysTheSavepointWillNotBeComplete() throws Exception {
        List<String> requests = new CopyOnWriteArrayList<>();
        String a = instance("secret", requests);
        String b = instance("other", requests);
        Path token = Files.writeString(dir.resolve("token"), "secret");

        Cli.Result r = Cli.run("savepoint", "p/s1", "--instance", a, "--instance", b, "--token-file", token.toString());

        assertThat(r.exitCode()).isEqualTo(ExitCode.REMOTE_FAILED.code());
        assertThat(r.err()).contains(b + " refused (HTTP 401)").contains("will not be complete");
    }

    @Test
    void withoutATokenNothingIsSent() throws Exception {
        List<String> requests = new CopyOnWriteArrayList<>();
        String a = instance("secret", requests);
        Path empty = Files.writeString(dir.resolve("empty"), "");

        Cli.Result r = Cli.run("savepoint", "p/s1", "--instance", a, "--token-file", empty.toString());

        assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE.code());
        assertThat(r.err()).contains("no control token");
        assertThat(requests).isEmpty();
    }
}
