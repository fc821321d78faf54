package dev.slipway.tck.git;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.api.CommitId;
import dev.slipway.spi.GitBackend;
import dev.slipway.spi.GitCommit;
import dev.slipway.spi.GitRepository;
import dev.slipway.spi.GitTag;
import dev.slipway.tck.git.GeneratedHistory.Clock;
import dev.slipway.tck.git.GeneratedHistory.Step;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tag;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.lifecycle.BeforeProperty;

/**
 * The git contract's rules on generated histories: random commits on several branches, branches from any
 * commit, merges (including merges of ancestors), unrelated roots, lightweight and annotated tags, files
 * that become directories, and committer clocks that go backwards or stand still. Each try builds a real repository with
 * {@code git fast-import} and compares the backend with the git command line. An adapter's test extends
 * this class and implements {@link #createBackend()}; jqwik runs it (jqwik does not run inside Jupiter
 * {@code @Nested} classes, hence a class of its own). Each property makes at most 25 tries, since each
 * try starts git processes.
 *
 * @see GitBackendContract the rules and the example-based checks
 */
public abstract class GitBackendProperties {

    private static Path root;
    private static GitOracle git;
    private static final AtomicInteger REPOSITORIES = new AtomicInteger();

    private GitBackend backend;

    /**
     * Creates the backend under test. Called before each property.
     *
     * @return a new backend
     */
    protected abstract GitBackend createBackend();

    /**
     * Creates this kit; subclasses declare their own no-arg constructor.
     */
    protected GitBackendProperties() {
    }

    @BeforeContainer
    static void createGitPropertiesWorld() throws IOException {
        root = Files.createTempDirectory("slipway-git-properties");
        git = new GitOracle(new GitCli(root.resolve("home")));
    }

