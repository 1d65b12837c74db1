package dev.weir.runtime.state.rocksdb;

import java.util.Arrays;

/**
 * Byte layouts of RocksDB keys, chosen so that RocksDB's byte order (unsigned lexicographic) is the order the engine
 * needs:
 *
 * <ul>
 *   <li>a key group is 2 bytes big-endian, so a column family is sorted by key group (a savepoint streams key groups
 *       in ascending order without sorting);</li>
 *   <li>a {@code long} (window pane start, timer timestamp) is 8 bytes big-endian with the sign bit flipped, so byte
 *       order is numeric order, negative numbers included;</li>
 *   <li>a serialized key is preceded by its length (a Kryo varint), so {@code [key group][length][key]} is a prefix
 *       of exactly that key's entries and of no other key's (a prefix scan lists one key's namespaces).</li>
 * </ul>
 */
final class KeyBytes {
    static final int KEY_GROUP_BYTES = 2;
    static final int LONG_BYTES = 8;

    private KeyBytes() {
    }

    /** Writes {@code value} as 8 bytes in numeric byte order at {@code offset}. */
    static void putOrderedLong(byte[] target, int offset, long value) {
        long v = value ^ Long.MIN_VALUE;
        for (int i = 7; i >= 0; i--) {
            target[offset + i] = (byte) v;
            v >>>= 8;
        }
    }

    /** Reads what {@link #putOrderedLong} wrote. */
    static long getOrderedLong(byte[] source, int offset) {
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (source[offset + i] & 0xFF);
        }
        return v ^ Long.MIN_VALUE;
    }

    /** Writes {@code value} as 4 bytes in numeric byte order at {@code offset}. */
    static void putOrderedInt(byte[] target, int offset, int value) {
        int v = value ^ Integer.MIN_VALUE;
        target[offset] = (byte) (v >>> 24);
        target[offset + 1] = (byte) (v >>> 16);
        target[offset + 2] = (byte) (v >>> 8);
        target[offset + 3] = (byte) v;
    }

    static int getOrderedInt(byte[] source, int offset) {
        int v = (source[offset] & 0xFF) << 24 | (source[offset + 1] & 0xFF) << 16 | (source[offset + 2] & 0xFF) << 8
                | (source[offset + 3] & 0xFF);
        return v ^ Integer.MIN_VALUE;
    }

    static void putKeyGroup(byte[] target, int offset, int keyGroup) {
        target[offset] = (byte) (keyGroup >>> 8);
        target[offset + 1] = (byte) keyGroup;
    }

    static int getKeyGroup(byte[] source, int offset) {
        return (source[offset] & 0xFF) << 8 | (source[offset + 1] & 0xFF);
    }

    /** Whether {@code bytes} starts with the first {@code prefixLength} bytes of {@code prefix}. */
    static boolean startsWith(byte[] bytes, byte[] prefix, int prefixLength) {
        return bytes.length >= prefixLength
                && Arrays.equals(bytes, 0, prefixLength, prefix, 0, prefixLength);
    }

    /** RocksDB's default comparator: unsigned lexicographic. */
    static int compare(byte[] a, byte[] b) {
        return Arrays.compareUnsigned(a, b);
    }

    /** Writes an unsigned varint (LEB128: 7 bits a byte, low bits first); returns the offset after it. */
    static int putVarInt(byte[] target, int offset, int value) {
        while ((value & ~0x7F) != 0) {
            target[offset++] = (byte) ((value & 0x7F) | 0x80);
            value >>>= 7;
        }
        target[offset++] = (byte) value;
        return offset;
    }

    /** Number of bytes {@link #putVarInt} writes for {@code value}. */
    static int varIntLength(int value) {
        int n = 1;
        while ((value & ~0x7F) != 0) {
            n++;
            value >>>= 7;
        }
        return n;
    }

    /**
     * Reads an unsigned varint at {@code offset}: returns {@code value << 8 | bytesRead} packed in a long, so that no
     * object is allocated on the read path.
     */
    static long getVarInt(byte[] source, int offset) {
        int value = 0;
        int shift = 0;
        int i = offset;
        while (true) {
            byte b = source[i++];
            value |= (b & 0x7F) << shift;
            if (b >= 0) {
                return ((long) value << 8) | (i - offset);
            }
            shift += 7;
        }
    }
}
