package dev.weir.bench.kafka;

import java.nio.charset.StandardCharsets;

/**
 * The benchmark's event: an ASCII JSON object of exactly {@value #EVENT_BYTES} bytes,
 * <pre>{"key":"k000123","ts":1735689600000,"seq":42,"pad":"xxxx…x"}</pre>
 * {@code key} is {@code k} and six digits (so at most {@value #MAX_KEYS} keys), {@code ts} the event time in
 * epoch milliseconds, {@code seq} the event's index in its stream, and {@code pad} as many {@code x} as make 100
 * bytes (48 minus the digits of {@code seq} for a 13-digit {@code ts}; any two non-negative longs fit). The Kafka record key is the key string
 * ({@link #key(int)}, 7 bytes). Encoding writes digits into a byte array, with no formatting or string building,
 * so loading 5M events costs little next to sending them.
 */
public final class EventCodec {
    /** The size of every encoded event. */
    public static final int EVENT_BYTES = 100;
    /** Keys are {@code k000000 .. k999999}. */
    public static final int MAX_KEYS = 1_000_000;

    private static final int KEY_DIGITS = 6;
    private static final byte[] KEY_OPEN = ascii("{\"key\":\"k");
    private static final byte[] TS_OPEN = ascii("\",\"ts\":");
    private static final byte[] SEQ_OPEN = ascii(",\"seq\":");
    private static final byte[] PAD_OPEN = ascii(",\"pad\":\"");
    private static final byte[] CLOSE = ascii("\"}");
    private static final int KEY_AT = KEY_OPEN.length;
    private static final int TS_AT = KEY_AT + KEY_DIGITS + TS_OPEN.length;
    private static final int FIXED_BYTES = TS_AT + SEQ_OPEN.length + PAD_OPEN.length + CLOSE.length;

    private EventCodec() {
    }

    /** The Kafka record key of key {@code keyIndex}: {@code k} and six digits, e.g. {@code k000123}. */
    public static byte[] key(int keyIndex) {
        checkKey(keyIndex);
        byte[] k = new byte[1 + KEY_DIGITS];
        k[0] = 'k';
        writeFixedDigits(k, 1, keyIndex, KEY_DIGITS);
        return k;
    }

    /** The event as {@value #EVENT_BYTES} bytes of JSON. */
    public static byte[] encode(int keyIndex, long timestampMillis, long seq) {
        checkKey(keyIndex);
        if (timestampMillis < 0 || seq < 0) {
            throw new IllegalArgumentException("ts and seq must be >= 0, were " + timestampMillis + ", " + seq);
        }
        int tsDigits = digits(timestampMillis);
        int seqDigits = digits(seq);
        int pad = EVENT_BYTES - FIXED_BYTES - tsDigits - seqDigits; // >= 100 - 39 - 19 - 19
        byte[] b = new byte[EVENT_BYTES];
        int i = put(b, 0, KEY_OPEN);
        writeFixedDigits(b, i, keyIndex, KEY_DIGITS);
        i = put(b, i + KEY_DIGITS, TS_OPEN);
        writeFixedDigits(b, i, timestampMillis, tsDigits);
        i = put(b, i + tsDigits, SEQ_OPEN);
        writeFixedDigits(b, i, seq, seqDigits);
        i = put(b, i + seqDigits, PAD_OPEN);
        for (int end = i + pad; i < end; i++) {
            b[i] = 'x';
        }
        put(b, i, CLOSE);
        return b;
    }

    /** The {@code ts} of an encoded event. */
    public static long timestampMillis(byte[] event) {
        return readDigits(event, TS_AT);
    }

    /** The {@code seq} of an encoded event. */
    public static long seq(byte[] event) {
        int at = TS_AT;
        while (event[at] != ',') {
            at++;
        }
        return readDigits(event, at + SEQ_OPEN.length);
    }

    /** The key index of an encoded event ({@code 123} for {@code k000123}). */
    public static int keyIndex(byte[] event) {
        return (int) readDigits(event, KEY_AT);
    }

    private static void checkKey(int keyIndex) {
        if (keyIndex < 0 || keyIndex >= MAX_KEYS) {
            throw new IllegalArgumentException("key index must be in [0, " + MAX_KEYS + "), was " + keyIndex);
        }
    }

    static int digits(long n) {
        int d = 1;
        while (n >= 10) {
            n /= 10;
            d++;
        }
        return d;
    }

    private static void writeFixedDigits(byte[] b, int at, long n, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            b[i] = (byte) ('0' + n % 10);
            n /= 10;
        }
    }

    private static long readDigits(byte[] b, int at) {
        long n = 0;
        for (int i = at; i < b.length && b[i] >= '0' && b[i] <= '9'; i++) {
            n = n * 10 + (b[i] - '0');
        }
        return n;
    }

    private static int put(byte[] b, int at, byte[] part) {
        System.arraycopy(part, 0, b, at, part.length);
        return at + part.length;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
