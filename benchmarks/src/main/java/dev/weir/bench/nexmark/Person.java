package dev.weir.bench.nexmark;

/**
 * A person registers (Nexmark's {@code Person}, without the e-mail, credit card and padding fields).
 *
 * @param id             person id, from {@link NexmarkGenerator#FIRST_PERSON_ID}
 * @param name           "first last"
 * @param city           city
 * @param state          US state, two letters
 * @param dateTimeMillis registration time (event time), milliseconds since the epoch
 */
public record Person(long id, String name, String city, String state, long dateTimeMillis) implements Event {
    @Override
    public long hash64() {
        return Hashing.of(1, id, Hashing.of(name), Hashing.of(city), Hashing.of(state), dateTimeMillis);
    }
}
