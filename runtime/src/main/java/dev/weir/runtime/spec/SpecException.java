package dev.weir.runtime.spec;

import java.util.List;
import java.util.stream.Collectors;

/** A spec is invalid. Holds every problem found, in the order found; the message lists them one per line. */
public class SpecException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient List<SpecProblem> problems;

    public SpecException(List<SpecProblem> problems) {
        super(render(problems));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a SpecException needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    public List<SpecProblem> problems() {
        return problems;
    }

    private static String render(List<SpecProblem> problems) {
        return problems.size() + (problems.size() == 1 ? " problem" : " problems") + " in the pipeline spec:\n"
                + problems.stream().map(p -> "  " + p).collect(Collectors.joining("\n"));
    }
}
