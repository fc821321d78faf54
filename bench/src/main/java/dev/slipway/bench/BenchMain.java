package dev.slipway.bench;

import dev.slipway.core.BuildVersion;
import dev.slipway.core.ChangedServices;
import dev.slipway.core.Slipway;
import dev.slipway.git.jgit.JGitBackend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs the whole benchmark (what {@code bench/run.sh} calls): generates or reuses the repository, checks
 * once that Slipway's answers equal the git CLI's (and the generator's), runs every JMH benchmark in one
 * run, and prints a Markdown table of the ratios.
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar dev.slipway.bench.BenchMain [--cache DIR] [--cli-jar JAR] [--out DIR]
 *     [--node DIR] [--quick] [--check-only] [--baselines-only] [--only versions|changed|manifests|parse]
 * </pre>
 *
 * {@code --only} runs (and checks) one group of benchmarks; by default all run. {@code --parse-only} is
 * {@code --only parse} (no repository is generated).
 *
 * Exit codes: 0 done (targets met or not: the table says), 1 a check failed (the answers differ), 2 usage.
 */
public final class BenchMain {

    private static final String VERSIONS = VersionsBenchmark.class.getName() + ".";
    private static final String CHANGED = ChangedBenchmark.class.getName() + ".";
    private static final String PARSE = ParseBenchmark.class.getName() + ".";
    private static final String MANIFESTS = ManifestBenchmark.class.getName() + ".";

    private BenchMain() {
    }

    /**
     * Runs the benchmark.
     *
     * @param args see the class comment
     * @throws RunnerException if JMH fails
     */
    public static void main(String[] args) throws RunnerException {
        Path cache = Path.of("bench/target/bench-repo");
        Path cliJar = Path.of("cli/target/slipway.jar");
        Path out = Path.of("bench/target");
        boolean quick = false;
        boolean checkOnly = false;
        boolean baselinesOnly = false;
        String only = null;
        Path node = Path.of("bench/target/node");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--cache" -> cache = Path.of(args[++i]);
                case "--cli-jar" -> cliJar = Path.of(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                case "--quick" -> quick = true;
                case "--check-only" -> checkOnly = true;
                case "--baselines-only" -> baselinesOnly = true;
                case "--parse-only" -> only = "parse";
                case "--only" -> only = args[++i];
                case "--node" -> node = Path.of(args[++i]);
                default -> {
                    System.err.println("usage: BenchMain [--cache DIR] [--cli-jar JAR] [--out DIR] [--quick]"
                            + " [--check-only] [--baselines-only] [--node DIR] [--only versions|changed|manifests|parse]");
                    System.exit(2);
                }
            }
        }
        if (only != null && !List.of("versions", "changed", "manifests", "parse").contains(only)) {
            System.err.println("bench: --only takes versions, changed, manifests or parse, not " + only);
            System.exit(2);
        }
        boolean git = only == null || only.equals("versions") || only.equals("changed");
        boolean manifests = only == null || only.equals("manifests");
        boolean parse = only == null || only.equals("parse");
        cache = cache.toAbsolutePath();
        Path manifestCache = out.toAbsolutePath().resolve("bench-manifests");
        cliJar = cliJar.toAbsolutePath();
        System.setProperty("slipway.bench.cache", cache.toString());
        System.setProperty("slipway.bench.cliJar", cliJar.toString());
        node = node.toAbsolutePath();
        System.setProperty("slipway.bench.node", node.toString());
        System.setProperty("slipway.bench.manifests", manifestCache.toString());

        if (!baselinesOnly && (git || manifests) && !Files.isRegularFile(cliJar)) {
            System.err.println("bench: " + cliJar + " is missing: build it first (mvn -B -Pbench -DskipTests package)");
            System.exit(2);
        }
        BenchRepo repo = git ? RepoGenerator.ensure(cache, RepoSpec.DEFAULT) : null;
        ManifestTree tree = manifests ? BenchEnv.manifestTree() : null;
        StringBuilder report = new StringBuilder();
        environment(repo, tree, parse, report);
        System.out.print(report);

        try {
            if (repo != null && !baselinesOnly) {
                check(repo);
            } else if (repo != null) {
                checkBaselines(repo);
            }
            if (manifests) {
                checkManifests(tree, baselinesOnly);
            }
            if (parse) {
                String parsed = checkParse(baselinesOnly);
                report.append(parsed);
                System.out.print(parsed);
            }
        } catch (CheckFailed e) {
            System.err.println("bench: CHECK FAILED: " + e.getMessage());
            System.exit(1);
        }
        if (checkOnly) {
            return;
        }

        ChainedOptionsBuilder options = new OptionsBuilder()
                .jvmArgsAppend("-Dslipway.bench.cache=" + cache, "-Dslipway.bench.cliJar=" + cliJar,
                        "-Dslipway.bench.node=" + node, "-Dslipway.bench.manifests=" + manifestCache)
                .result(out.resolve("jmh-result.json").toString())
                .resultFormat(ResultFormatType.JSON)
                .shouldFailOnError(true);
        if (parse) {
            options.include(PARSE.replace(".", "\\.") + ".*");
        }
        if (only == null || only.equals("versions")) {
            options.include(VERSIONS.replace(".", "\\.") + ".*");
        }
        if (only == null || only.equals("changed")) {
            options.include(CHANGED.replace(".", "\\.") + ".*");
        }
        if (manifests) {
            options.include(MANIFESTS.replace(".", "\\.") + ".*");
        }
        if (baselinesOnly) {
            options.exclude(".*\\.slipway[A-Za-z]*$");
        }
        if (quick) {
            options.warmupIterations(1).warmupTime(TimeValue.seconds(1))
                    .measurementIterations(2).measurementTime(TimeValue.seconds(1));
        }
        String loadBefore = loadAverage();
        Collection<RunResult> results = new Runner(options.build()).run();
        String load = String.format("- load average (1, 5, 15 min) before the JMH run: %s, after: %s%n", loadBefore,
                loadAverage());
        report.append(load);
        System.out.print("\n" + load);
        Map<String, double[]> scores = new HashMap<>();
        for (RunResult r : results) {
            scores.put(r.getParams().getBenchmark(), new double[] {
                r.getPrimaryResult().getScore(), r.getPrimaryResult().getScoreError()});
        }
        String table = table(scores, repo, tree, parse);
        report.append('\n').append(table);
        System.out.println();
        System.out.print(table);
        try {
            Files.createDirectories(out);
            Files.writeString(out.resolve("bench-results.md"), report);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.out.println("\n(written to " + out.resolve("bench-results.md") + " and jmh-result.json)");
    }

    // ---------------------------------------------------------------- environment

    private static void environment(BenchRepo repo, ManifestTree tree, boolean parse, StringBuilder sb) {
        sb.append("## Environment\n\n");
        sb.append("- java: ").append(System.getProperty("java.vm.name")).append(' ')
                .append(System.getProperty("java.runtime.version")).append('\n');
        sb.append("- os: ").append(System.getProperty("os.name")).append(' ').append(System.getProperty("os.version"))
                .append(", ").append(Runtime.getRuntime().availableProcessors()).append(" cpus\n");
        sb.append("- load average (1, 5, 15 min): ").append(loadAverage()).append('\n');
        if (tree != null) {
            long[] size = tree.size();
            sb.append("- ").append(Proc.check(tree.sed(), "grep", "--version").lines().findFirst().orElse("grep ?"))
                    .append(", ").append(Proc.check(tree.sed(), "sed", "--version").lines().findFirst().orElse("sed ?"))
                    .append('\n');
            sb.append(String.format(Locale.ROOT, "- manifest tree: %,d values files, %,.1f MB (%d environments x %,d"
                    + " services), %s%n", size[1], size[0] / 1e6, ManifestTree.ENVIRONMENTS.size(), tree.services(),
                    tree.slipway().getParent()));
        }
        if (repo != null) {
            environment(repo, sb);
        }
        if (parse) {
            nodeEnvironment(sb);
        }
    }

    private static void environment(BenchRepo repo, StringBuilder sb) {
        Path dir = repo.dir();
        String objects = Proc.check(dir, "git", "count-objects", "-vH");
        String pack = objects.lines().filter(l -> l.startsWith("size-pack:")).findFirst().orElse("?")
                .replace("size-pack: ", "");
        String packs = objects.lines().filter(l -> l.startsWith("packs:")).findFirst().orElse("?")
                .replace("packs: ", "");
        sb.append("- git: ").append(Proc.check(dir, "git", "--version").strip()).append('\n');
        sb.append("- repository: ").append(String.format(Locale.ROOT,
                "%,d commits reachable from HEAD (%,d merges), %,d services, %,d release tags (%,d annotated,"
                        + " %,d on abandoned branches), %s packed in %s pack(s) after git gc, generated in %s s",
                repo.number("commits"), repo.number("merges"), repo.number("services"), repo.number("tags"),
                repo.number("tags.annotated"), repo.number("tags.unreachable"), pack, packs,
                repo.meta().getProperty("generation.seconds"))).append('\n');
        sb.append("- changed compares ").append(repo.base(), 0, 12).append("..").append(repo.head(), 0, 12)
                .append(String.format(Locale.ROOT, " (git rev-list --count: %,d)", repo.distance())).append('\n');
        sb.append("- ").append(dir).append('\n');
    }

    private static void nodeEnvironment(StringBuilder sb) {
        Path dir = BenchEnv.nodeDir();
        String ccp;
        try {
            String pkg = Files.readString(dir.resolve("node_modules/conventional-commits-parser/package.json"));
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"version\"\\s*:\\s*\"([^\"]+)\"").matcher(pkg);
            ccp = m.find() ? m.group(1) : "?";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        sb.append("- node: ").append(Proc.check(dir, "node", "--version").strip())
                .append(", conventional-commits-parser ").append(ccp).append(" (npm)\n");
        sb.append(String.format(Locale.ROOT, "- commit corpus: %,d messages, %,d bytes (%s)%n", CommitCorpus.SIZE,
                BenchEnv.corpus().toFile().length(), BenchEnv.corpus().getFileName()));
    }

    /** /proc/loadavg's first three fields: other work on the machine skews every figure. */
    private static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    // ---------------------------------------------------------------- correctness

    /** A check that failed: Slipway, the git CLI and the generator disagree. */
    static final class CheckFailed extends Exception {
        private static final long serialVersionUID = 1L;

        CheckFailed(String message) {
            super(message);
        }
    }

    /** The baselines against the generator's expectations, when Slipway cannot run (no git backend). */
    private static void checkBaselines(BenchRepo repo) {
        try {
            Map<String, String> loop = cliLoop(repo);
            checkAgainstGenerator(repo, loop);
            List<String> awk = lines(Proc.check(repo.dir(),
                    BenchEnv.bash("changed-awk.sh", repo.dir().toString(), repo.base(), repo.head())));
            System.out.printf("%ncheck: git CLI loop == generator for %d services; git diff + awk names %d changed"
                    + " services (Slipway not checked: --baselines-only)%n", loop.size(), awk.size());
        } catch (CheckFailed e) {
            System.err.println("bench: CHECK FAILED: " + e.getMessage());
            System.exit(1);
        }
    }

    private static void check(BenchRepo repo) throws CheckFailed {
        JGitBackend.isolate(); // never write ~/.config/jgit, as the CLI
        Slipway slipway = Slipway.builder().repository(repo.dir()).build();
        try {
            slipway.git();
        } catch (RuntimeException e) {
            throw new CheckFailed("Slipway has no git backend (" + e.getMessage() + "). Is slipway-spi-git-jgit with"
                    + " its provider on the class path? Run with --baselines-only to measure the git CLI alone.");
        }

        // versions: Slipway in-process == the git CLI loop == the generator == the Slipway CLI
        Map<String, String> loop = cliLoop(repo);
        checkAgainstGenerator(repo, loop);
        Map<String, String> inProcess = new TreeMap<>();
        for (BuildVersion v : slipway.versions(Optional.empty())) {
            inProcess.put(v.service().path(), v.version().toString());
        }
        same("versions: Slipway in-process vs the git CLI loop", inProcess, loop);
        Map<String, String> cli = new TreeMap<>();
        for (String line : lines(Proc.check(repo.dir(), BenchEnv.slipwayCli(repo, "version", "--all")))) {
            String[] parts = line.split(" ");
            cli.put(parts[0], parts[1]);
        }
        same("versions: java -jar slipway.jar version --all vs the git CLI loop", cli, loop);

        // changed: Slipway in-process == git diff + awk == the Slipway CLI
        ChangedServices changed = slipway.changed(repo.base(), Optional.of(repo.head()));
        List<String> slipwayChanged = changed.services().stream().map(s -> s.path()).toList();
        List<String> awk = lines(Proc.check(repo.dir(),
                BenchEnv.bash("changed-awk.sh", repo.dir().toString(), repo.base(), repo.head())));
        if (!changed.base().hex().equals(repo.base())) {
            throw new CheckFailed("changed: Slipway compared " + changed.base().hex() + ", not the base " + repo.base()
                    + " (an ancestor of head)");
        }
        same("changed: Slipway in-process vs git diff + awk", listMap(slipwayChanged), listMap(awk));
        List<String> cliChanged = lines(Proc.check(repo.dir(),
                BenchEnv.slipwayCli(repo, "changed", "--base", repo.base(), "--head", repo.head())));
        same("changed: java -jar slipway.jar changed vs git diff + awk", listMap(cliChanged), listMap(awk));
        int files = lines(Proc.check(repo.dir(),
                "git", "diff", "--no-renames", "--name-only", repo.base(), repo.head())).size();
        System.out.printf("%ncheck: versions of %d services agree (Slipway in-process, Slipway CLI, git CLI loop,"
                + " generator); changed agrees on %d of %d services (%d files differ)%n",
                loop.size(), awk.size(), inProcess.size(), files);
    }

    /**
     * The manifest edit of Slipway and of grep + sed, on the two identical copies, must give identical trees.
     * Both copies get the same version first, then the check version; afterwards they must be equal byte
     * for byte, and the marker lines must hold the check version.
     */
    private static void checkManifests(ManifestTree tree, boolean baselinesOnly) throws CheckFailed {
        String service = tree.service();
        String env = ManifestBenchmark.ENV;
        List<String> slipwayFiles = List.of();
        for (String version : ManifestBenchmark.VERSIONS) {
            Proc.check(tree.sed(), BenchEnv.bash("manifest-sed.sh", tree.sed().toString(), env, service, version));
            if (!baselinesOnly) {
                slipwayFiles = ManifestEditMain.deploy(tree.slipway(),
                        dev.slipway.core.manifest.ManifestSource.walk(tree.slipway()), env,
                        dev.slipway.api.ServiceId.of(service), version);
            }
        }
        String marker = "# " + env + "_" + service;
        List<String> markerLines = lines(Proc.check(tree.sed(), List.of("grep", "-rhF", "--", marker, ".")));
        long updated = markerLines.stream().filter(l -> l.contains(ManifestBenchmark.VERSIONS[1])).count();
        if (updated != markerLines.size() || updated < 2) {
            throw new CheckFailed("manifests: grep + sed set " + updated + " of " + markerLines.size() + " marker lines");
        }
        if (baselinesOnly) {
            System.out.printf("%ncheck: grep + sed set %d marker lines (Slipway not checked: --baselines-only)%n",
                    updated);
            return;
        }
        List<String> differing = new ArrayList<>();
        try (java.util.stream.Stream<Path> files = Files.walk(tree.sed())) {
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                Path other = tree.slipway().resolve(tree.sed().relativize(f).toString());
                if (!java.util.Arrays.equals(Files.readAllBytes(f), Files.readAllBytes(other))) {
                    differing.add(tree.sed().relativize(f).toString());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!differing.isEmpty()) {
            throw new CheckFailed("manifests: Slipway and grep + sed disagree on " + differing.size() + " files: "
                    + differing.subList(0, Math.min(10, differing.size())));
        }
        System.out.printf("%ncheck: manifests: Slipway and grep + sed give identical trees (%d marker lines in %d files"
                + " changed by each)%n", updated, slipwayFiles.size());
    }

    /**
     * Both parsers read the same corpus: Slipway's results against conventional-commits-parser's (with the
     * conventionalcommits preset's options), message by message; they must agree on at least 95% of them (the
     * rest are the documented differences: merge commits, fixups, scopes with parentheses, ...).
     */
    private static String checkParse(boolean baselinesOnly) throws CheckFailed {
        List<String> messages = CommitCorpus.read(BenchEnv.corpus());
        List<String> node = Proc.check(BenchEnv.nodeDir(), BenchEnv.node("check")).lines().toList();
        if (node.size() != messages.size()) {
            throw new CheckFailed("node parsed " + node.size() + " messages of " + messages.size());
        }
        int conventional = 0;
        int nodeTyped = 0;
        int agree = 0;
        int breaking = 0;
        Map<String, Integer> differences = new TreeMap<>();
        for (int i = 0; i < messages.size(); i++) {
            String[] n = node.get(i).split("\t", -1);
            Optional<dev.slipway.api.ConventionalCommit> c = dev.slipway.api.ConventionalCommit.parse(messages.get(i));
            String type = c.map(dev.slipway.api.ConventionalCommit::type).orElse("");
            String scope = c.flatMap(dev.slipway.api.ConventionalCommit::scope).orElse("").replaceAll("[\t\r\n]", " ");
            String subject = c.map(dev.slipway.api.ConventionalCommit::description).orElse("").replaceAll("[\t\r\n]", " ");
            boolean brk = c.map(dev.slipway.api.ConventionalCommit::isBreaking).orElse(false);
            conventional += c.isPresent() ? 1 : 0;
            nodeTyped += n[0].isEmpty() ? 0 : 1;
            breaking += brk ? 1 : 0;
            boolean same = type.equals(n[0]) && scope.equals(n[1]) && subject.strip().equals(n[2].strip())
                    && brk == Boolean.parseBoolean(n[3]);
            if (same) {
                agree++;
            } else {
                String first = messages.get(i).lines().findFirst().orElse("");
                String kind = first.startsWith("Merge ") ? "merge commit" : first.startsWith("fixup!")
                        || first.startsWith("squash!") ? "fixup!/squash!" : brk != Boolean.parseBoolean(n[3])
                        ? "breaking-change detection" : !type.equals(n[0]) ? "type" : !scope.equals(n[1]) ? "scope" : "subject";
                differences.merge(kind, 1, Integer::sum);
            }
        }
        String summary = String.format(Locale.ROOT, "%ncheck: parse: Slipway reads %,d of %,d messages as"
                + " conventional (%,d breaking), conventional-commits-parser gives a type to %,d; both agree on type,"
                + " scope, description and breaking for %,d (%.2f%%); differences: %s%n", conventional, messages.size(),
                breaking, nodeTyped, agree, 100.0 * agree / messages.size(), differences);
        if (agree < messages.size() * 0.95) {
            throw new CheckFailed(summary.strip());
        }
        return summary;
    }

    private static Map<String, String> cliLoop(BenchRepo repo) {
        Map<String, String> out = new TreeMap<>();
        for (String line : lines(Proc.check(repo.dir(), BenchEnv.bash("versions-loop.sh", repo.dir().toString())))) {
            String[] parts = line.split(" ");
            out.put(parts[0], parts[1]);
        }
        return out;
    }

    /** The loop's X.Y.Z-rcNNNN-gSHA against the generator's base and count, and HEAD's id. */
    private static void checkAgainstGenerator(BenchRepo repo, Map<String, String> loop) throws CheckFailed {
        Map<String, String> fromLoop = new TreeMap<>();
        Map<String, String> expected = repo.expected();
        for (Map.Entry<String, String> e : loop.entrySet()) {
            String v = e.getValue();
            int rc = v.indexOf("-rc");
            int g = v.indexOf("-g", rc);
            if (rc < 0 || g < 0 || !repo.head().startsWith(v.substring(g + 2)) || v.length() - g - 2 != 7) {
                throw new CheckFailed("the git CLI loop printed " + e.getKey() + " " + v + "; expected -rcNNNN-g"
                        + repo.head().substring(0, 7));
            }
            fromLoop.put(e.getKey(), v.substring(0, rc) + " " + Long.parseLong(v.substring(rc + 3, g)));
        }
        same("versions: the git CLI loop vs the generator's expectation", fromLoop, expected);
    }

    private static void same(String what, Map<String, String> actual, Map<String, String> expected) throws CheckFailed {
        if (actual.equals(expected)) {
            return;
        }
        List<String> diffs = new ArrayList<>();
        TreeMap<String, String> keys = new TreeMap<>(actual);
        expected.forEach(keys::putIfAbsent);
        for (String k : keys.keySet()) {
            String a = actual.get(k);
            String b = expected.get(k);
            if (a == null ? b != null : !a.equals(b)) {
                diffs.add(k + ": " + a + " vs " + b);
            }
        }
        throw new CheckFailed(what + " differ in " + diffs.size() + " entries (" + actual.size() + " vs "
                + expected.size() + "): " + String.join("; ", diffs.subList(0, Math.min(10, diffs.size())))
                + (diffs.size() > 10 ? "; ..." : ""));
    }

    private static Map<String, String> listMap(List<String> list) {
        Map<String, String> m = new LinkedHashMap<>();
        list.forEach(s -> m.put(s, "changed"));
        return new TreeMap<>(m);
    }

    private static List<String> lines(String text) {
        return text.lines().filter(l -> !l.isBlank()).toList();
    }

    // ---------------------------------------------------------------- the table

    private record Row(String measure, String slipway, String baseline, String baselineName, double target) {
    }

    private static String table(Map<String, double[]> s, BenchRepo repo, ManifestTree tree, boolean parse) {
        List<Row> rows = new ArrayList<>();
        if (parse) {
            rows.addAll(List.of(
                new Row(String.format(Locale.ROOT, "parse %,d commit messages, warm (in-process / warm node)",
                        CommitCorpus.SIZE), PARSE + "slipwayWarm", PARSE + "nodeWarm",
                        "conventional-commits-parser on node", 0.1),
                new Row("parse the corpus, one-shot (a whole `java` / `node` process)", PARSE + "slipwayOneShot",
                        PARSE + "nodeOneShot", "conventional-commits-parser on node", Double.NaN)));
        }
        if (repo != null) {
            rows.addAll(List.of(
                new Row(String.format(Locale.ROOT, "versions of all %d services, warm (in-process)",
                        repo.number("services")), VERSIONS + "slipwayWarm", VERSIONS + "gitCliLoop",
                        "git CLI loop (bash)", 0.5),
                new Row("versions of all services, one-shot (`java -jar slipway.jar version --all`)",
                        VERSIONS + "slipwayOneShot", VERSIONS + "gitCliLoop", "git CLI loop (bash)", Double.NaN),
                new Row(String.format(Locale.ROOT, "changed services %,d commits apart, warm (in-process)",
                        repo.distance()), CHANGED + "slipwayWarm", CHANGED + "gitDiffBare",
                        "bare `git diff --name-only`", 1.5),
                new Row("changed services, one-shot (`java -jar slipway.jar changed`)", CHANGED + "slipwayOneShot",
                        CHANGED + "gitDiffBare", "bare `git diff --name-only`", Double.NaN),
                new Row("changed services, warm (in-process)", CHANGED + "slipwayWarm", CHANGED + "gitDiffAwk",
                        "`git diff` + awk matching", Double.NaN),
                new Row("changed services, one-shot", CHANGED + "slipwayOneShot", CHANGED + "gitDiffAwk",
                        "`git diff` + awk matching", Double.NaN)));
        }
        if (tree != null) {
            String sed = "`grep -rlF \\| xargs sed -i`";
            rows.addAll(List.of(
                new Row("deploy one service: scan + edit 5,000 values files, warm, files listed by walking the tree",
                        MANIFESTS + "slipwayWalk", MANIFESTS + "grepSed", sed, 2.0),
                new Row("deploy one service, warm, files listed from the git index (as `deploy` lists a work tree)",
                        MANIFESTS + "slipwayIndex", MANIFESTS + "grepSed", sed, 2.0),
                new Row("deploy one service, one-shot (a whole JVM process)", MANIFESTS + "slipwayOneShot",
                        MANIFESTS + "grepSed", sed, Double.NaN)));
        }
        return table(s, rows);
    }

    private static String table(Map<String, double[]> s, List<Row> rows) {
        double[] spawn = s.get(CHANGED + "spawnTrue");
        StringBuilder sb = new StringBuilder();
        sb.append("## Results (mean time per operation, ± 99.9% confidence half-width)\n\n");
        sb.append("| measure | Slipway | baseline | baseline time | ratio Slipway / baseline | target | met |\n");
        sb.append("|---|---:|---|---:|---:|---:|---|\n");
        for (Row r : rows) {
            double[] a = s.get(r.slipway());
            double[] b = s.get(r.baseline());
            String ratio = a != null && b != null ? String.format(Locale.ROOT, "%.3f", a[0] / b[0]) : "-";
            String target = Double.isNaN(r.target()) ? "-" : String.format(Locale.ROOT, "≤ %.1f", r.target());
            String met = Double.isNaN(r.target()) || a == null || b == null ? "-" : a[0] / b[0] <= r.target() ? "yes" : "**no**";
            sb.append("| ").append(r.measure()).append(" | ").append(ms(a)).append(" | ").append(r.baselineName())
                    .append(" | ").append(ms(b)).append(" | ").append(ratio).append(" | ").append(target).append(" | ")
                    .append(met).append(" |\n");
        }
        double[] warm = s.get(PARSE + "slipwayWarm");
        double[] nodeWarm = s.get(PARSE + "nodeWarm");
        if (warm != null && nodeWarm != null) {
            sb.append(String.format(Locale.ROOT, "%nParsing throughput, warm: Slipway %,.0f messages/s,"
                    + " conventional-commits-parser %,.0f messages/s: %.1fx%n", CommitCorpus.SIZE / warm[0] * 1000,
                    CommitCorpus.SIZE / nodeWarm[0] * 1000, nodeWarm[0] / warm[0]));
            double[] a = s.get(PARSE + "slipwayOneShot");
            double[] b = s.get(PARSE + "nodeOneShot");
            if (a != null && b != null) {
                sb.append(String.format(Locale.ROOT, "One-shot (process start, loading and one pass): Slipway %s,"
                        + " node %s: %.1fx%n", ms(a), ms(b), b[0] / a[0]));
            }
        }
        if (spawn != null) {
            sb.append("\nStarting a process (`true`) from the harness costs ").append(ms(spawn))
                    .append("; it is part of every process figure above.\n");
        }
        sb.append("\nAll benchmarks (ms/op):\n\n");
        new TreeMap<>(s).forEach((k, v) -> sb.append("- ").append(k.substring(k.lastIndexOf('.', k.lastIndexOf('.') - 1) + 1))
                .append(": ").append(ms(v)).append('\n'));
        return sb.toString();
    }

    private static String ms(double[] score) {
        if (score == null) {
            return "not run";
        }
        String err = Double.isNaN(score[1]) ? "" : String.format(Locale.ROOT, " ± %s", num(score[1]));
        return num(score[0]) + err + " ms";
    }

    private static String num(double v) {
        return v >= 100 ? String.format(Locale.ROOT, "%,.0f", v) : v >= 10 ? String.format(Locale.ROOT, "%.1f", v)
                : String.format(Locale.ROOT, "%.2f", v);
    }
}
