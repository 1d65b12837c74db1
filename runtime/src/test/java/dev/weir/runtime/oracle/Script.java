package dev.weir.runtime.oracle;

import dev.weir.runtime.testing.ScriptedSource;
import java.util.List;
import java.util.stream.Collectors;

/**
 * An input script: elements and watermark advances in the order one {@link ScriptedSource} replays them. The
 * oracles read the same steps the engine receives.
 */
public record Script(List<Step> steps) {

    /** One step of a script. */
    public sealed interface Step {
        /** An element with the event timestamp {@code ev.ts()}. */
        record Element(Ev ev) implements Step {
            @Override
            public String toString() {
                return ev.toString();
            }
        }

        /** A watermark advance: no more elements with a timestamp {@code <= millis} are expected. */
        record Watermark(long millis) implements Step {
            @Override
            public String toString() {
                return "wm(" + millis + ")";
            }
        }
    }

    public Script {
        steps = List.copyOf(steps);
    }

    public static Script of(Step... steps) {
        return new Script(List.of(steps));
    }

    public static Step element(int key, int id, int value, long ts) {
        return new Step.Element(new Ev(key, id, value, ts));
    }

    public static Step watermark(long millis) {
        return new Step.Watermark(millis);
    }

    /** The elements in script order. */
    public List<Ev> elements() {
        return steps.stream().filter(Step.Element.class::isInstance).map(s -> ((Step.Element) s).ev()).toList();
    }

    /** A fresh source replaying the script exactly; use with {@code WatermarkStrategy.fromSource()}. */
    public ScriptedSource<Ev> source() {
        ScriptedSource<Ev> source = ScriptedSource.of(Ev.class);
        for (Step s : steps) {
            if (s instanceof Step.Element e) {
                source.element(e.ev(), e.ev().ts());
            } else if (s instanceof Step.Watermark w) {
                source.watermark(w.millis());
            }
        }
        return source;
    }

    /** The script as Java code, to paste into a regression test. */
    public String toJava() {
        return steps.stream().map(s -> s instanceof Step.Element e
                        ? ".element(new Ev(" + e.ev().key() + ", " + e.ev().id() + ", " + e.ev().value() + ", " + e.ev().ts()
                        + "), " + e.ev().ts() + ")"
                        : ".watermark(" + ((Step.Watermark) s).millis() + ")")
                .collect(Collectors.joining("\n    ", "ScriptedSource.of(Ev.class)\n    ", ""));
    }

    @Override
    public String toString() {
        return steps.stream().map(Step::toString).collect(Collectors.joining(" "));
    }
}
