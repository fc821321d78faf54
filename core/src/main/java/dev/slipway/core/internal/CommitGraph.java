package dev.slipway.core.internal;

import dev.slipway.api.CommitId;
import dev.slipway.spi.GitCommit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The history reachable from one commit, held as an int graph: built from one walk, it answers "is this
 * commit reachable" and "how many commits does this one reach" for many tags without walking git again.
 */
final class CommitGraph {

    private final Map<CommitId, Integer> index;
    private final int[][] parents;
    private final Map<Integer, Long> ancestorCounts = new HashMap<>();
    private final int[] mark;
    private final int[] stack;
    private int epoch;

    CommitGraph(List<GitCommit> commits) {
        int n = commits.size();
        this.index = new HashMap<>(n * 2);
        for (int i = 0; i < n; i++) {
            index.put(commits.get(i).id(), i);
        }
        this.parents = new int[n][];
        for (int i = 0; i < n; i++) {
            List<CommitId> ps = commits.get(i).parents();
            int[] out = new int[ps.size()];
            int k = 0;
            for (CommitId p : ps) {
                Integer j = index.get(p);
                if (j != null) {
                    out[k++] = j;
                }
            }
            parents[i] = k == out.length ? out : java.util.Arrays.copyOf(out, k);
        }
        this.mark = new int[n];
        this.stack = new int[n];
    }

    /** How many commits the graph holds: the commits reachable from its head. */
    int size() {
        return parents.length;
    }

    boolean contains(CommitId id) {
        return index.containsKey(id);
    }

    /**
     * How many commits are reachable from a commit of the graph (itself included), as
     * {@code git rev-list --count COMMIT}.
     */
    long ancestors(CommitId id) {
        Integer start = index.get(id);
        if (start == null) {
            throw new IllegalArgumentException(id + " is not in the graph");
        }
        return ancestorCounts.computeIfAbsent(start, this::countFrom);
    }

    private long countFrom(int start) {
        int current = ++epoch;
        int top = 0;
        long count = 0;
        stack[top++] = start;
        mark[start] = current;
        while (top > 0) {
            int c = stack[--top];
            count++;
            for (int p : parents[c]) {
                if (mark[p] != current) {
                    mark[p] = current;
                    stack[top++] = p;
                }
            }
        }
        return count;
    }
}
