package dev.weir.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import dev.weir.runtime.state.SavepointFormat;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code weir savepoint <path> --instance <url>... [--format native|canonical] [--wait <duration>]}: stops a pipeline running as tasks on runtime
 * instances with a savepoint at {@code path} ({@code POST /weir/savepoint} on every instance), then waits until every
 * instance reports its task finished, which is when the savepoint is complete. Restore it, at any parallelism, by
 * starting the instances with {@code weir.task.restore-savepoint=<path>}.
 *
 * <p>The instances' control token comes from the {@code WEIR_CONTROL_TOKEN} environment variable or
 * {@code --token-file}, never from the command line (where other users of the machine could read it).
 */
@Command(name = "savepoint", description = "Stop a pipeline's tasks with a savepoint (restore it at any parallelism "
        + "with weir.task.restore-savepoint).")
final class SavepointCommand implements Callable<Integer> {
    static final String TOKEN_VARIABLE = "WEIR_CONTROL_TOKEN";

    @Spec
    picocli.CommandLine.Model.CommandSpec command;

    @Parameters(index = "0", paramLabel = "PATH", description = "Where the savepoint goes, e.g. orders/before-upgrade.")
    String path;

    @Option(names = "--instance", required = true, paramLabel = "URL",
            description = "Base URL of a runtime instance running one of the pipeline's tasks; give every task's.")
    List<URI> instances;

    @Option(names = "--token-file", paramLabel = "FILE",
            description = "File holding the instances' control token (default: $" + TOKEN_VARIABLE + ").")
    Path tokenFile;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "native", converter = FormatConverter.class,
            description = "native (default: RocksDB state as its files, bounded memory, restores into RocksDB "
                    + "pipelines) or canonical (every value decoded; restores into any state backend, needs the state to "
                    + "fit in memory).")
    SavepointFormat format;

    /** {@code native} / {@code canonical}, any case. */
    static final class FormatConverter implements picocli.CommandLine.ITypeConverter<SavepointFormat> {
        @Override
        public SavepointFormat convert(String value) {
            for (SavepointFormat f : SavepointFormat.values()) {
                if (f.name().equalsIgnoreCase(value)) {
                    return f;
                }
            }
            throw new picocli.CommandLine.TypeConversionException("'" + value + "' is not a savepoint format: use "
                    + "native or canonical");
        }
    }

    @Option(names = "--wait", paramLabel = "DURATION", defaultValue = "PT2M",
            description = "How long to wait for every task to finish, ISO-8601 (default ${DEFAULT-VALUE}); PT0S: don't wait.")
    Duration wait;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Override
    public Integer call() throws Exception {
        PrintWriter out = command.commandLine().getOut();
        PrintWriter err = command.commandLine().getErr();
        String token;
        try {
            token = token();
        } catch (IOException e) {
            err.println("weir: cannot read the control token: " + e.getMessage());
            return ExitCode.NOT_FOUND.code();
        }
        if (token == null || token.isBlank()) {
            err.println("weir: no control token: set " + TOKEN_VARIABLE + " or use --token-file");
            return ExitCode.USAGE.code();
        }
        boolean allAccepted = true;
        for (URI instance : instances) {
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(instance.resolve("/weir/savepoint?path="
                                + URLEncoder.encode(path, StandardCharsets.UTF_8) + "&format="
                                + format.name().toLowerCase(java.util.Locale.ROOT)))
                        .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(10))
                        .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 202) {
                    out.println(instance + ": stopping with savepoint " + path + " " + r.body());
                } else {
                    allAccepted = false;
                    err.println("weir: " + instance + " refused (HTTP " + r.statusCode() + "): " + r.body());
                }
            } catch (IOException e) {
                allAccepted = false;
                err.println("weir: " + instance + " unreachable: " + e.getMessage());
            }
        }
        if (!allAccepted) {
            err.println("weir: the savepoint " + path + " will not be complete; fix the refused instances and ask "
                    + "them again with the same path, or take another savepoint");
            return ExitCode.REMOTE_FAILED.code();
        }
        if (wait.isZero()) {
            return ExitCode.OK.code();
        }
        return awaitFinished(out, err);
    }

    private String token() throws IOException {
        if (tokenFile != null) {
            return Files.readString(tokenFile).trim();
        }
        return System.getenv(TOKEN_VARIABLE);
    }

    /** Polls each instance's readiness until its task reports FINISHED (its part written) or FAILED. */
    private int awaitFinished(PrintWriter out, PrintWriter err) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        for (URI instance : instances) {
            String last = "";
            while (true) {
                try {
                    last = http.send(HttpRequest.newBuilder(instance.resolve("/q/health/ready"))
                            .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString()).body();
                } catch (IOException e) {
                    last = e.toString();
                }
                if (last.contains("FINISHED")) {
                    out.println(instance + ": task finished, its part of " + path + " is written");
                    break;
                }
                if (last.contains("FAILED") || System.nanoTime() > deadline) {
                    err.println("weir: " + instance + " did not finish with the savepoint: " + last);
                    return ExitCode.REMOTE_FAILED.code();
                }
                Thread.sleep(200);
            }
        }
        out.println("savepoint " + path + " complete");
        return ExitCode.OK.code();
    }
}
