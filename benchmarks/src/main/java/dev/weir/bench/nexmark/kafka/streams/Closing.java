package dev.weir.bench.nexmark.kafka.streams;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.weir.bench.nexmark.WinningBid;

/**
 * q4 between its stages: an auction closed with a winner (record timestamp: its closing millisecond,
 * {@code expiry - 1}, event time), or, with {@code winner} null, the end-of-input mark passed on.
 */
record Closing(WinningBid winner) {
    @JsonIgnore
    boolean isEndMark() {
        return winner == null;
    }
}
