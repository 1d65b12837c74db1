package dev.weir.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BidGeneratorTest {
    private final BidGenerator generator = BidGenerator.standard();

    @Test
    void sameIndexGivesSameBid() {
        assertThat(generator.generate(123_456)).isEqualTo(BidGenerator.standard().generate(123_456));
        assertThat(generator.auction(123_456)).isEqualTo(generator.generate(123_456).auction());
        assertThat(generator.eventTimeMillis(123_456)).isEqualTo(generator.generate(123_456).dateTimeMillis());
    }

    @Test
    void eventTimeAdvances100kPerSecondWithJitterBelow512Millis() {
        long maxJitter = 0;
        long minJitter = Long.MAX_VALUE;
        for (long i = 0; i < 1_000_000; i++) {
            long jitter = generator.eventTimeMillis(i) - (BidGenerator.STANDARD_BASE_MILLIS + i / 100);
            maxJitter = Math.max(maxJitter, jitter);
            minJitter = Math.min(minJitter, jitter);
        }
        assertThat(minJitter).isZero();
        assertThat(maxJitter).isEqualTo(BidGenerator.MAX_JITTER_MILLIS);
    }

    @Test
    void noBidIsLateForABoundOfOneSecond() {
        long maxSeen = generator.eventTimeMillis(0);
        for (long i = 1; i < 1_000_000; i++) {
            long ts = generator.eventTimeMillis(i);
            long watermark = maxSeen - Query.OUT_OF_ORDERNESS.toMillis() - 1;
            assertThat(ts).isGreaterThan(watermark);
            maxSeen = Math.max(maxSeen, ts);
        }
    }

    @Test
    void auctionsAreUniformOverTenThousandKeys() {
        int[] counts = new int[BidGenerator.STANDARD_AUCTIONS];
        int n = 2_000_000;
        for (long i = 0; i < n; i++) {
            counts[(int) generator.auction(i)]++;
        }
        double mean = (double) n / counts.length;
        for (int c : counts) {
            // 200 expected per key, standard deviation ~14: 8 sigma either way never fails by chance
            assertThat(Math.abs(c - mean)).isLessThan(8 * Math.sqrt(mean));
        }
    }
}
