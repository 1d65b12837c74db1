package dev.weir.bench.nexmark.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.bench.nexmark.Auction;
import dev.weir.bench.nexmark.Bid;
import dev.weir.bench.nexmark.CategoryAverage;
import dev.weir.bench.nexmark.HighestBid;
import dev.weir.bench.nexmark.NexmarkGenerator;
import dev.weir.bench.nexmark.NexmarkQuery;
import dev.weir.bench.nexmark.Person;
import dev.weir.bench.nexmark.SellerAuction;
import org.junit.jupiter.api.Test;

class LatencyAttributionTest {
    /** 100,000 events: 1 s of event time, three groups of the arrival permutation. */
    static final NexmarkGenerator GENERATOR = NexmarkGenerator.standard(100_000);
    static final long BASE = NexmarkGenerator.STANDARD_BASE_MILLIS;

    @Test
    void aWindowIsEnabledByTheFirstArrivalAtOrPastItsEndPlusTheBound() {
        LatencyAttribution a = LatencyAttribution.of(NexmarkQuery.Q7, GENERATOR);
        // a window ending at base - 500 ms closes once event time base + 500 ms is seen
        long end = BASE - 500;
        long p = a.enablingPosition(new HighestBid(end, null));

        assertThat(GENERATOR.generate(p).dateTimeMillis()).isGreaterThanOrEqualTo(end + 1000);
        for (long q = 0; q < p; q++) {
            assertThat(GENERATOR.generate(q).dateTimeMillis()).isLessThan(end + 1000);
        }
    }

    @Test
    void aWindowNoEventClosesIsEnabledByTheFirstEndMark() {
        LatencyAttribution a = LatencyAttribution.of(NexmarkQuery.Q7, GENERATOR);

        assertThat(a.enablingPosition(new HighestBid(BASE + 10_000, null))).isEqualTo(GENERATOR.events());
    }

    @Test
    void onASparseInputWindowsCloseOnEventsAndOnlyTheLastOnTheEndMark() {
        // 50,000 events at 1,000 events per second of event time: 50 s, five 10 s windows
        NexmarkGenerator sparse = NexmarkGenerator.withEventRate(50_000, 1_000);
        LatencyAttribution a = LatencyAttribution.of(NexmarkQuery.Q7, sparse);
        for (long end = BASE + 10_000; end <= BASE + 40_000; end += 10_000) {
            long p = a.enablingPosition(new HighestBid(end, null));
            assertThat(p).isLessThan(sparse.events());
            assertThat(sparse.generate(p).dateTimeMillis()).isGreaterThanOrEqualTo(end + 1000).isLessThan(end + 1500);
        }
        assertThat(a.enablingPosition(new HighestBid(BASE + 50_000, null))).isEqualTo(sparse.events());
    }

    @Test
    void q4sClosingMillisecondNeedsTheWatermarkAtIt() {
        assertThat(LatencyAttribution.triggerTimeMillis(new CategoryAverage(10, BASE, 1, 1))).isEqualTo(BASE + 1001);
        assertThat(LatencyAttribution.triggerTimeMillis(new HighestBid(BASE, null))).isEqualTo(BASE + 1000);
    }

    @Test
    void equalStatelessRowsAreMatchedToTheirInputsInArrivalOrder() {
        LatencyAttribution a = LatencyAttribution.of(NexmarkQuery.Q0, GENERATOR);
        long first = -1;
        for (long p = 0; p < GENERATOR.events() && first < 0; p++) {
            if (GENERATOR.generate(p) instanceof Bid) {
                first = p;
            }
        }
        Bid bid = (Bid) GENERATOR.generate(first);

        assertThat(a.enablingPosition(bid)).isEqualTo(first);
        assertThat(a.enablingPosition(bid)).isEqualTo(-1);
    }

    @Test
    void aJoinedPairIsEnabledByTheLaterOfAuctionAndSeller() {
        LatencyAttribution a = LatencyAttribution.of(NexmarkQuery.Q3, GENERATOR);
        long auctionPosition = -1;
        long personPosition = -1;
        Auction auction = null;
        for (long p = 0; p < GENERATOR.events() && auction == null; p++) {
            if (GENERATOR.generate(p) instanceof Auction x && x.seller() < NexmarkGenerator.FIRST_PERSON_ID + 1000) {
                auction = x;
                auctionPosition = p;
            }
        }
        for (long p = 0; p < GENERATOR.events(); p++) {
            if (GENERATOR.generate(p) instanceof Person x && x.id() == auction.seller()) {
                personPosition = p;
            }
        }

        assertThat(personPosition).isNotNegative();
        assertThat(a.enablingPosition(new SellerAuction("n", "c", "s", auction.id())))
                .isEqualTo(Math.max(auctionPosition, personPosition));
    }

    @Test
    void idsMapToTheGeneratorsEventIndices() {
        for (long k = 0; k < 300; k++) {
            assertThat(((Auction) GENERATOR.event(LatencyAttribution.auctionIndex(1000 + k))).id()).isEqualTo(1000 + k);
            assertThat(((Person) GENERATOR.event(LatencyAttribution.personIndex(1000 + k))).id()).isEqualTo(1000 + k);
        }
    }
}
