package dev.weir.runtime.spec;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;

/** Builds small specs for tests. JSON is written with single quotes, which {@link #json} turns into double quotes. */
final class Specs {
    /** src (10 generated clicks) -> by-user (keyBy user) -> hourly (tumbling 1 h count) -> out (print). */
    static final String NODES = """
            {'name': 'src', 'type': 'source', 'connector': {'type': 'generator', 'count': 10}},
            {'name': 'by-user', 'type': 'keyBy', 'field': 'user'},
            {'name': 'hourly', 'type': 'window', 'window': {'type': 'tumbling', 'size': 'PT1H'}, 'function': {'builtin': 'count'}},
            {'name': 'out', 'type': 'sink', 'connector': {'type': 'print'}}""";
    static final String EDGES = """
            {'from': 'src', 'to': 'by-user'},
            {'from': 'by-user', 'to': 'hourly'},
            {'from': 'hourly', 'to': 'out'}""";

    private Specs() {
    }

    static String json(String singleQuoted) {
        return singleQuoted.replace('\'', '"');
    }

    /** A version-1 spec named 'test' with these nodes and edges (single-quoted JSON). */
    static String spec(String nodes, String edges) {
        return json("{'specVersion': 1, 'name': 'test', 'nodes': [" + nodes + "], 'edges': [" + edges + "]}");
    }

    /** The valid base spec. */
    static String base() {
        return spec(NODES, EDGES);
    }

    /** The base spec with {@code from} replaced by {@code to} (both single-quoted JSON). */
    static String baseWith(String from, String to) {
        String s = spec(NODES, EDGES);
        String f = json(from);
        if (!s.contains(f)) {
            throw new IllegalArgumentException("base spec has no " + f);
        }
        return s.replace(f, json(to));
    }

    static SpecCompiler compiler() {
        return new SpecCompiler(SpecContext.defaults().withOut(new PrintWriter(new StringWriter()))
                .withBaseDirectory(Path.of("..", "examples")));
    }

    /** Every problem of a spec, as {@code path: message} lines. */
    static List<String> problems(String json) {
        return compiler().validate(json).stream().map(SpecProblem::toString).toList();
    }
}
