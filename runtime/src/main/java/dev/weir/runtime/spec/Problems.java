package dev.weir.runtime.spec;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Collects the problems found while reading and compiling one spec, and hands them out in document order: by
 * top-level property ({@code specVersion}, {@code name}, {@code options}, {@code nodes}, {@code edges}), then by
 * array index; problems at the same place keep the order they were found in.
 */
final class Problems {
    private static final List<String> SECTIONS = List.of("specVersion", "name", "options", "nodes", "edges");
    private static final Pattern LOCATION = Pattern.compile("^([A-Za-z]+)(?:\\[(\\d+)])?");
    private static final Comparator<SpecProblem> DOCUMENT_ORDER =
            Comparator.comparingInt((SpecProblem p) -> location(p.path())[0]).thenComparingInt(p -> location(p.path())[1]);

    private final List<SpecProblem> list = new ArrayList<>();

    void add(SpecPath path, String message) {
        list.add(new SpecProblem(path.text(), message));
    }

    boolean isEmpty() {
        return list.isEmpty();
    }

    int count() {
        return list.size();
    }

    /** Whether a problem was found at {@code path} or inside it. */
    boolean anyWithin(SpecPath path) {
        return list.stream().anyMatch(p -> path.contains(p.path()));
    }

    /** The problems in document order. */
    List<SpecProblem> list() {
        return list.stream().sorted(DOCUMENT_ORDER).toList();
    }

    /** Throws a {@link SpecException} with the problems in document order, if any was found. */
    void throwIfAny() {
        if (!list.isEmpty()) {
            throw new SpecException(list());
        }
    }

    /** {section rank, element index}; the whole spec and unknown top-level properties come first. */
    private static int[] location(String path) {
        Matcher m = LOCATION.matcher(path);
        if (!m.find()) {
            return new int[] {-1, -1};
        }
        return new int[] {SECTIONS.indexOf(m.group(1)), m.group(2) == null ? -1 : Integer.parseInt(m.group(2))};
    }
}
