/**
 * Built-in connectors for pipeline specs, so a pipeline runs with no user code: sources {@code generator}
 * (deterministic demo {@link dev.weir.runtime.spec.connector.Click}s or {@link dev.weir.runtime.spec.connector.Bid}s)
 * and {@code jsonl} (a JSON-lines file), sinks {@code print} and {@code jsonl}. A connector spec says which
 * connector and holds its typed settings; {@link dev.weir.runtime.spec.connector.Connectors} turns it into a
 * {@link dev.weir.runtime.source.Source} or {@link dev.weir.runtime.sink.Sink}.
 */
package dev.weir.runtime.spec.connector;
