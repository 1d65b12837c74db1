package dev.weir.runtime.kafka;

import dev.weir.api.event.Headers;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;

/** Converts between Kafka record headers and Weir {@link Headers}. */
public final class KafkaHeaders {
    private KafkaHeaders() {
    }

    /** A record's Kafka headers as Weir headers; for a repeated header name the last value wins. */
    public static Headers toWeir(ConsumerRecord<?, ?> r) {
        Header[] all = r.headers().toArray();
        if (all.length == 0) {
            return Headers.EMPTY;
        }
        Map<String, byte[]> map = new LinkedHashMap<>();
        for (Header h : all) {
            map.put(h.key(), h.value() == null ? new byte[0] : h.value());
        }
        return Headers.of(map);
    }

    /** Weir headers as Kafka record headers ({@code null} or empty: none). */
    public static RecordHeaders toKafka(Headers headers) {
        RecordHeaders h = new RecordHeaders();
        if (headers != null) {
            for (String name : headers.names()) {
                h.add(name, headers.get(name));
            }
        }
        return h;
    }
}
