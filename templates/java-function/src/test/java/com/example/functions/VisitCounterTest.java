package com.example.functions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.runtime.testing.FunctionTestHarness;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class VisitCounterTest {
    static final long MINUTE = Duration.ofMinutes(1).toMillis();

    @Test
    void emitsTheVisitTotalOnceTheUserWasQuietFor30MinutesOfEventTime() {
        var h = FunctionTestHarness.keyed(new VisitCounter(), Click::user);
        h.processElement(new Click("ann", "/", 0), 0);
        h.processElement(new Click("ann", "/a", 10 * MINUTE), 10 * MINUTE);
        h.advanceWatermark(39 * MINUTE);
        assertThat(h.outputValues()).as("only 29 quiet minutes so far").isEmpty();

        h.advanceWatermark(40 * MINUTE);
        assertThat(h.outputValues()).containsExactly("ann made 2 clicks");
        assertThat(h.state("ann").value(VisitCounter.CLICKS).value()).as("state is cleared").isNull();
    }

    @Test
    void aLateClickDoesNotEndTheVisitEarly() {
        var h = FunctionTestHarness.keyed(new VisitCounter(), Click::user);
        h.processElement(new Click("bob", "/", 20 * MINUTE), 20 * MINUTE);
        h.processElement(new Click("bob", "/old", 5 * MINUTE), 5 * MINUTE);
        h.advanceWatermark(35 * MINUTE);
        assertThat(h.outputValues()).isEmpty();
        h.advanceWatermark(50 * MINUTE);
        assertThat(h.outputValues()).containsExactly("bob made 2 clicks");
    }
}
