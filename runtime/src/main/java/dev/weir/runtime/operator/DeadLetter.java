package dev.weir.runtime.operator;

/**
 * An input a function failed on, with the reason. Sent to the {@code dead-letter} side output of the failing node
 * under {@link dev.weir.runtime.graph.ErrorPolicy#DEAD_LETTER}; nothing is silently dropped.
 *
 * @param operator        the node whose function threw
 * @param input           the input value (the original object; Kafka deployments carry the original bytes)
 * @param timestampMillis the input's event timestamp
 * @param errorType       the exception class
 * @param errorMessage    the exception message
 */
public record DeadLetter(String operator, Object input, long timestampMillis, String errorType, String errorMessage) {
}
