package dev.weir.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ExpectedOutputsTest {

    @Test
    void lastWindowStartIsFlooredToTheSlide() {
        assertThat(ExpectedOutputs.lastWindowStart(10_999, 2_000, 0)).isEqualTo(10_000);
        assertThat(ExpectedOutputs.lastWindowStart(-1, 2_000, 0)).isEqualTo(-2_000);
        assertThat(ExpectedOutputs.lastWindowStart(10_999, 2_000, 500)).isEqualTo(10_500);
    }

    @Test
    void oneAuctionInOneSecondGivesOneTumblingWindowAndFiveSlidingOnes() {
        // base aligned to 10 s; 1,000 bids span 10 ms (+ jitter < 0.6 s): one 10 s window, five 10 s / 2 s windows
        BidGenerator oneAuction = new BidGenerator(BidGenerator.STANDARD_BASE_MILLIS + 2_000, 1, 0);

        assertThat(ExpectedOutputs.count(Query.PASSTHROUGH, oneAuction, 1_000)).isEqualTo(1_000);
        assertThat(ExpectedOutputs.count(Query.TUMBLING, oneAuction, 1_000)).isEqualTo(1);
        assertThat(ExpectedOutputs.count(Query.SLIDING, oneAuction, 1_000)).isEqualTo(5);
        assertThat(ExpectedOutputs.count(Query.SESSION, oneAuction, 1_000)).isEqualTo(1);
    }

    @Test
    void standardWorkloadHasAboutElevenTumblingWindowsPerAuction() {
        long outputs = ExpectedOutputs.count(Query.TUMBLING, BidGenerator.standard(), 1_000_000);
        // 1M bids = 10 s of event time plus up to 0.5 s of jitter: window 0 for every auction, window 1 for some
        assertThat(outputs).isBetween(10_000L, 20_000L);
    }
}
