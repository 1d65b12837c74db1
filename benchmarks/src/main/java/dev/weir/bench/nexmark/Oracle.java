package dev.weir.bench.nexmark;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The brute-force result of each query over events {@code 0 .. n-1} of a generator, in event-time order, written
 * from {@link NexmarkQuery}'s definitions without windows, timers or state machines: what every engine must
 * produce (as a multiset). Holds the whole input in memory: for tests and small verification runs.
 */
public final class Oracle {
    private final List<Event> events;

    public Oracle(NexmarkGenerator generator) {
        events = new ArrayList<>();
        for (long i = 0; i < generator.events(); i++) {
            events.add(generator.event(i));
        }
    }

    public Checksum checksum(NexmarkQuery query) {
        Checksum c = Checksum.EMPTY;
        for (ResultRow r : rows(query)) {
            c = c.add(r);
        }
        return c;
    }

    public List<? extends ResultRow> rows(NexmarkQuery query) {
        return switch (query) {
            case Q0 -> bids();
            case Q1 -> bids().stream().map(b -> b.withPrice(NexmarkQuery.toEuroCents(b.price()))).toList();
            case Q2 -> bids().stream().filter(b -> b.auction() % NexmarkQuery.Q2_AUCTION_MODULUS == 0)
                    .map(b -> new AuctionPrice(b.auction(), b.price())).toList();
            case Q3 -> q3();
            case Q4 -> q4();
            case Q5 -> q5();
            case Q7 -> q7();
            case Q8 -> q8();
        };
    }

    private List<Bid> bids() {
        return events.stream().filter(e -> e instanceof Bid).map(e -> (Bid) e).toList();
    }

    private <T> List<T> all(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    private List<SellerAuction> q3() {
        Map<Long, List<Auction>> bySeller = auctionsBySeller();
        List<SellerAuction> rows = new ArrayList<>();
        for (Person p : all(Person.class)) {
            if (!NexmarkQuery.isQ3Seller(p)) {
                continue;
            }
            for (Auction a : bySeller.getOrDefault(p.id(), List.of())) {
                if (a.category() == NexmarkQuery.Q3_CATEGORY) {
                    rows.add(new SellerAuction(p.name(), p.city(), p.state(), a.id()));
                }
            }
        }
        return rows;
    }

    private List<CategoryAverage> q4() {
        Map<Long, List<Bid>> bidsByAuction = new HashMap<>();
        for (Bid b : bids()) {
            bidsByAuction.computeIfAbsent(b.auction(), k -> new ArrayList<>()).add(b);
        }
        // category -> closing millisecond -> {count, sum} of the auctions closing then
        Map<Integer, TreeMap<Long, long[]>> closes = new TreeMap<>();
        for (Auction a : all(Auction.class)) {
            long max = -1;
            for (Bid b : bidsByAuction.getOrDefault(a.id(), List.of())) {
                if (a.isOpenAt(b.dateTimeMillis())) {
                    max = Math.max(max, b.price());
                }
            }
            if (max >= 0) {
                long[] c = closes.computeIfAbsent(a.category(), k -> new TreeMap<>())
                        .computeIfAbsent(a.expiresMillis() - 1, k -> new long[2]);
                c[0]++;
                c[1] += max;
            }
        }
        List<CategoryAverage> rows = new ArrayList<>();
        closes.forEach((category, byTime) -> {
            long count = 0;
            long sum = 0;
            for (Map.Entry<Long, long[]> e : byTime.entrySet()) {
                count += e.getValue()[0];
                sum += e.getValue()[1];
                rows.add(new CategoryAverage(category, e.getKey(), count, sum));
            }
        });
        return rows;
    }

    private List<HotAuction> q5() {
        long size = NexmarkQuery.Q5_SIZE.toMillis();
        long slide = NexmarkQuery.Q5_SLIDE.toMillis();
        // window end -> auction -> bids
        Map<Long, Map<Long, Long>> counts = new HashMap<>();
        for (Bid b : bids()) {
            long lastStart = b.dateTimeMillis() - Math.floorMod(b.dateTimeMillis(), slide);
            for (long start = lastStart; start > b.dateTimeMillis() - size; start -= slide) {
                counts.computeIfAbsent(start + size, k -> new HashMap<>()).merge(b.auction(), 1L, Long::sum);
            }
        }
        List<HotAuction> rows = new ArrayList<>();
        counts.forEach((end, byAuction) -> {
            long max = byAuction.values().stream().mapToLong(Long::longValue).max().orElseThrow();
            byAuction.forEach((auction, n) -> {
                if (n == max) {
                    rows.add(new HotAuction(end, auction, n));
                }
            });
        });
        return rows;
    }

    private List<HighestBid> q7() {
        long size = NexmarkQuery.TUMBLING_SIZE.toMillis();
        Map<Long, List<Bid>> byWindowEnd = new HashMap<>();
        for (Bid b : bids()) {
            byWindowEnd.computeIfAbsent(windowStart(b.dateTimeMillis(), size) + size, k -> new ArrayList<>()).add(b);
        }
        List<HighestBid> rows = new ArrayList<>();
        byWindowEnd.forEach((end, bids) -> {
            long max = bids.stream().mapToLong(Bid::price).max().orElseThrow();
            bids.stream().filter(b -> b.price() == max).forEach(b -> rows.add(new HighestBid(end, b)));
        });
        return rows;
    }

    private List<NewSeller> q8() {
        long size = NexmarkQuery.TUMBLING_SIZE.toMillis();
        List<NewSeller> rows = new ArrayList<>();
        Map<Long, List<Auction>> bySeller = auctionsBySeller();
        for (Person p : all(Person.class)) {
            long start = windowStart(p.dateTimeMillis(), size);
            boolean sold = bySeller.getOrDefault(p.id(), List.of()).stream()
                    .anyMatch(a -> windowStart(a.dateTimeMillis(), size) == start);
            if (sold) {
                rows.add(new NewSeller(p.id(), p.name(), start));
            }
        }
        return rows;
    }

    private Map<Long, List<Auction>> auctionsBySeller() {
        Map<Long, List<Auction>> bySeller = new HashMap<>();
        for (Auction a : all(Auction.class)) {
            bySeller.computeIfAbsent(a.seller(), k -> new ArrayList<>()).add(a);
        }
        return bySeller;
    }

    private static long windowStart(long timestampMillis, long size) {
        return timestampMillis - Math.floorMod(timestampMillis, size);
    }
}
