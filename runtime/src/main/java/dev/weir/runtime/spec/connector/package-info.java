/**
 * Built-in connectors for pipeline specs, so a pipeline runs with no user code: sources {@code generator}
 * (deterministic demo {@link dev.weir.runtime.spec.connector.Click}s or {@link dev.weir.runtime.spec.connector.Bid}s),
 * {@code jsonl} (a JSON-lines file) and {@code kafka} (a topic, through {@link dev.weir.runtime.kafka.KafkaSource});
 * sinks {@code print}, {@code jsonl} and {@code kafka} ({@link dev.weir.runtime.kafka.KafkaSink}). A connector spec
 * says which connector and holds its typed settings; the spec compiler turns it into a
 * {@link dev.weir.runtime.source.Source} or {@link dev.weir.runtime.sink.Sink}.
 */
package dev.weir.runtime.spec.connector;
