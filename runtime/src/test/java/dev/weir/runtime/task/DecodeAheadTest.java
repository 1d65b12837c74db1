package dev.weir.runtime.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weir.api.serde.SerdeException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

class DecodeAheadTest {
    private static final Function<byte[], Integer> PARSE = bytes -> {
        String s = new String(bytes, StandardCharsets.UTF_8);
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw new SerdeException("not a number: " + s);
        }
    };

    private static List<ConsumerRecord<byte[], byte[]>> records(long firstOffset, String... values) {
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            records.add(new ConsumerRecord<>("in", 0, firstOffset + i, null,
                    values[i].getBytes(StandardCharsets.UTF_8)));
        }
        return records;
    }

    @Test
    void batchesAreDecodedOnTheDecoderThreadAndFailuresComeBackInPlaceOfTheirRecords() throws Exception {
        AtomicReference<String> decodedOn = new AtomicReference<>();
        try (DecodeAhead decoder = new DecodeAhead("weir-decode-test", getClass().getClassLoader())) {
            List<ConsumerRecord<byte[], byte[]>> first = records(0, "1", "x", "3");
            List<ConsumerRecord<byte[], byte[]>> second = records(3, "4");
            DecodeAhead.Batch<Integer> a = decoder.submit(first, bytes -> {
                decodedOn.set(Thread.currentThread().getName());
                return PARSE.apply(bytes);
            });
            DecodeAhead.Batch<Integer> b = decoder.submit(second, PARSE);

            assertThat(a.size()).isEqualTo(3);
            assertThat(DecodeAhead.<Integer>value(a.result(0, first.get(0)))).isEqualTo(1);
            Object failed = a.result(1, first.get(1));
            assertThatThrownBy(() -> DecodeAhead.value(failed)).isInstanceOf(SerdeException.class)
                    .hasMessage("not a number: x");
            assertThat(DecodeAhead.<Integer>value(a.result(2, first.get(2)))).isEqualTo(3);
            assertThat(DecodeAhead.<Integer>value(b.result(0, second.get(0)))).isEqualTo(4);
            assertThat(decodedOn.get()).isEqualTo("weir-decode-test");
        }
    }

    @Test
    void theDecoderThreadHasTheTasksClassLoader() throws Exception {
        ClassLoader functions = new ClassLoader(getClass().getClassLoader()) {
        };
        AtomicReference<ClassLoader> seen = new AtomicReference<>();
        try (DecodeAhead decoder = new DecodeAhead("weir-decode-test", functions)) {
            List<ConsumerRecord<byte[], byte[]>> rs = records(0, "7");
            DecodeAhead.Batch<Integer> batch = decoder.submit(rs, bytes -> {
                seen.set(Thread.currentThread().getContextClassLoader());
                return PARSE.apply(bytes);
            });
            batch.result(0, rs.get(0));
        }
        assertThat(seen.get()).isSameAs(functions);
    }

    @Test
    void aRecordOutOfStepWithItsBatchIsABugNotADecodingFailure() throws Exception {
        try (DecodeAhead decoder = new DecodeAhead("weir-decode-test", getClass().getClassLoader())) {
            List<ConsumerRecord<byte[], byte[]>> rs = records(10, "1", "2");
            DecodeAhead.Batch<Integer> batch = decoder.submit(rs, PARSE);
            assertThatThrownBy(() -> batch.result(0, rs.get(1))).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("out of step at in-0 offset 11").hasMessageContaining("offset 10");
        }
    }

    @Test
    void anErrorOnTheDecoderThreadFailsTheEngineInsteadOfDeadLetteringTheRecord() throws Exception {
        try (DecodeAhead decoder = new DecodeAhead("weir-decode-test", getClass().getClassLoader())) {
            List<ConsumerRecord<byte[], byte[]>> rs = records(0, "1");
            DecodeAhead.Batch<Integer> batch = decoder.submit(rs, bytes -> {
                throw new OutOfMemoryError("simulated");
            });
            assertThatThrownBy(() -> batch.result(0, rs.get(0))).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("decoder thread failed").hasRootCauseInstanceOf(OutOfMemoryError.class);
        }
    }

    @Test
    void closingStopsTheDecoderAndAPendingBatchSaysSo() throws Exception {
        CountDownLatch decoding = new CountDownLatch(1);
        DecodeAhead decoder = new DecodeAhead("weir-decode-test", getClass().getClassLoader());
        List<ConsumerRecord<byte[], byte[]>> slow = records(0, "1");
        List<ConsumerRecord<byte[], byte[]>> queued = records(1, "2");
        decoder.submit(slow, bytes -> {
            decoding.countDown();
            try {
                Thread.sleep(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return 1;
        });
        DecodeAhead.Batch<Integer> never = decoder.submit(queued, PARSE);
        assertThat(decoding.await(10, TimeUnit.SECONDS)).isTrue();
        decoder.close();
        assertThatThrownBy(() -> never.result(0, queued.get(0))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
    }
}
