package dev.weir.runtime.spec;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.weir.api.time.TimeDomain;

/** {@link TimeDomain} as the spec spells it: {@code event} or {@code processing}. */
public enum SpecTimeDomain {
    @JsonProperty("event") EVENT(TimeDomain.EVENT_TIME),
    @JsonProperty("processing") PROCESSING(TimeDomain.PROCESSING_TIME);

    private final TimeDomain domain;

    SpecTimeDomain(TimeDomain domain) {
        this.domain = domain;
    }

    public TimeDomain domain() {
        return domain;
    }

    /** The domain, or event time if {@code d} is null. */
    static TimeDomain orEvent(SpecTimeDomain d) {
        return d == null ? TimeDomain.EVENT_TIME : d.domain;
    }
}
