package dev.slipway.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Generates the benchmark monorepo with {@code git fast-import}, deterministically from a {@link RepoSpec}
 * (its seed included), then runs {@code git gc} and checks out {@code main}.
 *
 * <p>The repository: services {@code services/svc-000} ... each with a few files, shared code under
 * {@code libs/}; {@code spec.commits()} commits reachable from {@code main}, most touching one service
 * (services are picked with a skewed, Zipf-like popularity, so some are hot and a few barely change),
 * some touching several services or {@code libs/}; short side branches merged with merge commits (main
 * moves on meanwhile, so the history is a real DAG); a few abandoned branches that are never merged;
 * release tags {@code services/svc-NNN@X.Y.Z}, lightweight and annotated mixed, spread over history with
 * increasing versions per service (crossing 9 to 10 often, so a lexical sort would be wrong), a few of
 * them on abandoned branches (unreachable from HEAD: "highest reachable" must skip them), and one service
 * in ten ends with a backport, a patch release of an older line tagged after the newer releases (so the
 * nearest tag, what {@code git describe} finds, is not the highest).
 *
 * <p>Generated repositories are cached under {@code cacheRoot/<spec key>/}: {@code repo/} (the work tree)
 * and {@code bench-repo.properties} (see {@link BenchRepo}), written last, so a half-generated directory is
 * never reused.
 */
public final class RepoGenerator {

    private static final long START = 1_577_836_800L; // 2020-01-01T00:00:00Z
    private static final String[] SERVICE_FILES = {
        "README.md", "Dockerfile", "src/main.py", "src/handlers.py", "deploy/values.yaml"};
    private static final String[] LIB_FILES = {
        "libs/common/util.py", "libs/common/log.py", "libs/proto/api.proto", "libs/proto/events.proto",
        "libs/testing/fixtures.py"};
    private static final String[] WORDS = {
        "alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india", "juliet", "kilo",
        "lima", "mike", "november", "oscar", "papa", "quebec", "romeo", "sierra", "tango", "uniform", "victor",
        "whiskey", "xray", "yankee", "zulu", "order", "invoice", "user", "session", "cache", "queue"};
    private static final String[] TYPES = {"feat", "fix", "fix", "chore", "refactor", "perf", "docs", "test"};

    private final RepoSpec spec;
    private final Random rng;
    private final double[] popularity;
    private final int[] serviceByRank;
    private OutputStream out;

    // the commit graph, by emission index (fast-import mark = index + 1)
    private final List<int[]> parents = new ArrayList<>();
    private final List<Long> times = new ArrayList<>();
    private final BitSet abandonedCommit = new BitSet();
    private final List<Integer> mainline = new ArrayList<>();
    private final List<Integer> abandonedCommits = new ArrayList<>();
    private long time = START;
    private int reachableCount;
    private int mergeCount;
    private int backports;

