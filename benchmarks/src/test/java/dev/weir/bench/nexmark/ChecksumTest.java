package dev.weir.bench.nexmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ChecksumTest {
    final List<ResultRow> rows = List.of(new AuctionPrice(1, 2), new AuctionPrice(2, 1), new AuctionPrice(1, 2),
            new HotAuction(10_000, 5, 3), new NewSeller(1000, "Peter Smith", 0));

    @Test
    void orderDoesNotMatter() {
        List<ResultRow> shuffled = new ArrayList<>(rows);
        Collections.shuffle(shuffled, new Random(7));
        assertThat(checksum(shuffled)).isEqualTo(checksum(rows));
    }

    @Test
    void aMissingDuplicateOrChangedRowChangesIt() {
        Checksum all = checksum(rows);
        assertThat(checksum(rows.subList(1, rows.size()))).isNotEqualTo(all);
        List<ResultRow> changed = new ArrayList<>(rows);
        changed.set(0, new AuctionPrice(2, 1));
        assertThat(checksum(changed)).isNotEqualTo(all);
        assertThat(checksum(changed).rows()).isEqualTo(all.rows());
    }

    @Test
    void textRoundTripsAndAccumulatorAgreesWithRecord() {
        Checksum.Accumulator acc = new Checksum.Accumulator();
        rows.forEach(acc::add);
        assertThat(acc.value()).isEqualTo(checksum(rows));
        assertThat(Checksum.parse(acc.value().toString())).isEqualTo(acc.value());
    }

    @Test
    void partsCombine() {
        assertThat(checksum(rows.subList(0, 2)).plus(checksum(rows.subList(2, rows.size()))))
                .isEqualTo(checksum(rows));
    }

    private static Checksum checksum(List<ResultRow> rows) {
        Checksum c = Checksum.EMPTY;
        for (ResultRow r : rows) {
            c = c.add(r);
        }
        return c;
    }
}
