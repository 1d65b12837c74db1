package dev.weir.runtime.spec;

import dev.weir.api.time.TimeDomain;
import dev.weir.api.window.GlobalWindows;
import dev.weir.api.window.SessionWindows;
import dev.weir.api.window.SlidingWindows;
import dev.weir.api.window.Trigger;
import dev.weir.api.window.Triggers;
import dev.weir.api.window.TumblingWindows;
import dev.weir.api.window.WindowSpec;
import java.time.Duration;

/** Compiles a window node's {@code window} and {@code trigger}, reporting every problem. */
final class WindowCompiler {
    private final Problems problems;

    WindowCompiler(Problems problems) {
        this.problems = problems;
    }

    /** The window spec, or null if invalid. */
    WindowSpec windows(WindowAssignerSpec spec, SpecPath path) {
        int before = problems.count();
        WindowSpec result = switch (spec) {
            case WindowAssignerSpec.Tumbling t -> {
                Duration offset = t.offset() == null ? Duration.ZERO : t.offset();
                if (Durations.positive(t.size(), path.property("size"), problems)) {
                    offsetWithin(offset, t.size(), "size", path);
                }
                yield new Lazy(() -> new TumblingWindows(t.size(), offset, SpecTimeDomain.orEvent(t.timeDomain())));
            }
            case WindowAssignerSpec.Sliding s -> {
                Duration offset = s.offset() == null ? Duration.ZERO : s.offset();
                boolean size = Durations.positive(s.size(), path.property("size"), problems);
                boolean slide = Durations.positive(s.slide(), path.property("slide"), problems);
                if (size && slide && s.slide().compareTo(s.size()) > 0) {
                    problems.add(path.property("slide"), "'" + s.slide() + "' must not exceed size '" + s.size() + "'");
                } else if (slide) {
                    offsetWithin(offset, s.slide(), "slide", path);
                }
                yield new Lazy(() -> new SlidingWindows(s.size(), s.slide(), offset, SpecTimeDomain.orEvent(s.timeDomain())));
            }
            case WindowAssignerSpec.Session s -> {
                Durations.positive(s.gap(), path.property("gap"), problems);
                yield new Lazy(() -> new SessionWindows(s.gap(), SpecTimeDomain.orEvent(s.timeDomain())));
            }
            case WindowAssignerSpec.Global g -> new Lazy(GlobalWindows::create);
        };
        return problems.count() == before ? ((Lazy) result).get() : null;
    }

    private void offsetWithin(Duration offset, Duration bound, String boundName, SpecPath path) {
        if (offset.isNegative() || offset.compareTo(bound) >= 0) {
            problems.add(path.property("offset"), "'" + offset + "' must be in [PT0S, " + boundName + " '" + bound + "')");
        }
    }

    /** The trigger for {@code windows}, or null if invalid. Null {@code spec} gives the default. */
    Trigger trigger(TriggerSpec spec, WindowSpec windows, SpecPath path) {
        if (spec == null) {
            return Triggers.defaultFor(windows);
        }
        TimeDomain domain = windows.timeDomain();
        Trigger t = switch (spec) {
            case TriggerSpec.EventTime e -> domain == TimeDomain.EVENT_TIME ? Triggers.eventTime()
                    : misfit(path, "an 'event-time' trigger never fires for processing-time windows; use 'processing-time'");
            case TriggerSpec.ProcessingTime p -> domain == TimeDomain.PROCESSING_TIME ? Triggers.processingTime()
                    : misfit(path, "a 'processing-time' trigger does not fit event-time windows; use 'event-time' or 'early'");
            case TriggerSpec.Count c -> {
                if (c.count() < 1) {
                    problems.add(path.property("count"), "must be at least 1, was " + c.count());
                    yield null;
                }
                yield Triggers.count(c.count());
            }
            case TriggerSpec.Early e -> Durations.positive(e.interval(), path.property("interval"), problems)
                    ? Triggers.earlyFirings(e.interval(), e.timeDomain() == null ? TimeDomain.PROCESSING_TIME : e.timeDomain().domain())
                    : null;
        };
        if (t == null) {
            return null;
        }
        if (windows instanceof SessionWindows && !t.canMerge()) {
            problems.add(path.property("type"), "a '" + typeName(spec) + "' trigger cannot merge windows, so it cannot be used with session windows");
            return null;
        }
        return spec.purges() ? Triggers.purging(t) : t;
    }

    private Trigger misfit(SpecPath path, String message) {
        problems.add(path.property("type"), message);
        return null;
    }

    private static String typeName(TriggerSpec spec) {
        return spec.getClass().getAnnotation(com.fasterxml.jackson.annotation.JsonTypeName.class).value();
    }

    /** Defers constructing the window spec until its fields are known to be valid. */
    private record Lazy(java.util.function.Supplier<WindowSpec> make) implements WindowSpecHolder {
        WindowSpec get() {
            return make.get();
        }
    }

    private interface WindowSpecHolder {
    }
}
