package dev.weir.api.window;

import dev.weir.api.time.TimeDomain;
import java.time.Duration;

/** Factories for the standard triggers. */
public final class Triggers {
    private Triggers() {
    }

    /** Fire when the watermark passes the window's end, then once per late element within the allowed lateness. */
    public static Trigger eventTime() {
        return EventTimeTrigger.INSTANCE;
    }

    /** Fire when the wall clock passes the window's end. */
    public static Trigger processingTime() {
        return ProcessingTimeTrigger.INSTANCE;
    }

    /** Fire every {@code n} elements (and for the remainder when the window completes). */
    public static Trigger count(long n) {
        return new CountTrigger(n);
    }

    /** Event-time firing plus early panes every {@code interval} of {@code domain} time. */
    public static Trigger earlyFirings(Duration interval, TimeDomain domain) {
        return new EarlyFiringTrigger(interval, domain);
    }

    /** Turn every FIRE of {@code trigger} into FIRE_AND_PURGE. */
    public static Trigger purging(Trigger trigger) {
        return new PurgingTrigger(trigger);
    }

    /** The trigger a window spec uses when none is given. */
    public static Trigger defaultFor(WindowSpec spec) {
        if (spec instanceof GlobalWindows) {
            return EventTimeTrigger.INSTANCE;
        }
        return spec.timeDomain() == TimeDomain.PROCESSING_TIME ? ProcessingTimeTrigger.INSTANCE : EventTimeTrigger.INSTANCE;
    }
}
