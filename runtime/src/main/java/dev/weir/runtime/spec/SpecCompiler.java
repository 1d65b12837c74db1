package dev.weir.runtime.spec;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weir.runtime.functions.FieldAccessor;
import dev.weir.runtime.functions.FieldKeySelector;
import dev.weir.runtime.graph.Edge;
import dev.weir.runtime.graph.KeyByNode;
import dev.weir.runtime.graph.Node;
import dev.weir.runtime.graph.PipelineGraph;
import dev.weir.runtime.graph.PipelineOptions;
import dev.weir.runtime.graph.PipelineValidationException;
import dev.weir.runtime.graph.SourceNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Validates a pipeline spec once and compiles it to a {@link PipelineGraph}. Every problem is reported, each with
 * its path, in one {@link SpecException}: JSON syntax, unknown or missing properties, wrong types, invalid
 * durations and settings, functions that cannot be loaded or configured, and edges that do not fit their nodes.
 *
 * <pre>{@code
 * PipelineGraph graph = new SpecCompiler(SpecContext.defaults()).compile(Path.of("examples/demo-pipeline.json"));
 * }</pre>
 */
public final class SpecCompiler {
    /** The largest number of key groups, as {@link PipelineOptions} allows. */
    static final int MAX_KEY_GROUPS = 32768;

    private final SpecContext context;

    public SpecCompiler(SpecContext context) {
        this.context = context;
    }

    /**
     * Compiles a spec file; relative paths in it are resolved against the file's directory.
     *
     * @throws SpecException if the spec is invalid
     * @throws IOException   if the file cannot be read
     */
    public PipelineGraph compile(Path specFile) throws IOException {
        return forFile(specFile).compile(Files.readString(specFile, StandardCharsets.UTF_8));
    }

    /**
     * Compiles spec JSON text.
     *
     * @throws SpecException if the spec is invalid
     */
    public PipelineGraph compile(String json) {
        Problems problems = new Problems();
        JsonNode root = SpecReader.parse(json, problems);
        problems.throwIfAny();
        return compile(root, problems);
    }

    /**
     * Compiles a spec built in code; checked exactly as if it had been read from JSON.
     *
     * @throws SpecException if the spec is invalid
     */
    public PipelineGraph compile(PipelineSpec spec) {
        return compile(SpecJson.mapper().valueToTree(spec), new Problems());
    }

    /** Every problem of a spec file; empty if it is valid. */
    public List<SpecProblem> validate(Path specFile) throws IOException {
        return forFile(specFile).validate(Files.readString(specFile, StandardCharsets.UTF_8));
    }

    /** Every problem of spec JSON text; empty if it is valid. */
    public List<SpecProblem> validate(String json) {
        try {
            compile(json);
            return List.of();
        } catch (SpecException e) {
            return e.problems();
        }
    }

    private SpecCompiler forFile(Path specFile) {
        Path dir = specFile.toAbsolutePath().getParent();
        return new SpecCompiler(context.withBaseDirectory(dir));
    }

    private PipelineGraph compile(JsonNode root, Problems problems) {
        SpecReader.Parsed spec = SpecReader.read(root, problems);
        if (spec == null) {
            problems.throwIfAny();
        }
        PipelineOptions options = options(spec.options(), problems);
        List<TopologyCheck.NodeInfo> infos = new ArrayList<>();
        Map<String, Node> nodes = new LinkedHashMap<>();
        NodeCompiler compiler = new NodeCompiler(context, problems);
        Map<String, SpecPath> names = new HashMap<>();
        for (SpecReader.Slot<NodeSpec> slot : spec.nodes()) {
            String name = slot.broken() ? slot.rawText("name") : slot.value().name();
            NodeSpec node = checkName(name, slot.path(), names, problems) ? slot.value() : null;
            infos.add(new TopologyCheck.NodeInfo(slot.path(), name, node));
            if (node != null) {
                nodes.put(name, compiler.compile(node, slot.path()));
            }
        }
        checkEnds(root, spec.nodes(), problems);
        List<Edge> edges = new TopologyCheck(infos, options.errorPolicy(), problems).check(spec.edges());
        checkKeyFields(nodes, names, edges, problems);
        problems.throwIfAny();
        return build(spec.name(), options, nodes.values(), edges);
    }

