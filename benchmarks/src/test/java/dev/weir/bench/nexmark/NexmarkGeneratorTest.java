package dev.weir.bench.nexmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NexmarkGeneratorTest {
    static final long EVENTS = 200_000;
    final NexmarkGenerator generator = NexmarkGenerator.standard(EVENTS);

    @Test
    void equalArgumentsGiveEqualStreamsAndSeedsDiffer() {
        NexmarkGenerator again = NexmarkGenerator.standard(EVENTS);
        NexmarkGenerator otherSeed = new NexmarkGenerator(1, NexmarkGenerator.STANDARD_BASE_MILLIS,
                NexmarkGenerator.STANDARD_EVENTS_PER_SECOND, EVENTS);
        int differing = 0;
        for (long i = 0; i < EVENTS; i += 97) {
            assertThat(again.generate(i)).isEqualTo(generator.generate(i));
            if (!otherSeed.generate(i).equals(generator.generate(i))) {
                differing++;
            }
        }
        assertThat(differing).isGreaterThan((int) (EVENTS / 97 / 2));
    }

    @Test
    void everyFiftyEventsHoldOnePersonThreeAuctionsAndFortySixBids() {
        int persons = 0;
        int auctions = 0;
        int bids = 0;
        for (long i = 0; i < EVENTS; i++) {
            Event e = generator.event(i);
            if (e instanceof Person) {
                persons++;
            } else if (e instanceof Auction) {
                auctions++;
            } else {
                bids++;
            }
        }
        assertThat(persons).isEqualTo(EVENTS / 50);
        assertThat(auctions).isEqualTo(EVENTS / 50 * 3);
        assertThat(bids).isEqualTo(EVENTS / 50 * 46);
    }

    @Test
    void arrivalOrderIsAPermutationWhoseDisorderStaysBelowTheBound() {
        Set<Long> seen = new HashSet<>();
        long maxSeen = Long.MIN_VALUE;
        long worstLag = 0;
        for (long p = 0; p < EVENTS; p++) {
            long index = generator.eventIndexAt(p);
            assertThat(seen.add(index)).isTrue();
            long t = generator.generate(p).dateTimeMillis();
            maxSeen = Math.max(maxSeen, t);
            worstLag = Math.max(worstLag, maxSeen - t);
        }
        assertThat(seen).hasSize((int) EVENTS);
        assertThat(worstLag).isPositive().isLessThanOrEqualTo(generator.maxDisorderMillis())
                .isLessThan(NexmarkQuery.OUT_OF_ORDERNESS.toMillis());
    }

    @Test
    void auctionsReferToRecentSellersAndBidsToRecentAuctions() {
        for (long i = 0; i < EVENTS; i++) {
            Event e = generator.event(i);
            long persons = i / 50 + 1;
            long auctionsSoFar = Math.max(NexmarkGenerator.lastBase0AuctionId(i) + 1, 1);
            if (e instanceof Auction a) {
                assertThat(a.seller() - NexmarkGenerator.FIRST_PERSON_ID).isBetween(persons - 1000, persons + 10);
                assertThat(a.expiresMillis()).isGreaterThan(a.dateTimeMillis());
                assertThat(a.category()).isBetween(10, 14);
            } else if (e instanceof Bid b) {
                assertThat(b.auction() - NexmarkGenerator.FIRST_AUCTION_ID)
                        .isBetween(auctionsSoFar - 101, auctionsSoFar + 10);
                assertThat(b.price()).isBetween(100L, 100_000_000L);
            }
        }
    }

    @Test
    void eventTimeRisesWithTheIndexAtTheConfiguredRate() {
        assertThat(generator.timestampMillis(0)).isEqualTo(NexmarkGenerator.STANDARD_BASE_MILLIS);
        assertThat(generator.timestampMillis(100_000)).isEqualTo(NexmarkGenerator.STANDARD_BASE_MILLIS + 1000);
        assertThat(generator.event(12_345).dateTimeMillis()).isEqualTo(generator.timestampMillis(12_345));
    }

    @Test
    void aSparserEventTimeKeepsTheEventsAndShrinksTheDisorderGroupInProportion() {
        NexmarkGenerator standard = NexmarkGenerator.withEventRate(EVENTS, NexmarkGenerator.STANDARD_EVENTS_PER_SECOND);
        assertThat(standard.disorderGroup()).isEqualTo(NexmarkGenerator.DISORDER_GROUP);
        for (long p = 0; p < EVENTS; p += 101) {
            assertThat(standard.generate(p)).isEqualTo(generator.generate(p));
        }

        NexmarkGenerator sparse = NexmarkGenerator.withEventRate(EVENTS, 2_000);
        assertThat(sparse.eventsPerSecond()).isEqualTo(2_000);
        assertThat(sparse.disorderGroup()).isEqualTo(512);
        assertThat(sparse.timestampMillis(2_000)).isEqualTo(NexmarkGenerator.STANDARD_BASE_MILLIS + 1000);
        // 200,000 events span 100 s of event time, ten 10 s windows
        assertThat(sparse.timestampMillis(EVENTS - 1) - sparse.timestampMillis(0)).isGreaterThan(99_000);
        Set<Long> seen = new HashSet<>();
        long maxSeen = Long.MIN_VALUE;
        long worstLag = 0;
        for (long p = 0; p < EVENTS; p++) {
            long index = sparse.eventIndexAt(p);
            assertThat(seen.add(index)).isTrue();
            long t = sparse.generate(p).dateTimeMillis();
            maxSeen = Math.max(maxSeen, t);
            worstLag = Math.max(worstLag, maxSeen - t);
        }
        assertThat(worstLag).isPositive().isLessThanOrEqualTo(sparse.maxDisorderMillis())
                .isLessThan(NexmarkQuery.OUT_OF_ORDERNESS.toMillis());
        assertThat(NexmarkGenerator.withEventRate(10, 1).disorderGroup()).isEqualTo(1);
    }
}