    @AfterContainer
    static void deleteGitPropertiesWorld() {
        if (root == null) {
            return;
        }
        // best effort: a git process of an abandoned shrinking run may still be writing
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                path.toFile().delete();
            }
        } catch (IOException | UncheckedIOException e) {
            // left for the system's temporary-file cleanup
        }
        root = null;
    }

    @BeforeProperty
    void createGitBackendUnderTest() {
        backend = createBackend();
        assertThat(backend).as("createBackend()").isNotNull();
    }

    /**
     * Histories of up to 40 steps.
     *
     * @return the generated steps
     */
    @Provide
    Arbitrary<List<Step>> histories() {
        Arbitrary<Integer> choice = Arbitraries.integers().between(0, 1_000);
        return Combinators.combine(Arbitraries.integers().between(0, 11), choice, choice, choice).as(Step::new)
                .list().ofMinSize(1).ofMaxSize(40);
    }

    /**
     * Numbers that pick commits of a history.
     *
     * @return eight choices
     */
    @Provide
    Arbitrary<List<Integer>> picks() {
        return Arbitraries.integers().between(0, 100_000).list().ofSize(8);
    }

    /**
     * {@code GIT-5}: the count equals {@code git rev-list --count INCLUDE... ^EXCLUDE...}.
     *
     * @param steps the history
     * @param picks the commits to include and exclude
     * @param clock how committer clocks behave
     */
    @Property(tries = 25)
    @Tag("GIT-5")
    @Label("GIT-5: count equals git rev-list --count")
    void countEqualsRevListCount(@ForAll("histories") List<Step> steps, @ForAll("picks") List<Integer> picks,
            @ForAll Clock clock) {
        GeneratedHistory history = build(steps, clock);
        List<String> include = includes(history, picks);
        List<String> exclude = excludes(history, picks);
        try (GitRepository repository = backend.open(history.repository())) {
            assertThat(repository.count(ids(include), ids(exclude))).as("count(%s, %s)", include, exclude)
                    .isEqualTo(git.count(history.repository(), include, exclude));
        }
    }

    /**
     * {@code GIT-6}: a walk reports the commits of {@code git rev-list}, each once, children before parents,
     * with parents and changed paths as git reports them.
     *
     * @param steps the history
     * @param picks the commits to include and exclude
     * @param clock how committer clocks behave
     */
    @Property(tries = 25)
    @Tag("GIT-6")
    @Label("GIT-6: walk equals git rev-list, children before parents, paths as git log")
    void walkEqualsRevList(@ForAll("histories") List<Step> steps, @ForAll("picks") List<Integer> picks,
            @ForAll Clock clock) {
        GeneratedHistory history = build(steps, clock);
        List<String> include = includes(history, picks);
        List<String> exclude = excludes(history, picks);
        Map<String, GitOracle.Commit> expected = new HashMap<>();
        git.revList(history.repository(), include, exclude).forEach(commit -> expected.put(commit.id(), commit));
        Map<String, List<String>> expectedPaths = git.changedPathsPerCommit(history.repository(), include, exclude);
        try (GitRepository repository = backend.open(history.repository())) {
            List<GitCommit> commits = repository.walk(ids(include), ids(exclude), true);
            assertThat(commits).extracting(commit -> commit.id().hex()).doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(expected.keySet());
            assertChildrenBeforeParents(commits);
            for (GitCommit commit : commits) {
                assertThat(commit.parents()).extracting(CommitId::hex).as("parents of %s", commit.id())
                        .isEqualTo(expected.get(commit.id().hex()).parents());
                assertThat(commit.changedPaths()).as("paths of %s", commit.id())
                        .isEqualTo(expectedPaths.get(commit.id().hex()));
            }
        }
    }

    /**
     * {@code GIT-9}: {@code isAncestor} agrees with {@code git tag --merged} and with {@code git rev-list}.
     *
     * @param steps the history
     * @param picks the commit to look from
     * @param clock how committer clocks behave
     */
    @Property(tries = 25)
    @Tag("GIT-9")
    @Label("GIT-9: isAncestor agrees with git tag --merged and git rev-list")
    void isAncestorAgreesWithTagMerged(@ForAll("histories") List<Step> steps, @ForAll("picks") List<Integer> picks,
            @ForAll Clock clock) {
        GeneratedHistory history = build(steps, clock);
        String head = history.pick(picks.get(0));
        Set<String> reachable = new HashSet<>(git.git().lines(history.repository(), "rev-list", head, "--"));
        try (GitRepository repository = backend.open(history.repository())) {
            List<String> merged = new ArrayList<>();
            for (GitTag tag : repository.tags()) {
                if (repository.isAncestor(tag.commit(), CommitId.of(head))) {
                    merged.add(tag.name());
                }
            }
            assertThat(merged).as("tags merged into %s", head)
                    .containsExactlyInAnyOrderElementsOf(git.tagsMerged(history.repository(), head));
            for (String commit : history.commits()) {
                assertThat(repository.isAncestor(CommitId.of(commit), CommitId.of(head)))
                        .as("isAncestor(%s, %s)", commit, head).isEqualTo(reachable.contains(commit));
            }
        }
    }

    /**
     * {@code GIT-7}: changed paths equal {@code git diff --no-renames --name-only FROM TO}.
     *
     * @param steps the history
     * @param picks the commits to compare
     */
    @Property(tries = 25)
    @Tag("GIT-7")
    @Label("GIT-7: changedPaths equals git diff --no-renames --name-only")
    void changedPathsEqualGitDiff(@ForAll("histories") List<Step> steps, @ForAll("picks") List<Integer> picks) {
        GeneratedHistory history = build(steps, Clock.MONOTONIC);
        try (GitRepository repository = backend.open(history.repository())) {
            for (int i = 0; i < 4; i += 2) {
                String from = history.pick(picks.get(i));
                String to = history.pick(picks.get(i + 1));
                assertThat(repository.changedPaths(CommitId.of(from), CommitId.of(to))).as("changedPaths(%s, %s)", from, to)
                        .isEqualTo(git.diff(history.repository(), from, to));
            }
        }
    }

    /**
     * {@code GIT-9}: the merge base equals {@code git merge-base A B}.
     *
     * @param steps the history
     * @param picks the commits to compare
     * @param skew whether committer clocks go backwards
     */
    @Property(tries = 25)
    @Tag("GIT-9")
    @Label("GIT-9: mergeBase equals git merge-base")
    void mergeBaseEqualsGit(@ForAll("histories") List<Step> steps, @ForAll("picks") List<Integer> picks,
            @ForAll boolean skew) {
        // distinct commit times (skewed or not): with equal times, which of several best merge bases git
        // prints depends on its queue order
        GeneratedHistory history = build(steps, skew ? Clock.SKEWED : Clock.MONOTONIC);
        try (GitRepository repository = backend.open(history.repository())) {
            for (int i = 0; i < 4; i += 2) {
                String a = history.pick(picks.get(i));
                String b = history.pick(picks.get(i + 1));
                assertThat(repository.mergeBase(CommitId.of(a), CommitId.of(b))).as("mergeBase(%s, %s)", a, b)
                        .isEqualTo(git.mergeBase(history.repository(), a, b).map(CommitId::of));
            }
        }
    }

    /**
     * {@code GIT-8}: per path, the commits holding it equal those of {@code git rev-list} that pass
     * {@code git cat-file -e COMMIT:PATH}.
     *
     * @param steps the history
     * @param picks the head commit
     */
    @Property(tries = 25)
    @Tag("GIT-8")
    @Label("GIT-8: countCommitsHolding equals git rev-list and git cat-file -e")
    void countCommitsHoldingEqualsGit(@ForAll("histories") List<Step> steps, @ForAll("picks") List<Integer> picks) {
        GeneratedHistory history = build(steps, Clock.MONOTONIC);
        String head = history.pick(picks.get(0));
        try (GitRepository repository = backend.open(history.repository())) {
            assertThat(new TreeMap<>(repository.countCommitsHolding(CommitId.of(head), GeneratedHistory.PATHS)))
                    .isEqualTo(new TreeMap<>(git.countCommitsHolding(history.repository(), head, GeneratedHistory.PATHS)));
        }
    }

    /**
     * {@code GIT-4}: the tags equal git's, peeled, in name order.
     *
     * @param steps the history
     */
    @Property(tries = 25)
    @Tag("GIT-4")
    @Label("GIT-4: tags equal git for-each-ref, peeled")
    void tagsEqualGit(@ForAll("histories") List<Step> steps) {
        GeneratedHistory history = build(steps, Clock.MONOTONIC);
        try (GitRepository repository = backend.open(history.repository())) {
            assertThat(repository.tags()).isEqualTo(git.tags(history.repository()));
        }
    }

    private static GeneratedHistory build(List<Step> steps, Clock clock) {
        Path directory = root.resolve("repository-" + REPOSITORIES.incrementAndGet());
        return GeneratedHistory.build(git.git(), directory, steps, clock);
    }

    private static List<String> includes(GeneratedHistory history, List<Integer> picks) {
        List<String> include = new ArrayList<>(List.of(history.pick(picks.get(0))));
        if (picks.get(1) % 2 == 0) {
            include.add(history.pick(picks.get(2)));
        }
        return include;
    }

    private static List<String> excludes(GeneratedHistory history, List<Integer> picks) {
        List<String> exclude = new ArrayList<>();
        if (picks.get(3) % 3 != 0) {
            exclude.add(history.pick(picks.get(4)));
        }
        if (picks.get(5) % 4 == 0) {
            exclude.add(history.pick(picks.get(6)));
        }
        return exclude;
    }

    private static List<CommitId> ids(List<String> hex) {
        return hex.stream().map(CommitId::of).toList();
    }

    static void assertChildrenBeforeParents(List<GitCommit> commits) {
        Map<CommitId, Integer> position = new HashMap<>();
        for (int i = 0; i < commits.size(); i++) {
            position.put(commits.get(i).id(), i);
        }
        for (int i = 0; i < commits.size(); i++) {
            for (CommitId parent : commits.get(i).parents()) {
                Integer at = position.get(parent);
                assertThat(at == null || at > i).as("%s (at %d) comes before its parent %s (at %s)",
                        commits.get(i).id(), i, parent, at).isTrue();
            }
        }
    }
}