    /** A pipeline needs nodes, at least one source and at least one sink. */
    private static void checkEnds(JsonNode root, List<SpecReader.Slot<NodeSpec>> nodes, Problems problems) {
        SpecPath at = SpecPath.ROOT.property("nodes");
        if (nodes.isEmpty()) {
            if (root.path("nodes").isArray()) {
                problems.add(at, "the pipeline has no nodes");
            }
            return;
        }
        if (nodes.stream().noneMatch(n -> n.value() instanceof NodeSpec.Source || "source".equals(n.rawText("type")))) {
            problems.add(at, "the pipeline needs at least one source node");
        }
        if (nodes.stream().noneMatch(n -> n.value() instanceof NodeSpec.Sink || "sink".equals(n.rawText("type")))) {
            problems.add(at, "the pipeline needs at least one sink node");
        }
    }

    private static boolean checkName(String name, SpecPath path, Map<String, SpecPath> names, Problems problems) {
        if (name == null) {
            return false;
        }
        if (name.isBlank()) {
            problems.add(path.property("name"), "must not be blank");
            return false;
        }
        SpecPath first = names.putIfAbsent(name, path);
        if (first != null) {
            problems.add(path.property("name"), "'" + name + "' is already the name of " + first);
            return false;
        }
        return true;
    }

    private static PipelineOptions options(OptionsSpec spec, Problems problems) {
        PipelineOptions options = PipelineOptions.defaults();
        if (spec == null) {
            return options;
        }
        if (spec.keyGroups() != null) {
            if (spec.keyGroups() < 1 || spec.keyGroups() > MAX_KEY_GROUPS) {
                problems.add(SpecPath.ROOT.property("options").property("keyGroups"),
                        "must be in [1, " + MAX_KEY_GROUPS + "], was " + spec.keyGroups());
            } else {
                options = options.withNumberOfKeyGroups(spec.keyGroups());
            }
        }
        if (spec.errorPolicy() != null) {
            options = options.withErrorPolicy(spec.errorPolicy().policy());
        }
        if (spec.delivery() != null) {
            options = options.withDeliveryGuarantee(spec.delivery().guarantee());
        }
        if (spec.stateBackend() != null) {
            options = options.withStateBackend(spec.stateBackend().kind());
        }
        if (spec.checkpointInterval() != null && Durations.positive(spec.checkpointInterval(),
                SpecPath.ROOT.property("options").property("checkpointInterval"), problems)) {
            options = options.withCheckpointInterval(spec.checkpointInterval());
        }
        if (spec.decodeAhead() != null) {
            options = options.withDecodeAhead(spec.decodeAhead());
        }
        return options;
    }

    /** A keyBy field must exist on the values of a source that feeds it directly, where their class is known. */
    private static void checkKeyFields(Map<String, Node> nodes, Map<String, SpecPath> paths, List<Edge> edges,
                                       Problems problems) {
        for (Edge e : edges) {
            if (e != null && e.sideOutput().isEmpty() && nodes.get(e.to()) instanceof KeyByNode<?, ?> k
                    && k.keySelector() instanceof FieldKeySelector f && nodes.get(e.from()) instanceof SourceNode<?> s) {
                FieldAccessor.of(f.field()).check(s.source().type())
                        .ifPresent(m -> problems.add(paths.get(e.to()).property("field"), m));
            }
        }
    }

    private static PipelineGraph build(String name, PipelineOptions options, Collection<Node> nodes, List<Edge> edges) {
        PipelineGraph.Builder b = PipelineGraph.builder(name).options(options);
        nodes.forEach(b::add);
        edges.forEach(b::connect);
        try {
            return b.build();
        } catch (PipelineValidationException e) {
            throw new SpecException(List.of(new SpecProblem("", e.getMessage())));
        }
    }
}
