package dev.slipway.tck.git;

import dev.slipway.tck.git.FastImport.Change;
import dev.slipway.tck.git.FastImport.Delete;
import dev.slipway.tck.git.FastImport.Put;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A random history, built from a list of generated steps by {@code git fast-import} into a bare
 * repository: commits on several branches, new branches from any commit, merges (of ancestors too),
 * lightweight and annotated tags, and unrelated roots. Any list of steps is a valid history, so jqwik can
 * shrink freely.
 */
final class GeneratedHistory {

    /**
     * One generated step.
     *
     * @param kind what it does: 0-5 commit, 6-7 branch, 8-9 merge, 10 tag, 11 new root
     * @param a first choice (a branch or a commit)
     * @param b second choice (a path, a branch, the tag kind)
     * @param c third choice (delete or write, clock skew)
     */
    record Step(int kind, int a, int b, int c) {
    }

    /** How committer clocks behave across a history. */
    enum Clock {
        /** Every commit a minute after the one before. */
        MONOTONIC,
        /** Now and then a commit dated a day or more before the one made just before it. */
        SKEWED,
        /** Every commit in the same second, as scripts and rebases make them. */
        FROZEN
    }

    /** The files the histories touch: nested directories, a file that becomes a directory and back. */
    static final List<String> FILES = List.of("a.txt", "dir/b.txt", "dir/sub/c.txt", "dir2/d.txt",
            "services/x/e.txt", "services/y/f.txt", "p", "p/q.txt");

    /** Paths worth asking about: the files, their directories, and one that never exists. */
    static final List<String> PATHS = List.of("a.txt", "dir", "dir/sub", "dir/sub/c.txt", "dir2", "services",
            "services/x", "services/y", "p", "p/q.txt", "never");

    private final Path repository;
    private final List<String> commits;
    private final List<String> tags;

    private GeneratedHistory(Path repository, List<String> commits, List<String> tags) {
        this.repository = repository;
        this.commits = List.copyOf(commits);
        this.tags = List.copyOf(tags);
    }

    /** Builds the history of {@code steps} into a new bare repository at {@code directory}. */
    static GeneratedHistory build(GitCli git, Path directory, List<Step> steps, Clock clock) {
        git.text(directory.getParent(), "init", "-q", "--bare", "--template=", directory.toString());
        FastImport history = new FastImport(GitCli.EPOCH, clock == Clock.FROZEN ? 0 : 60);
        List<String> branches = new ArrayList<>(List.of("main"));
        Map<String, String> tips = new HashMap<>();
        Map<String, TreeSet<String>> trees = new HashMap<>();
        List<String> marks = new ArrayList<>();
        List<String> tags = new ArrayList<>();
        int counter = 0;

        String first = history.commit("refs/heads/main", List.of(), "initial\n", List.of(Put.of("a.txt", "initial\n")));
        tips.put("main", first);
        trees.put(first, new TreeSet<>(List.of("a.txt")));
        marks.add(first);

        for (Step step : steps) {
            counter++;
            int kind = Math.floorMod(step.kind(), 12);
            if (kind <= 5) {
                String branch = branches.get(Math.floorMod(step.a(), branches.size()));
                String parent = tips.get(branch);
                TreeSet<String> files = new TreeSet<>(parent == null ? new TreeSet<>() : trees.get(parent));
                Change change;
                if (Math.floorMod(step.c(), 4) == 0 && !files.isEmpty()) {
                    String victim = new ArrayList<>(files).get(Math.floorMod(step.b(), files.size()));
                    files.remove(victim);
                    change = new Delete(victim);
                } else {
                    String path = FILES.get(Math.floorMod(step.b(), FILES.size()));
                    files.removeIf(existing -> existing.startsWith(path + "/") || path.startsWith(existing + "/"));
                    files.add(path);
                    change = Put.of(path, "version " + counter + "\n");
                }
                String mark = history.commit("refs/heads/" + branch, parent == null ? List.of() : List.of(parent),
                        "commit " + counter + " on " + branch + "\n", List.of(change));
                skew(history, clock, step);
                tips.put(branch, mark);
                trees.put(mark, files);
                marks.add(mark);
            } else if (kind <= 7) {
                String from = marks.get(Math.floorMod(step.a(), marks.size()));
                String branch = "b" + counter;
                branches.add(branch);
                tips.put(branch, from);
                history.ref("refs/heads/" + branch, from);
            } else if (kind <= 9) {
                String into = branches.get(Math.floorMod(step.a(), branches.size()));
                String from = branches.get(Math.floorMod(step.b(), branches.size()));
                String ours = tips.get(into);
                String theirs = tips.get(from);
                if (ours == null || theirs == null || ours.equals(theirs)) {
                    continue;
                }
                String mark = history.commit("refs/heads/" + into, List.of(ours, theirs),
                        "Merge " + from + " into " + into + "\n", List.of());
                skew(history, clock, step);
                tips.put(into, mark);
                trees.put(mark, trees.get(ours));
                marks.add(mark);
            } else if (kind == 10) {
                String target = marks.get(Math.floorMod(step.a(), marks.size()));
                String name = "t" + counter;
                if (Math.floorMod(step.b(), 2) == 0) {
                    history.ref("refs/tags/" + name, target);
                } else {
                    history.annotatedTag(name, target, "tag " + name + "\n");
                }
                tags.add(name);
            } else {
                String branch = "r" + counter;
                branches.add(branch);
            }
        }
        Map<String, String> ids = history.run(git, directory);
        return new GeneratedHistory(directory, marks.stream().map(ids::get).toList(), tags);
    }

    private static void skew(FastImport history, Clock clock, Step step) {
        if (clock == Clock.SKEWED && Math.floorMod(step.c(), 5) == 1) {
            // the next commit is dated a day or more before this one: committer clocks are not monotonic
            history.shiftClock(-86_400L * (1 + Math.floorMod(step.c(), 3)));
        }
    }

    Path repository() {
        return repository;
    }

    /** The full ids of the commits, in creation order (parents before children). */
    List<String> commits() {
        return commits;
    }

    /** The tag names. */
    List<String> tags() {
        return tags;
    }

    /** A commit chosen by a generated number. */
    String pick(int choice) {
        return commits.get(Math.floorMod(choice, commits.size()));
    }
}
