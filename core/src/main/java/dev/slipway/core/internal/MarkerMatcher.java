package dev.slipway.core.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The cheap pre-filter of a marker scan: finds, in raw bytes and without parsing, every {@code #} whose
 * rest of line, trimmed, is one of the markers. A hit is a candidate only (the {@code #} may sit in a
 * quoted or block scalar); the YAML parser decides. A miss is certain: a file with no hit holds no marker,
 * so it is never parsed.
 */
public final class MarkerMatcher {

    private final byte[][] markers;
    /** Open addressing: marker index + 1, or 0 for an empty slot. */
    private final int[] table;
    private final int mask;
    private final int minLength;
    private final int maxLength;

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
        for (int i = 0; i < content.length; i++) {
            if (content[i] == '#' && match(content, i) >= 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * The markers found.
     *
     * @param content the file's bytes
     * @return the indexes (in the constructor's list) of the markers behind a {@code #}, in file order
     */
    public List<Integer> candidates(byte[] content) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < content.length; i++) {
            if (content[i] == '#') {
                int m = match(content, i);
                if (m >= 0) {
                    out.add(m);
                }
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
