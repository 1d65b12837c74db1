package dev.weir.bench.nexmark.kafka;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.weir.api.serde.Serde;
import dev.weir.api.serde.SerdeException;
import dev.weir.bench.nexmark.AuctionPrice;
import dev.weir.bench.nexmark.Bid;
import dev.weir.bench.nexmark.CategoryAverage;
import dev.weir.bench.nexmark.HighestBid;
import dev.weir.bench.nexmark.HotAuction;
import dev.weir.bench.nexmark.NewSeller;
import dev.weir.bench.nexmark.NexmarkQuery;
import dev.weir.bench.nexmark.ResultRow;
import dev.weir.bench.nexmark.SellerAuction;
import java.io.IOException;

/** The JSON of events and result rows on topics (Jackson), the same for every engine. */
public final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    public static byte[] write(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new SerdeException("cannot write " + value + " as JSON", e);
        }
    }

    public static <T> T read(byte[] bytes, Class<T> type) {
        try {
            return MAPPER.readValue(bytes, type);
        } catch (IOException e) {
            throw new SerdeException("not a " + type.getSimpleName() + ": " + new String(bytes), e);
        }
    }

    /** The row type of a query's output topic. */
    public static Class<? extends ResultRow> rowType(NexmarkQuery query) {
        return switch (query) {
            case Q0, Q1 -> Bid.class;
            case Q2 -> AuctionPrice.class;
            case Q3 -> SellerAuction.class;
            case Q4 -> CategoryAverage.class;
            case Q5 -> HotAuction.class;
            case Q7 -> HighestBid.class;
            case Q8 -> NewSeller.class;
        };
    }

    /** A Weir serde of {@code type} as JSON. */
    public static <T> Serde<T> serde(Class<T> type) {
        return new Serde<>() {
            @Override
            public byte[] serialize(T value) {
                return write(value);
            }

            @Override
            public T deserialize(byte[] bytes) {
                return read(bytes, type);
            }

            @Override
            public Class<T> type() {
                return type;
            }
        };
    }
}
