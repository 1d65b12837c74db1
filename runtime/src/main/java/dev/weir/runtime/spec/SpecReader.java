package dev.weir.runtime.spec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a spec's JSON: syntax, version, then structure ({@link StructureCheck}), then binds what is sound. A node or
 * edge with a structural problem is kept as a broken slot (its name, if readable, still counts as a node), so the
 * compiler can check the rest without reporting follow-on problems.
 */
final class SpecReader {
    /** A node or edge of the spec: bound, or broken ({@code value} null); {@code raw} is its JSON. */
    record Slot<T>(int index, SpecPath path, T value, JsonNode raw) {
        boolean broken() {
            return value == null;
        }

        /** A text property of the raw JSON, or null: the name of a broken node, the target of a broken edge. */
        String rawText(String property) {
            JsonNode v = raw.get(property);
            return v != null && v.isTextual() ? v.textValue() : null;
        }
    }

    /** What could be read; problems went to the collector. */
    record Parsed(String name, OptionsSpec options, List<Slot<NodeSpec>> nodes, List<Slot<EdgeSpec>> edges) {
    }

    private SpecReader() {
    }

    /** Parses JSON text; null (with a problem) if it is not JSON. */
    static JsonNode parse(String json, Problems problems) {
        try {
            JsonNode root = SpecJson.mapper().readTree(json);
            if (root == null || root.isMissingNode()) {
                problems.add(SpecPath.ROOT, "the spec is empty");
                return null;
            }
            return root;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : "line " + at.getLineNr() + ", column " + at.getColumnNr() + ": ";
            problems.add(SpecPath.ROOT, "not valid JSON: " + where + e.getOriginalMessage());
            return null;
        }
    }

    /** Reads a parsed spec; null if nothing useful can be read (not an object, or another spec version). */
    static Parsed read(JsonNode root, Problems problems) {
        if (!root.isObject()) {
            problems.add(SpecPath.ROOT, "a spec must be a JSON object, got " + StructureCheck.show(root));
            return null;
        }
        JsonNode version = root.get("specVersion");
        if (version != null && version.isIntegralNumber() && version.asLong() != PipelineSpec.VERSION) {
            problems.add(SpecPath.ROOT.property("specVersion"), "unsupported spec version " + version.asLong()
                    + "; this Weir reads version " + PipelineSpec.VERSION);
            return null;
        }
        new StructureCheck(problems).check(root, PipelineSpec.class, SpecPath.ROOT);
        String name = root.path("name").isTextual() ? root.get("name").textValue() : null;
        OptionsSpec options = bindIfSound(root.get("options"), OptionsSpec.class, SpecPath.ROOT.property("options"), problems);
        List<Slot<NodeSpec>> nodes = slots(root.get("nodes"), NodeSpec.class, "nodes", problems);
        List<Slot<EdgeSpec>> edges = slots(root.get("edges"), EdgeSpec.class, "edges", problems);
        return new Parsed(name, options, nodes, edges);
    }

    private static <T> List<Slot<T>> slots(JsonNode array, Class<T> type, String property, Problems problems) {
        List<Slot<T>> out = new ArrayList<>();
        if (array == null || !array.isArray()) {
            return out;
        }
        SpecPath arrayPath = SpecPath.ROOT.property(property);
        for (int i = 0; i < array.size(); i++) {
            JsonNode element = array.get(i);
            SpecPath p = StructureCheck.elementPath(arrayPath, i, element);
            out.add(new Slot<>(i, p, bindIfSound(element, type, p, problems), element));
        }
        return out;
    }

    private static <T> T bindIfSound(JsonNode node, Class<T> type, SpecPath path, Problems problems) {
        if (node == null || node.isNull() || problems.anyWithin(path)) {
            return null;
        }
        try {
            return SpecJson.mapper().treeToValue(node, type);
        } catch (JsonProcessingException e) {
            problems.add(path, "cannot read: " + e.getOriginalMessage());
            return null;
        }
    }
}
