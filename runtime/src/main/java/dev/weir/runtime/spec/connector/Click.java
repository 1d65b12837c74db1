package dev.weir.runtime.spec.connector;

/**
 * A demo click made by the {@code generator} connector.
 *
 * @param user            who clicked, {@code user-0 .. user-(keys-1)}
 * @param page            the page clicked
 * @param timestampMillis event time, milliseconds since the epoch
 */
public record Click(String user, String page, long timestampMillis) {
}
