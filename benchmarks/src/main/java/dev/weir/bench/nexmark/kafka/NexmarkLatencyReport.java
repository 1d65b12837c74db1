package dev.weir.bench.nexmark.kafka;

import dev.weir.bench.Format;
import java.util.List;
import java.util.Locale;

/** The Markdown table of the Kafka mode's latency runs. */
final class NexmarkLatencyReport {
    private NexmarkLatencyReport() {
    }

    static String markdown(List<LatencyRecord> runs, double fraction, double maxRate, double seconds,
                           double eventSeconds) {
        if (runs.isEmpty()) {
            return "\nLatency: not measured in this run.\n\n";
        }
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, """

                Latency runs: per query one input rate for every engine and delivery, %.0f%% of the query's slowest \
                throughput above (at most %s records/s) unless set with `--latency-rate`, for about %.0f s; the \
                first fifth of the events is written at once as a warm-up and not measured. The latency input is \
                spread over event time so that its paced events span about %.0f s of event time (*event time/s*: \
                events per second of event time; throughput runs keep 100,000), so windows close while the input \
                runs. Latency = `read_committed` receive time of an output row − send time of the input that enabled \
                it (wall clock, 1 ms resolution; see "Two modes" above). p50/p99/max are over the rows enabled by \
                paced events; rows no event closed (flushed by the first end-of-input mark) are counted apart \
                (*end-mark rows*, with their largest latency) and not in the percentiles.

                | query | engine | delivery | events | event time/s | input rate/s | rows measured | p50 ms | p99 ms | \
                max ms | end-mark rows | end-mark max ms | input behind schedule, max ms | = in-process result |
                |---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|
                """, fraction * 100, Format.rate(maxRate), seconds, eventSeconds));
        for (LatencyRecord r : runs) {
            s.append(String.format(Locale.ROOT,
                    "| %s | %s | %s | %s | %s | %s | %s | %.1f | %.1f | %.1f | %s | %.1f | %.0f | %s |%n",
                    r.query().id(), r.engine().id(), r.delivery().id(), Format.count(r.events()),
                    Format.count(r.eventRate()), Format.rate(r.paced().recordsPerSecond()),
                    Format.count(r.latency().count()), r.latency().p50Millis(), r.latency().p99Millis(),
                    r.latency().maxMillis(), Format.count(r.endOfInput().count()), r.endOfInput().maxMillis(),
                    r.maxInputBacklogMillis(), r.sameResult() ? "yes" : "**NO**"));
        }
        return s.append('\n').toString();
    }
}
