package dev.weir.runtime.oracle;

import dev.weir.api.window.Window;
import java.util.Map;

/**
 * The hand-computed examples of the window javadoc, shared by the engine tests and the oracle self-test. One key;
 * events at 10:00, 10:02, 10:04, 10:06, 10:08 and 10:12; no watermarks, so every window fires when the bounded
 * input ends.
 */
final class WorkedExamples {
    static final long MINUTE = 60_000;

    private WorkedExamples() {
    }

    /** Epoch milliseconds of {@code hh:mm} on 1970-01-01. */
    static long at(int hour, int minute) {
        return (hour * 60L + minute) * MINUTE;
    }

    static Window window(int fromHour, int fromMinute, int toHour, int toMinute) {
        return new Window(at(fromHour, fromMinute), at(toHour, toMinute));
    }

    static Script sixEvents() {
        return Script.of(
                Script.element(0, 0, 1, at(10, 0)),
                Script.element(0, 1, 1, at(10, 2)),
                Script.element(0, 2, 1, at(10, 4)),
                Script.element(0, 3, 1, at(10, 6)),
                Script.element(0, 4, 1, at(10, 8)),
                Script.element(0, 5, 1, at(10, 12)));
    }

    /** Tumbling 5 min: window -> number of events. */
    static Map<Window, Long> tumblingFiveMinutes() {
        return Map.of(
                window(10, 0, 10, 5), 3L,
                window(10, 5, 10, 10), 2L,
                window(10, 10, 10, 15), 1L);
    }

    /** Sliding 5 min every 2 min (windows start at even minutes): window -> number of events. */
    static Map<Window, Long> slidingFiveMinutesEveryTwo() {
        return Map.of(
                window(9, 56, 10, 1), 1L,   // 10:00
                window(9, 58, 10, 3), 2L,   // 10:00 10:02
                window(10, 0, 10, 5), 3L,   // 10:00 10:02 10:04
                window(10, 2, 10, 7), 3L,   // 10:02 10:04 10:06
                window(10, 4, 10, 9), 3L,   // 10:04 10:06 10:08
                window(10, 6, 10, 11), 2L,  // 10:06 10:08
                window(10, 8, 10, 13), 2L,  // 10:08 10:12
                window(10, 10, 10, 15), 1L, // 10:12
                window(10, 12, 10, 17), 1L);// 10:12
    }

    /** Sessions with a 3 min gap: window -> number of events. */
    static Map<Window, Long> sessionsThreeMinuteGap() {
        return Map.of(
                window(10, 0, 10, 11), 5L,
                window(10, 12, 10, 15), 1L);
    }

    /** Events at 10:00 and 10:03 with a 3 min gap: [10:00,10:03) and [10:03,10:06) touch, so they merge. */
    static Script touchingEvents() {
        return Script.of(Script.element(0, 0, 1, at(10, 0)), Script.element(0, 1, 1, at(10, 3)));
    }

    static Map<Window, Long> touchingSessionsMerged() {
        return Map.of(window(10, 0, 10, 6), 2L);
    }
}
