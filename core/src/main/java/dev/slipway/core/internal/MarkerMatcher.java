package dev.slipway.core.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The cheap pre-filter of a marker scan: finds, in raw bytes and without parsing, every {@code #} whose
 * rest of line, trimmed, is one of the markers. A hit is a candidate only (the {@code #} may sit in a
 * quoted or block scalar); the YAML parser decides. A miss is certain: a file with no hit holds no marker,
 * so it is never parsed.
 *
 * <p>With a few markers (a deployment looks for one), each marker is searched with Boyer-Moore-Horspool,
 * which skips about a marker's length of bytes per step, and each occurrence is checked for a {@code #}
 * before it and the end of the line after it. With many markers (an index of every service), every
 * {@code #} is found eight bytes at a time and the rest of its line is looked up in a hash table.
 */
public final class MarkerMatcher {

    private final byte[][] markers;
    /** Open addressing: marker index + 1, or 0 for an empty slot. */
    private final int[] table;
    private final int mask;
    private final int minLength;
    private final int maxLength;
    /** Horspool shift tables, one per marker, when there are few markers; null otherwise. */
    private final int[][] shifts;

    /** Up to this many markers are searched one by one; more go through the '#' scan. */
    private static final int DIRECT_SEARCH_MAX = 4;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;
    private static final long HASHES = ONES * '#';

    /**
     * Compiles the markers.
     *
     * @param markers the marker texts (trimmed, no line breaks), distinct
     */
    public MarkerMatcher(List<String> markers) {
        this.markers = new byte[markers.size()][];
        int size = Integer.highestOneBit(Math.max(4, markers.size() * 4 - 1)) << 1;
        table = new int[size];
        mask = size - 1;
        int min = Integer.MAX_VALUE;
        int max = 0;
        for (int i = 0; i < markers.size(); i++) {
            byte[] m = markers.get(i).getBytes(StandardCharsets.UTF_8);
            this.markers[i] = m;
            min = Math.min(min, m.length);
            max = Math.max(max, m.length);
            int slot = hash(m, 0, m.length) & mask;
            while (table[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            table[slot] = i + 1;
        }
        minLength = markers.isEmpty() ? 1 : min;
        maxLength = max;
        if (markers.size() <= DIRECT_SEARCH_MAX) {
            shifts = new int[markers.size()][];
            for (int i = 0; i < markers.size(); i++) {
                byte[] m = this.markers[i];
                int[] shift = new int[256];
                Arrays.fill(shift, m.length);
                for (int k = 0; k < m.length - 1; k++) {
                    shift[m[k] & 0xff] = m.length - 1 - k;
                }
                shifts[i] = shift;
            }
        } else {
            shifts = null;
        }
    }

    private static int hash(byte[] b, int from, int to) {
        int h = 1;
        for (int i = from; i < to; i++) {
            h = 31 * h + b[i];
        }
        return h ^ (h >>> 16);
    }

    private static boolean blank(byte b) {
        return (b == ' ' || b == '\t' || (b >= 0 && b < 0x20 && b != '\n' && b != '\r'));
    }

    /**
     * Whether the bytes hold at least one candidate.
     *
     * @param content the file's bytes
     * @return true if some {@code #} is followed by a marker and the end of the line
     */
    public boolean matchesAny(byte[] content) {
        if (markers.length == 0) {
            return false;
        }
        if (shifts != null) {
            for (int m = 0; m < markers.length; m++) {
                if (direct(content, m)) {
                    return true;
                }
            }
            return false;
        }
        for (int i = indexOfHash(content, 0); i >= 0; i = indexOfHash(content, i + 1)) {
            if (match(content, i) >= 0) {
                return true;
            }
        }
        return false;
    }

    /** Whether marker {@code m} occurs after a '#' (and blanks) and before blanks and the end of a line. */
    private boolean direct(byte[] b, int m) {
        byte[] pattern = markers[m];
        int[] shift = shifts[m];
        int len = pattern.length;
        int last = len - 1;
        int i = 0;
        while (i <= b.length - len) {
            byte tail = b[i + last];
            if (tail == pattern[last] && Arrays.equals(b, i, i + last, pattern, 0, last) && inComment(b, i, i + len)) {
                return true;
            }
            i += shift[tail & 0xff];
        }
        return false;
    }

    /** Whether the text at [start, end) is preceded by '#' and blanks, and followed by blanks and a line end. */
    private static boolean inComment(byte[] b, int start, int end) {
        int k = end;
        while (k < b.length && blank(b[k])) {
            k++;
        }
        if (k < b.length && b[k] != '\n' && b[k] != '\r') {
            return false;
        }
        k = start - 1;
        while (k >= 0 && blank(b[k])) {
            k--;
        }
        return k >= 0 && b[k] == '#';
    }

    /** The index of the next '#' at or after {@code from}, eight bytes at a time; -1 if none. */
    static int indexOfHash(byte[] b, int from) {
        int i = from;
        int n = b.length;
        for (; i + 8 <= n; i += 8) {
            long x = (long) LONGS.get(b, i) ^ HASHES;
            long found = (x - ONES) & ~x & HIGHS;
            if (found != 0) {
                return i + (Long.numberOfTrailingZeros(found) >>> 3);
            }
        }
        for (; i < n; i++) {
            if (b[i] == '#') {
                return i;
            }
        }
        return -1;
    }

    /**
     * The markers found.
     *
     * @param content the file's bytes
     * @return the indexes (in the constructor's list) of the markers behind a {@code #}, in file order
     */
    public List<Integer> candidates(byte[] content) {
        List<Integer> out = new ArrayList<>();
        for (int i = indexOfHash(content, 0); i >= 0; i = indexOfHash(content, i + 1)) {
            int m = match(content, i);
            if (m >= 0) {
                out.add(m);
            }
        }
        return out;
    }

    /** The marker after the '#' at {@code hash}, or -1. */
    private int match(byte[] b, int hash) {
        int start = hash + 1;
        int n = b.length;
        while (start < n && blank(b[start])) {
            start++;
        }
        int end = start;
        while (end < n && b[end] != '\n' && b[end] != '\r') {
            end++;
        }
        int stop = end;
        while (stop > start && blank(b[stop - 1])) {
            stop--;
        }
        int len = stop - start;
        if (len < minLength || len > maxLength) {
            return -1;
        }
        int slot = hash(b, start, stop) & mask;
        while (table[slot] != 0) {
            byte[] m = markers[table[slot] - 1];
            if (Arrays.equals(m, 0, m.length, b, start, stop)) {
                return table[slot] - 1;
            }
            slot = (slot + 1) & mask;
        }
        return -1;
    }
}
