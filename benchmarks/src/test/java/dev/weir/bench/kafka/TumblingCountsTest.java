package dev.weir.bench.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TumblingCountsTest {
    private static final byte[] A = EventCodec.key(1);
    private static final byte[] B = EventCodec.key(2);

    private static List<String> fire(TumblingCounts counts, long watermark) {
        List<String> out = new ArrayList<>();
        counts.fire(watermark, (key, start, count, last) -> out.add(
                new String(key, StandardCharsets.US_ASCII) + "@" + start + "=" + count + " t" + last));
        out.sort(null);
        return out;
    }

    @Test
    void windowFiresWhenTheWatermarkReachesItsLastTimestamp() {
        TumblingCounts counts = new TumblingCounts(10_000);
        counts.add(A, 10_000);
        counts.add(A, 19_999);
        counts.add(B, 12_345);
        counts.add(A, 20_000);

        assertThat(fire(counts, 19_998)).isEmpty();
        assertThat(fire(counts, 19_999)).containsExactly("k000001@10000=2 t19999", "k000002@10000=1 t19999");
        assertThat(counts.openWindows()).isEqualTo(1);
    }

    @Test
    void recordOfAFiredWindowIsLateAndDropped() {
        TumblingCounts counts = new TumblingCounts(10_000);
        counts.add(A, 15_000);
        fire(counts, 20_000);

        assertThat(counts.add(A, 19_999)).isFalse();
        assertThat(counts.add(A, 20_000)).isTrue();
        assertThat(fire(counts, 29_999)).containsExactly("k000001@20000=1 t29999");
    }

    @Test
    void countsEqualABruteForceCountOfTheStandardStream() {
        EventStream stream = EventStream.standard();
        long size = 10_000;
        TumblingCounts counts = new TumblingCounts(size);
        Map<String, Long> expected = new HashMap<>();
        for (long i = 0; i < 200_000; i++) {
            long ts = stream.eventTimeMillis(i);
            counts.add(stream.key(i), ts);
            expected.merge(new String(stream.key(i), StandardCharsets.US_ASCII) + "@" + Math.floorDiv(ts, size) * size,
                    1L, Long::sum);
        }
        Map<String, Long> actual = new HashMap<>();
        counts.fire(Long.MAX_VALUE, (key, start, count, last) -> actual.put(
                new String(key, StandardCharsets.US_ASCII) + "@" + start, count));

        assertThat(actual).isEqualTo(expected);
    }

    @Test
    void resultIsJson() throws Exception {
        byte[] value = TumblingCounts.result(A, 10_000, 42);

        assertThat(new ObjectMapper().readTree(value).toString())
                .isEqualTo("{\"key\":\"k000001\",\"start\":10000,\"count\":42}");
    }
}
