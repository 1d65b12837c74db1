package dev.weir.bench.nexmark.flink;

import dev.weir.bench.nexmark.Auction;
import dev.weir.bench.nexmark.Bid;
import dev.weir.bench.nexmark.HighestBid;
import dev.weir.bench.nexmark.NewSeller;
import dev.weir.bench.nexmark.NexmarkQuery;
import dev.weir.bench.nexmark.Person;
import java.util.ArrayList;
import org.apache.flink.api.common.functions.AggregateFunction;
import org.apache.flink.api.common.functions.CoGroupFunction;
import org.apache.flink.streaming.api.functions.windowing.ProcessAllWindowFunction;
import org.apache.flink.streaming.api.functions.windowing.ProcessWindowFunction;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.apache.flink.util.Collector;

/** The window functions of q5, q7 and q8 on Flink. */
final class WindowFunctions {
    private WindowFunctions() {
    }

    /** q5: bids per auction and window, in a {@code long[1]}. */
    static final class BidCount implements AggregateFunction<Bid, long[], Long> {
        private static final long serialVersionUID = 1L;

        @Override
        public long[] createAccumulator() {
            return new long[1];
        }

        @Override
        public long[] add(Bid bid, long[] count) {
            count[0]++;
            return count;
        }

        @Override
        public Long getResult(long[] count) {
            return count[0];
        }

        @Override
        public long[] merge(long[] a, long[] b) {
            a[0] += b[0];
            return a;
        }
    }

    /** q5: the count with its auction and window end. */
    static final class WithWindow extends ProcessWindowFunction<Long, AuctionWindowCount, Long, TimeWindow> {
        private static final long serialVersionUID = 1L;

        @Override
        public void process(Long auction, Context ctx, Iterable<Long> counts, Collector<AuctionWindowCount> out) {
            out.collect(new AuctionWindowCount(auction, ctx.window().getEnd(), counts.iterator().next()));
        }
    }

    /** q7: the bids with the highest price so far (all of them when several tie). */
    static final class HighestPrice implements AggregateFunction<Bid, ArrayList<Bid>, ArrayList<Bid>> {
        private static final long serialVersionUID = 1L;

        @Override
        public ArrayList<Bid> createAccumulator() {
            return new ArrayList<>(2);
        }

        @Override
        public ArrayList<Bid> add(Bid bid, ArrayList<Bid> highest) {
            if (highest.isEmpty() || bid.price() > highest.get(0).price()) {
                highest.clear();
                highest.add(bid);
            } else if (bid.price() == highest.get(0).price()) {
                highest.add(bid);
            }
            return highest;
        }

        @Override
        public ArrayList<Bid> getResult(ArrayList<Bid> highest) {
            return highest;
        }

        @Override
        public ArrayList<Bid> merge(ArrayList<Bid> a, ArrayList<Bid> b) {
            for (Bid bid : b) {
                add(bid, a);
            }
            return a;
        }
    }

    /** q7: one row per highest bid, with the window's end. */
    static final class HighestRows extends ProcessAllWindowFunction<ArrayList<Bid>, HighestBid, TimeWindow> {
        private static final long serialVersionUID = 1L;

        @Override
        public void process(Context ctx, Iterable<ArrayList<Bid>> results, Collector<HighestBid> out) {
            for (Bid b : results.iterator().next()) {
                out.collect(new HighestBid(ctx.window().getEnd(), b));
            }
        }
    }

    /** q8: the person of a window (if any) when they also opened an auction in it. */
    static final class NewSellers implements CoGroupFunction<Person, Auction, NewSeller> {
        private static final long serialVersionUID = 1L;

        @Override
        public void coGroup(Iterable<Person> persons, Iterable<Auction> auctions, Collector<NewSeller> out) {
            if (!auctions.iterator().hasNext()) {
                return;
            }
            long size = NexmarkQuery.TUMBLING_SIZE.toMillis();
            for (Person p : persons) {
                // the person's window: the co-group function is not told which window it is called for
                out.collect(new NewSeller(p.id(), p.name(), p.dateTimeMillis() - Math.floorMod(p.dateTimeMillis(), size)));
            }
        }
    }
}
