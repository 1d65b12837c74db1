package dev.weir.runtime.source;

/** What a {@link SourceReader#poll} call found. */
public enum ReadStatus {
    /** Records were read; more may be available now. */
    MORE,
    /** Nothing available now; poll again later (counts towards the partition's idleness). */
    NOTHING_AVAILABLE,
    /**
     * The reader holds its records back for now (back pressure: the pipeline downstream has a backlog); poll again
     * later. Does not count towards the partition's idleness: it is not out of data.
     */
    HELD_BACK,
    /** The partition is finished (bounded input). */
    END_OF_INPUT
}
