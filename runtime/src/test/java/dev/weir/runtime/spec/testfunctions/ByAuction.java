package dev.weir.runtime.spec.testfunctions;

import dev.weir.api.function.KeySelector;
import dev.weir.api.metadata.WeirFunction;
import dev.weir.runtime.spec.connector.Bid;

/** A key selector test function. */
@WeirFunction(name = "by-auction", version = "1.0.0")
public class ByAuction implements KeySelector<Bid, Long> {
    @Override
    public Long key(Bid value) {
        return value.auction();
    }
}
