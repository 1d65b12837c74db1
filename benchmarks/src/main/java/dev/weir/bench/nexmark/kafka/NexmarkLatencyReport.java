package dev.weir.bench.nexmark.kafka;

import dev.weir.bench.Format;
import java.util.List;
import java.util.Locale;

/** The Markdown table of the Kafka mode's latency runs. */
final class NexmarkLatencyReport {
    private NexmarkLatencyReport() {
    }

    static String markdown(List<LatencyRecord> runs, double fraction, double maxRate, double seconds) {
        if (runs.isEmpty()) {
            return "\nLatency: not measured in this run.\n\n";
        }
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, """

                Latency runs: per query one input rate for every engine and delivery, %.0f%% of the query's slowest \
                throughput above (at most %s records/s), for about %.0f s; the first fifth of the events is written \
                at once as a warm-up and not measured. Latency = `read_committed` receive time of an output row − \
                send time of the input that enabled it (wall clock, 1 ms resolution; see "Two modes" above).

                | query | engine | delivery | events | input rate/s | rows measured | p50 ms | p99 ms | max ms | \
                input behind schedule, max ms | = in-process result |
                |---|---|---|---:|---:|---:|---:|---:|---:|---:|---|
                """, fraction * 100, Format.rate(maxRate), seconds));
        for (LatencyRecord r : runs) {
            s.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %.1f | %.1f | %.1f | %.0f | %s |%n",
                    r.query().id(), r.engine().id(), r.delivery().id(), Format.count(r.events()),
                    Format.rate(r.paced().recordsPerSecond()), Format.count(r.latency().count()),
                    r.latency().p50Millis(), r.latency().p99Millis(), r.latency().maxMillis(),
                    r.maxInputBacklogMillis(), r.sameResult() ? "yes" : "**NO**"));
        }
        return s.append('\n').toString();
    }
}
