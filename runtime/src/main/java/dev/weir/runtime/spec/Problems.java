package dev.weir.runtime.spec;

import java.util.ArrayList;
import java.util.List;

/** Collects the problems found while reading and compiling one spec. */
final class Problems {
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

    List<SpecProblem> list() {
        return List.copyOf(list);
    }

    /** Throws a {@link SpecException} if any problem was found. */
    void throwIfAny() {
        if (!list.isEmpty()) {
            throw new SpecException(list);
        }
    }
}
