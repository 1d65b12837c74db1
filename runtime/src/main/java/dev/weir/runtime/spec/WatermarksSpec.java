package dev.weir.runtime.spec;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;

/**
 * How a source assigns event timestamps and watermarks, per partition (see
 * {@link dev.weir.runtime.watermark.WatermarkStrategy}).
 *
 * @param maxOutOfOrderness bound B: watermark = largest timestamp seen - B - 1 ms; null for 0
 * @param idleTimeout       a partition without data for this long (processing time) stops holding the watermark
 *                          back; null for never
 * @param timestampField    the field holding each value's event time (epoch milliseconds, or an ISO-8601 instant
 *                          string); null to keep the connector's timestamps
 * @param emission          when watermarks are emitted; null for {@code periodic}
 * @param interval          the period of {@code periodic} emission (processing time); null for 200 ms
 */
public record WatermarksSpec(Duration maxOutOfOrderness, Duration idleTimeout, String timestampField,
                             Emission emission, Duration interval) {

    /** When a partition emits its watermark. */
    public enum Emission {
        /** Every {@code interval} of processing time. */
        @JsonProperty("periodic") PERIODIC,
        /** After every event: deterministic, more control traffic. */
        @JsonProperty("per-event") PER_EVENT
    }
}
