package dev.weir.runtime.state;

/**
 * Maps keys to key groups and key groups to tasks. The number of key groups is fixed for a pipeline's lifetime
 * (its maximum parallelism); tasks own contiguous ranges, so rescaling moves whole key groups.
 */
public final class KeyGroups {
    /** The default number of key groups. */
    public static final int DEFAULT_NUMBER = 128;

    private KeyGroups() {
    }

    /**
     * The key group of {@code key}: a murmur3 finalizer over {@code hashCode()}, modulo the number of groups. Enums
     * hash by name, since their {@code hashCode()} differs between JVMs.
     */
    public static int of(Object key, int numberOfKeyGroups) {
        int h = key instanceof Enum<?> e ? e.name().hashCode() : key.hashCode();
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return (h & Integer.MAX_VALUE) % numberOfKeyGroups;
    }

    /** Key groups by {@link #of(Object, int)}: the default assigner. */
    public static KeyGroupAssigner hashing(int numberOfKeyGroups) {
        if (numberOfKeyGroups < 1) {
            throw new IllegalArgumentException("numberOfKeyGroups must be >= 1, not " + numberOfKeyGroups);
        }
        return new Hashing(numberOfKeyGroups);
    }

    private record Hashing(int numberOfKeyGroups) implements KeyGroupAssigner {
        @Override
        public int keyGroupOf(Object key) {
            return of(key, numberOfKeyGroups);
        }
    }

    /**
     * Checks, on restore, that {@code key} filed under {@code keyGroup} in a snapshot is still put there by
     * {@code assigner}.
     */
    public static void checkFiledUnder(KeyGroupAssigner assigner, String state, int keyGroup, Object key) {
        int actual = assigner.keyGroupOf(key);
        if (actual != keyGroup) {
            throw new IllegalArgumentException("state '" + state + "': key " + key + " is filed under key group "
                    + keyGroup + " but " + assigner.explain(key) + (assigner instanceof KafkaPartitionKeyGroups
                    ? " (did the source topic's partition count change?)" : " (keys need a deterministic hashCode)"));
        }
    }

    /** The key groups task {@code index} of {@code parallelism} owns. */
    public static KeyGroupRange rangeOf(int numberOfKeyGroups, int parallelism, int index) {
        if (parallelism < 1 || parallelism > numberOfKeyGroups || index < 0 || index >= parallelism) {
            throw new IllegalArgumentException("task " + index + " of " + parallelism + " with " + numberOfKeyGroups
                    + " key groups");
        }
        int start = (int) (((long) index * numberOfKeyGroups + parallelism - 1) / parallelism);
        int end = (int) (((long) (index + 1) * numberOfKeyGroups - 1) / parallelism);
        return new KeyGroupRange(start, end);
    }

    /** The task that owns {@code keyGroup}. */
    public static int taskOf(int keyGroup, int numberOfKeyGroups, int parallelism) {
        return (int) ((long) keyGroup * parallelism / numberOfKeyGroups);
    }
}
