package dev.weir.runtime.operator;

/**
 * Counters of one operator. Written by the engine thread only; read after the run or by a metrics reporter
 * (reads may be slightly stale, never torn: fields are plain longs updated by one thread).
 */
public final class OperatorMetrics {
    private final String operator;
    long recordsIn;
    long recordsOut;
    long lateDropped;
    long failed;

    public OperatorMetrics(String operator) {
        this.operator = operator;
    }

    public String operator() {
        return operator;
    }

    /** Elements received. */
    public long recordsIn() {
        return recordsIn;
    }

    /** Elements emitted on the main output. */
    public long recordsOut() {
        return recordsOut;
    }

    /** Elements too late for all their windows (sent to the late-data side output, if any). */
    public long lateDropped() {
        return lateDropped;
    }

    /** Inputs a function failed on (skipped or dead-lettered). */
    public long failed() {
        return failed;
    }

    public void incIn() {
        recordsIn++;
    }

    public void incOut() {
        recordsOut++;
    }

    public void incLate() {
        lateDropped++;
    }

    public void incFailed() {
        failed++;
    }

    @Override
    public String toString() {
        return operator + "{in=" + recordsIn + ", out=" + recordsOut + ", late=" + lateDropped + ", failed=" + failed + "}";
    }
}
