package dev.weir.runtime.time;

/** A clock that moves only when told to. For tests and the function test harness. */
public final class ManualClock implements Clock {
    private long now;

    public ManualClock(long startMillis) {
        this.now = startMillis;
    }

    @Override
    public long millis() {
        return now;
    }

    /** Moves the clock forward (never backward). */
    public void advanceTo(long millis) {
        if (millis < now) {
            throw new IllegalArgumentException("processing time only moves forward: " + millis + " < " + now);
        }
        now = millis;
    }

    public void advanceBy(long millis) {
        advanceTo(now + millis);
    }
}