    private RepoGenerator(RepoSpec spec) {
        this.spec = spec;
        this.rng = new Random(spec.seed());
        int n = spec.services();
        this.popularity = new double[n];
        double sum = 0;
        for (int rank = 0; rank < n; rank++) {
            sum += Math.pow(rank + 1, -1.3);
            popularity[rank] = sum;
        }
        for (int rank = 0; rank < n; rank++) {
            popularity[rank] /= sum;
        }
        List<Integer> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add(i);
        }
        java.util.Collections.shuffle(ids, rng);
        this.serviceByRank = ids.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * The cached repository for a spec, generated first when missing.
     *
     * @param cacheRoot the cache directory (bench/target/bench-repo)
     * @param spec the parameters
     * @return the repository
     */
    public static BenchRepo ensure(Path cacheRoot, RepoSpec spec) {
        cacheRoot = cacheRoot.toAbsolutePath();
        Path dir = cacheRoot.resolve(spec.key());
        if (Files.isRegularFile(dir.resolve(BenchRepo.META))) {
            return BenchRepo.load(dir);
        }
        try {
            Files.createDirectories(cacheRoot);
            Path tmp = Files.createTempDirectory(cacheRoot, spec.key() + ".tmp-");
            System.err.printf("generating the benchmark repository %s (once; cached) ...%n", spec.key());
            long t0 = System.nanoTime();
            Properties meta;
            try {
                meta = new RepoGenerator(spec).generate(tmp.resolve(BenchRepo.WORK_TREE));
            } catch (IOException | RuntimeException e) {
                deleteTree(tmp);
                throw e;
            }
            meta.setProperty("generation.seconds", String.format("%.1f", (System.nanoTime() - t0) / 1e9));
            try (Writer w = Files.newBufferedWriter(tmp.resolve(BenchRepo.META))) {
                meta.store(w, "slipway-bench generated repository " + spec);
            }
            if (Files.exists(dir)) {
                deleteTree(dir);
            }
            Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
            System.err.printf("generated in %s s: %s%n", meta.getProperty("generation.seconds"), dir);
            return BenchRepo.load(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Generates a repository into a directory, or reuses the cached one.
     *
     * @param args {@code [cacheRoot]} (default {@code bench/target/bench-repo})
     */
    public static void main(String[] args) {
        Path root = Path.of(args.length > 0 ? args[0] : "bench/target/bench-repo");
        BenchRepo repo = ensure(root, RepoSpec.DEFAULT);
        System.out.println(repo.dir());
    }

    // ---------------------------------------------------------------- generation

    private Properties generate(Path repo) throws IOException {
        Files.createDirectories(repo);
        Proc.check(repo, "git", "init", "-q", "-b", "main");
        Path marks = repo.resolveSibling("marks");
        Process fi = Proc.builder(repo, List.of("git", "fast-import", "--quiet", "--export-marks=" + marks))
                .redirectOutput(ProcessBuilder.Redirect.INHERIT).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        Map<String, List<Tag>> tags;
        try (OutputStream o = new BufferedOutputStream(fi.getOutputStream(), 1 << 16)) {
            this.out = o;
            write("feature done\n");
            history();
            tags = tags();
            write("done\n");
        }
        try {
            if (fi.waitFor() != 0) {
                throw new IllegalStateException("git fast-import failed");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        Map<Integer, String> ids = new HashMap<>();
        for (String line : Files.readAllLines(marks)) {
            String[] parts = line.split(" ");
            ids.put(Integer.parseInt(parts[0].substring(1)), parts[1]);
        }
        Files.delete(marks);
        Proc.check(repo, "git", "update-ref", "-d", "refs/heads/side");
        Proc.check(repo, "git", "gc", "--quiet");
        Proc.check(repo, "git", "reset", "-q", "--hard", "main");

        Properties meta = new Properties();
        int head = mainline.get(mainline.size() - 1);
        meta.setProperty("spec", spec.toString());
        meta.setProperty("head", ids.get(head + 1));
        meta.setProperty("commits", Integer.toString(reachableCount));
        meta.setProperty("merges", Integer.toString(mergeCount));
        meta.setProperty("abandoned.commits", Integer.toString(abandonedCommits.size()));
        meta.setProperty("services", Integer.toString(spec.services()));
        int tagCount = 0;
        int annotated = 0;
        int unreachable = 0;
        for (Map.Entry<String, List<Tag>> e : tags.entrySet()) {
            Tag highest = null;
            for (Tag t : e.getValue()) {
                tagCount++;
                annotated += t.annotated() ? 1 : 0;
                if (abandonedCommit.get(t.commit())) {
                    unreachable++;
                } else if (highest == null || Tag.ORDER.compare(t, highest) > 0) {
                    highest = t;
                }
            }
            if (highest == null) {
                throw new IllegalStateException(e.getKey() + " has no reachable tag");
            }
            long count = reachableCount - ancestors(highest.commit());
            meta.setProperty("expected." + e.getKey(), highest.nextPatch() + " " + count);
        }
        meta.setProperty("tags", Integer.toString(tagCount));
        meta.setProperty("tags.annotated", Integer.toString(annotated));
        meta.setProperty("tags.unreachable", Integer.toString(unreachable));
        meta.setProperty("tags.backports", Integer.toString(backports));

        // the base of `changed`: the main-line commit with rev-list --count BASE..HEAD closest to the distance
        int lo = 0;
        int hi = mainline.size() - 1;
        while (lo < hi) { // the first main-line commit whose distance to HEAD is <= spec.distance()
            int mid = (lo + hi) >>> 1;
            if (reachableCount - ancestors(mainline.get(mid)) <= spec.distance()) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        int base = mainline.get(lo);
        meta.setProperty("base", ids.get(base + 1));
        meta.setProperty("distance", Long.toString(reachableCount - ancestors(base)));
        return meta;
    }

    /** The main line, merged side branches and abandoned branches. */
    private void history() throws IOException {
        Map<String, String[]> main = new TreeMap<>();
        for (int s = 0; s < spec.services(); s++) {
            for (String f : SERVICE_FILES) {
                main.put(service(s) + "/" + f, newFile(f, s));
            }
        }
        for (String f : LIB_FILES) {
            main.put(f, newFile(f, -1));
        }
        main.put("README.md", new String[] {"# The benchmark monorepo", "", "Generated by slipway-bench."});
        main.put(".github/workflows/ci.yaml", new String[] {"name: ci", "on: [push]", "jobs: {}"});
        int tip = commit("refs/heads/main", new int[0], "chore: initial import", new TreeMap<>(main), false);
        mainline.add(tip);

        // spread merges and abandoned branches evenly over the history: a side branch lives about eight
        // commits (three of its own, main moving on meanwhile, then the merge)
        double pSide = (double) spec.merges() / (spec.commits() - 8.0 * spec.merges());
        double pAbandon = (double) spec.abandoned() / spec.commits();
        Map<String, String[]> side = null;
        Set<String> sideChanged = new TreeSet<>();
        int sideTip = -1;
        int sideLeft = 0;
        int abandonedBranches = 0;
        while (reachableCount < spec.commits()) {
            int left = spec.commits() - reachableCount; // invariant while a side branch is open: left > sideLeft
            if (side != null) {
                if (sideLeft > 0 && (left <= sideLeft + 1 || rng.nextBoolean())) {
                    sideTip = change(side, sideChanged, "refs/heads/side", sideTip, false);
                    sideLeft--;
                    continue;
                }
                if (sideLeft == 0 && (left == 1 || rng.nextBoolean())) {
                    Map<String, String[]> merged = new TreeMap<>();
                    for (String f : sideChanged) { // the side branch wins where both changed a file
                        merged.put(f, side.get(f));
                        main.put(f, side.get(f));
                    }
                    tip = commit("refs/heads/main", new int[] {tip, sideTip},
                            "Merge pull request #" + (1000 + mergeCount) + " from side", merged, false);
                    mainline.add(tip);
                    mergeCount++;
                    side = null;
                    continue;
                }
            } else if (mergeCount < spec.merges() && left > 8 && rng.nextDouble() < pSide) {
                side = new HashMap<>(main);
                sideChanged = new TreeSet<>();
                sideTip = tip;
                sideLeft = 1 + rng.nextInt(5);
                continue;
            }
            if (abandonedBranches < spec.abandoned() && rng.nextDouble() < pAbandon) {
                Map<String, String[]> dead = new HashMap<>(main);
                int at = tip;
                String ref = String.format("refs/heads/abandoned/%02d", abandonedBranches++);
                for (int i = 1 + rng.nextInt(3); i > 0; i--) {
                    at = change(dead, new TreeSet<>(), ref, at, true);
                    abandonedCommits.add(at);
                }
            }
            tip = change(main, new TreeSet<>(), "refs/heads/main", tip, false);
            mainline.add(tip);
        }
    }

    private int change(Map<String, String[]> state, Set<String> changed, String ref, int parent, boolean abandoned)
            throws IOException {
        List<String> files = new ArrayList<>();
        String scope = pickFiles(files);
        Map<String, String[]> edits = new TreeMap<>();
        for (String f : files) {
            String[] next = edit(state.get(f));
            state.put(f, next);
            edits.put(f, next);
            changed.add(f);
        }
        return commit(ref, new int[] {parent}, message(scope) + (abandoned ? " (wip)" : ""), edits, abandoned);
    }

    /** Picks the files a commit touches; returns the conventional-commit scope ("" for none). */
    private String pickFiles(List<String> files) {
        double r = rng.nextDouble();
        Set<String> picked = new LinkedHashSet<>();
        String scope;
        if (r < 0.70) {
            int s = pickService();
            int n = 1 + rng.nextInt(2);
            for (int i = 0; i < n; i++) {
                picked.add(service(s) + "/" + SERVICE_FILES[rng.nextInt(SERVICE_FILES.length)]);
            }
            scope = name(s);
        } else if (r < 0.80) {
            int n = 2 + rng.nextInt(4);
            for (int i = 0; i < n; i++) {
                picked.add(service(pickService()) + "/" + SERVICE_FILES[rng.nextInt(SERVICE_FILES.length)]);
            }
            scope = "";
        } else if (r < 0.90) {
            int n = 1 + rng.nextInt(2);
            for (int i = 0; i < n; i++) {
                picked.add(LIB_FILES[rng.nextInt(LIB_FILES.length)]);
            }
            scope = "libs";
        } else {
            int s = pickService();
            picked.add(service(s) + "/" + SERVICE_FILES[rng.nextInt(SERVICE_FILES.length)]);
            picked.add(LIB_FILES[rng.nextInt(LIB_FILES.length)]);
            scope = name(s);
        }
        files.addAll(picked);
        return scope;
    }

    private int pickService() {
        int rank = Arrays.binarySearch(popularity, rng.nextDouble());
        rank = rank >= 0 ? rank : -rank - 1;
        return serviceByRank[Math.min(rank, serviceByRank.length - 1)];
    }

    private String message(String scope) {
        String type = TYPES[rng.nextInt(TYPES.length)];
        return type + (scope.isEmpty() ? "" : "(" + scope + ")") + ": " + WORDS[rng.nextInt(WORDS.length)] + " "
                + WORDS[rng.nextInt(WORDS.length)] + " #" + (parents.size() + 1);
    }

    private String[] newFile(String path, int service) {
        int n = 20 + rng.nextInt(40);
        String[] lines = new String[n];
        lines[0] = "# " + path + (service >= 0 ? " of " + name(service) : "");
        for (int i = 1; i < n; i++) {
            lines[i] = line();
        }
        return lines;
    }

    private String[] edit(String[] lines) {
        List<String> next = new ArrayList<>(Arrays.asList(lines));
        int n = 1 + rng.nextInt(3);
        for (int i = 0; i < n; i++) {
            next.set(1 + rng.nextInt(next.size() - 1), line());
        }
        if (next.size() < 120 && rng.nextInt(4) == 0) {
            next.add(1 + rng.nextInt(next.size() - 1), line());
        } else if (next.size() > 10 && rng.nextInt(8) == 0) {
            next.remove(1 + rng.nextInt(next.size() - 1));
        }
        return next.toArray(String[]::new);
    }

    private String line() {
        return "    " + WORDS[rng.nextInt(WORDS.length)] + "_" + rng.nextInt(1000) + " = compute(" + rng.nextInt(100_000)
                + ", \"" + WORDS[rng.nextInt(WORDS.length)] + "\")";
    }

    /** Emits a commit and records it in the graph; returns its emission index. */
    private int commit(String ref, int[] ps, String msg, Map<String, String[]> files, boolean abandoned)
            throws IOException {
        int index = parents.size();
        parents.add(ps);
        if (abandoned) {
            abandonedCommit.set(index);
        } else {
            reachableCount++;
        }
        time += 60 + rng.nextInt(3600);
        times.add(time);
        int author = rng.nextInt(16);
        String who = String.format("Dev %02d <dev%02d@example.com> %d +0000", author, author, time);
        StringBuilder sb = new StringBuilder(256);
        sb.append("commit ").append(ref).append('\n');
        sb.append("mark :").append(index + 1).append('\n');
        sb.append("author ").append(who).append('\n');
        sb.append("committer ").append(who).append('\n');
        write(sb.toString());
        data(msg + "\n");
        sb.setLength(0);
        if (ps.length > 0) {
            sb.append("from :").append(ps[0] + 1).append('\n');
        }
        for (int i = 1; i < ps.length; i++) {
            sb.append("merge :").append(ps[i] + 1).append('\n');
        }
        write(sb.toString());
        for (Map.Entry<String, String[]> f : files.entrySet()) {
            write("M 100644 inline " + f.getKey() + "\n");
            data(String.join("\n", f.getValue()) + "\n");
        }
        write("\n");
        return index;
    }

    /** A release tag as generated. */
    private record Tag(String name, int commit, int major, int minor, int patch, boolean annotated) {
        static final Comparator<Tag> ORDER = Comparator.comparingInt(Tag::major).thenComparingInt(Tag::minor)
                .thenComparingInt(Tag::patch);

        String nextPatch() {
            return major + "." + minor + "." + (patch + 1);
        }
    }

    /**
     * About tags/services release tags per service on main-line commits spread over history (one in the
     * last 40%, so no count passes 9999; none on HEAD), one in a hundred on an abandoned branch; versions
     * increase along history, except that one service in ten ends with a backport (a patch of an older
     * line tagged after the newer releases).
     */
    private Map<String, List<Tag>> tags() throws IOException {
        Map<String, List<Tag>> out = new LinkedHashMap<>();
        int candidates = mainline.size() - 1; // not HEAD
        List<Tag> all = new ArrayList<>();
        for (int s = 0; s < spec.services(); s++) {
            int n = spec.tags() / spec.services() + (s < spec.tags() % spec.services() ? 1 : 0);
            Set<Integer> at = new TreeSet<>();
            at.add(mainline.get((int) (candidates * 0.6) + rng.nextInt(candidates - (int) (candidates * 0.6))));
            boolean backport = rng.nextInt(10) == 0;
            if (backport) { // the backport is the last tag; the highest before it must be late too
                at.add(mainline.get((int) (candidates * 0.6) + rng.nextInt(candidates - (int) (candidates * 0.6))));
            }
            while (at.size() < n) {
                if (!abandonedCommits.isEmpty() && rng.nextInt(100) == 0) {
                    at.add(abandonedCommits.get(rng.nextInt(abandonedCommits.size())));
                } else {
                    at.add(mainline.get(1 + rng.nextInt(candidates - 1)));
                }
            }
            int major = rng.nextInt(3);
            int minor = rng.nextInt(13);
            int patch = rng.nextInt(13);
            List<Tag> tags = new ArrayList<>();
            Set<String> used = new java.util.HashSet<>();
            int i = 0;
            for (int c : at) { // emission order = history order
                if (i > 0) {
                    double r = rng.nextDouble();
                    if (r < 0.55) {
                        patch++;
                    } else if (r < 0.9) {
                        minor++;
                        patch = 0;
                    } else {
                        major++;
                        minor = 0;
                        patch = 0;
                    }
                }
                Tag t = new Tag(service(s) + "@" + major + "." + minor + "." + patch, c, major, minor, patch,
                        rng.nextBoolean());
                if (backport && i == at.size() - 1 && !abandonedCommit.get(c)) {
                    // a maintenance release of an older line, tagged after newer releases: the nearest tag
                    // (git describe) is then not the highest
                    for (Tag old : tags) {
                        Tag b = new Tag(service(s) + "@" + old.major() + "." + old.minor() + "." + (old.patch() + 1), c,
                                old.major(), old.minor(), old.patch() + 1, t.annotated());
                        if (!used.contains(b.name())) {
                            t = b;
                            backports++;
                            break;
                        }
                    }
                }
                used.add(t.name());
                tags.add(t);
                i++;
            }
            out.put(service(s), tags);
            all.addAll(tags);
        }
        all.sort(Comparator.comparing(Tag::name));
        for (Tag t : all) {
            if (t.annotated()) {
                write("tag " + t.name() + "\nfrom :" + (t.commit() + 1) + "\n");
                write(String.format("tagger Release Bot <release@example.com> %d +0000%n", times.get(t.commit()) + 600));
                data("Release " + t.name() + "\n");
            } else {
                write("reset refs/tags/" + t.name() + "\nfrom :" + (t.commit() + 1) + "\n\n");
            }
        }
        return out;
    }

    /** How many commits a commit reaches, itself included ({@code git rev-list --count C}). */
    private long ancestors(int start) {
        BitSet seen = new BitSet(parents.size());
        ArrayDeque<Integer> todo = new ArrayDeque<>();
        todo.push(start);
        seen.set(start);
        long n = 0;
        while (!todo.isEmpty()) {
            int c = todo.pop();
            n++;
            for (int p : parents.get(c)) {
                if (!seen.get(p)) {
                    seen.set(p);
                    todo.push(p);
                }
            }
        }
        return n;
    }

    private static String service(int s) {
        return "services/" + name(s);
    }

    private static String name(int s) {
        return String.format("svc-%03d", s);
    }

    private void write(String s) throws IOException {
        out.write(s.getBytes(StandardCharsets.UTF_8));
    }

    private void data(String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        write("data " + b.length + "\n");
        out.write(b);
        write("\n");
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
