package dev.weir.runtime.spec;

import com.fasterxml.jackson.annotation.JsonTypeName;
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
        if (spec instanceof WindowAssignerSpec.Tumbling t) {
            Duration offset = t.offset() == null ? Duration.ZERO : t.offset();
            boolean ok = Durations.positive(t.size(), path.property("size"), problems)
                    && offsetWithin(offset, t.size(), "size", path);
            return ok ? new TumblingWindows(t.size(), offset, SpecTimeDomain.orEvent(t.timeDomain())) : null;
        }
        if (spec instanceof WindowAssignerSpec.Sliding s) {
            Duration offset = s.offset() == null ? Duration.ZERO : s.offset();
            boolean size = Durations.positive(s.size(), path.property("size"), problems);
            boolean slide = Durations.positive(s.slide(), path.property("slide"), problems);
            if (!size || !slide) {
                return null;
            }
            if (s.slide().compareTo(s.size()) > 0) {
                problems.add(path.property("slide"), "'" + s.slide() + "' must not exceed size '" + s.size() + "'");
                return null;
            }
            return offsetWithin(offset, s.slide(), "slide", path)
                    ? new SlidingWindows(s.size(), s.slide(), offset, SpecTimeDomain.orEvent(s.timeDomain())) : null;
        }
        if (spec instanceof WindowAssignerSpec.Session s) {
            return Durations.positive(s.gap(), path.property("gap"), problems)
                    ? new SessionWindows(s.gap(), SpecTimeDomain.orEvent(s.timeDomain())) : null;
        }
        return GlobalWindows.create();
    }

    private boolean offsetWithin(Duration offset, Duration bound, String boundName, SpecPath path) {
        if (offset.isNegative() || offset.compareTo(bound) >= 0) {
            problems.add(path.property("offset"), "'" + offset + "' must be at least PT0S and less than " + boundName + " '" + bound + "'");
            return false;
        }
        return true;
    }

    /** The trigger for {@code windows}, or null if invalid. A null {@code spec} gives the windows' default. */
    Trigger trigger(TriggerSpec spec, WindowSpec windows, SpecPath path) {
        if (spec == null) {
            return Triggers.defaultFor(windows);
        }
        Trigger t = base(spec, windows.timeDomain(), path);
        if (t == null) {
            return null;
        }
        if (windows instanceof SessionWindows && !t.canMerge()) {
            problems.add(path.property("type"), "a '" + typeName(spec)
                    + "' trigger cannot merge windows, so it cannot be used with session windows");
            return null;
        }
        return spec.purges() ? Triggers.purging(t) : t;
    }

    private Trigger base(TriggerSpec spec, TimeDomain domain, SpecPath path) {
        if (spec instanceof TriggerSpec.EventTime) {
            return domain == TimeDomain.EVENT_TIME ? Triggers.eventTime()
                    : misfit(path, "an 'event-time' trigger does not fit processing-time windows; use 'processing-time'");
        }
        if (spec instanceof TriggerSpec.ProcessingTime) {
            return domain == TimeDomain.PROCESSING_TIME ? Triggers.processingTime()
                    : misfit(path, "a 'processing-time' trigger does not fit event-time windows; use 'event-time' or 'early'");
        }
        if (spec instanceof TriggerSpec.Count c) {
            if (c.count() < 1) {
                problems.add(path.property("count"), "must be at least 1, was " + c.count());
                return null;
            }
            return Triggers.count(c.count());
        }
        TriggerSpec.Early e = (TriggerSpec.Early) spec;
        if (!Durations.positive(e.interval(), path.property("interval"), problems)) {
            return null;
        }
        return Triggers.earlyFirings(e.interval(), e.timeDomain() == null ? TimeDomain.PROCESSING_TIME : e.timeDomain().domain());
    }

    private Trigger misfit(SpecPath path, String message) {
        problems.add(path.property("type"), message);
        return null;
    }

    private static String typeName(TriggerSpec spec) {
        return spec.getClass().getAnnotation(JsonTypeName.class).value();
    }
}
