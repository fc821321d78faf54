package dev.slipway.tck.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.slipway.api.CommitId;
import dev.slipway.api.InvalidInputException;
import dev.slipway.spi.FileChange;
import dev.slipway.spi.GitBackend;
import dev.slipway.spi.GitCommit;
import dev.slipway.spi.GitRepository;
import dev.slipway.spi.GitTag;
import dev.slipway.spi.PushResult;
import dev.slipway.spi.PushSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The contract every {@link GitBackend} passes: rules {@code GIT-1} to {@code GIT-21} of {@link GitBackend}
 * and {@link GitRepository} (reading, and from {@code GIT-12} on, writing), each test tagged with the rule it
 * checks. An adapter's test extends this
 * class and implements {@link #createBackend()}:
 *
 * <pre>{@code
 * class MyGitBackendTest extends GitBackendContract {
 *     @Override
 *     protected GitBackend createBackend() {
 *         return new MyGitBackend();
 *     }
 * }
 * }</pre>
 *
 * <p>The kit brings its own world: real repositories that the git command line builds in a temporary
 * directory, once per run (a history with merges, an octopus, a criss-cross, renames, a file replaced by a
 * directory, a second root; lightweight, annotated and nested tags, tags of trees and blobs; a linked
 * work tree; a bare, a detached, two shallow and a partial clone; an empty repository; a repository
 * crowded enough for ambiguous abbreviations). The git command line is the oracle of every rule: each expectation is what
 * git answers, run with a private home, no system configuration and fixed identities and dates, so
 * nothing of the machine's configuration and no network is involved. It needs {@code git} 2.31 or newer
 * on the {@code PATH}.
 *
 * <p>The write rules run in fresh repositories per test: a bare remote, a clone of it whose repository
 * configuration names the writer ({@code user.name}, {@code user.email}: the backend's identity, rule
 * {@code GIT-13}), and clones the git command line writes through as other writers. Remote failures use
 * {@code 127.0.0.1} on a closed port, never the network.
 *
 * <p>The backend is created before each test (in {@link BeforeEach}), so subclass fields are set by then;
 * repositories opened by a test are closed after it.
 *
 * @see GitBackendProperties the same rules checked on generated histories
 */
public abstract class GitBackendContract {

    @TempDir
    static Path worldDirectory;

    private static GitWorld world;
    private static GitOracle git;

    private GitBackend backend;
    private final List<GitRepository> opened = new ArrayList<>();

    /**
     * Creates the backend under test. Called before each test.
     *
     * @return a new backend
     */
    protected abstract GitBackend createBackend();

    /**
     * Creates this kit; subclasses declare their own no-arg constructor.
     */
    protected GitBackendContract() {
    }

    @BeforeAll
    static void buildGitWorld() {
        world = new GitWorld(worldDirectory);
        git = new GitOracle(world.git());
    }

    @AfterAll
    static void dropGitWorld() {
        world = null;
        git = null;
    }

    @BeforeEach
    void createGitBackendUnderTest() {
        backend = createBackend();
        assertThat(backend).as("createBackend()").isNotNull();
    }

    @AfterEach
    void closeOpenedRepositories() {
        for (GitRepository repository : opened) {
            repository.close();
        }
        opened.clear();
    }

    private GitRepository open(Path directory) {
        GitRepository repository = backend.open(directory);
        assertThat(repository).as("open(%s)", directory).isNotNull();
        opened.add(repository);
        return repository;
    }

    private static CommitId id(String name) {
        return CommitId.of(world.commit(name));
    }

    private static List<String> hex(Collection<CommitId> ids) {
        return ids.stream().map(CommitId::hex).toList();
    }

    /** An id of the right shape that names no object of the world's repositories. */
    private static final CommitId ABSENT = CommitId.of("5afe0000c0ffee00000000000000000000000042");

    @Nested
    @DisplayName("GIT-1, GIT-2: opening a repository")
    class Opening {

        @Test
        @Tag("GIT-1")
        @DisplayName("GIT-1: a work tree opens at its root")
        void workTreeRoot() {
            Path main = world.main();
            assertThat(open(main).resolve("HEAD")).contains(id("m13"));
        }

        @Test
        @Tag("GIT-1")
        @DisplayName("GIT-1: a work tree opens from a directory inside it")
        void insideWorkTree() {
            Path inside = world.main().resolve("services/web");
            assertThat(inside).isDirectory();
            assertThat(open(inside).resolve("HEAD")).contains(id("m13"));
        }

        @Test
        @Tag("GIT-1")
        @DisplayName("GIT-1: a linked work tree (git worktree add) opens with its own HEAD and the shared refs")
        void linkedWorkTree() {
            GitRepository repository = open(world.linked().resolve("services"));
            assertThat(repository.resolve("HEAD")).contains(id("m10"));
            assertThat(repository.resolve("main")).contains(id("m13"));
            assertThat(repository.tags()).isEqualTo(git.tags(world.main()));
            assertThat(repository.isShallow()).isFalse();
        }

        @Test
        @Tag("GIT-1")
        @DisplayName("GIT-1: a bare repository opens")
        void bare() {
            GitRepository repository = open(world.bare());
            assertThat(repository.resolve("HEAD")).contains(id("m13"));
            assertThat(repository.resolve("feature")).contains(id("f2"));
        }

        @Test
        @Tag("GIT-1")
        @DisplayName("GIT-1: a directory in no repository is an InvalidInputException naming it")
        void notARepository() {
            Path outside = world.outside();
            assumeTrue(!git.insideRepository(outside),
                    "the temporary directory " + outside + " is inside a git repository");
            assertThatThrownBy(() -> open(outside))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining(outside.toString());
        }

        @Test
        @Tag("GIT-2")
        @DisplayName("GIT-2: opening and reading write nothing into the repository")
        void writesNothingIntoTheRepository(@TempDir Path scratch) {
            Path repository = world.fresh(scratch);
            Map<String, String> before = snapshot(repository);
            readEverything(repository);
            readEverything(repository.resolve("services/web"));
            assertThat(snapshot(repository)).isEqualTo(before);
        }

        @Test
        @Tag("GIT-2")
        @DisplayName("GIT-2: opening and reading write nothing into the user's home (git and JGit configuration)")
        void writesNothingIntoTheHome(@TempDir Path scratch) {
            Path repository = world.fresh(scratch);
            Map<String, String> before = homeSnapshot();
            readEverything(repository);
            assertThat(homeSnapshot()).isEqualTo(before);
        }

        private void readEverything(Path directory) {
            try (GitRepository repository = backend.open(directory)) {
                CommitId head = repository.resolve("HEAD").orElseThrow();
                CommitId first = repository.resolve("HEAD~1").orElseThrow();
                assertThat(repository.resolve("v1")).contains(head);
                assertThat(repository.resolve(head.abbreviate(7))).contains(head);
                assertThat(repository.tags()).extracting(GitTag::name).containsExactly("v1");
                assertThat(repository.count(List.of(head), List.of())).isEqualTo(2);
                assertThat(repository.walk(List.of(head), List.of(), true)).hasSize(2);
                assertThat(repository.changedPaths(first, head)).containsExactly("README.md");
                assertThat(repository.readFile(head, "README.md")).isPresent();
                assertThat(repository.treeId(head, "services")).isPresent();
                assertThat(repository.countCommitsHolding(head, List.of("services/web"))).containsEntry("services/web", 2L);
                assertThat(repository.mergeBase(first, head)).contains(first);
                assertThat(repository.isAncestor(first, head)).isTrue();
                assertThat(repository.isShallow()).isFalse();
                assertThat(repository.isPartial()).isFalse();
            }
        }
    }

    @Nested
    @DisplayName("GIT-21: creating a repository")
    class Creating {

        @Test
        @Tag("GIT-21")
        @DisplayName("GIT-21: init creates a work tree whose HEAD names the branch and no commit, and that git reads")
        void workTree(@TempDir Path scratch) {
            Path dir = scratch.resolve("new/platform");
            backend.init(dir, false, "main");
            GitCli cli = git.git();
            assertThat(cli.text(dir, "rev-parse", "--is-bare-repository")).isEqualTo("false");
            assertThat(cli.text(dir, "symbolic-ref", "HEAD")).isEqualTo("refs/heads/main");
            assertThat(cli.run(dir, "rev-parse", "--verify", "-q", "HEAD").ok()).isFalse();
            GitRepository repository = open(dir);
            assertThat(repository.resolve("HEAD")).isEmpty();
            assertThat(repository.currentBranch()).contains("main");
        }

        @Test
        @Tag("GIT-21")
        @DisplayName("GIT-21: init creates a bare repository that git reads as bare")
        void bare(@TempDir Path scratch) {
            Path dir = scratch.resolve("remote.git");
            backend.init(dir, true, "trunk");
            GitCli cli = git.git();
            assertThat(cli.text(dir, "rev-parse", "--is-bare-repository")).isEqualTo("true");
            assertThat(cli.text(dir, "symbolic-ref", "HEAD")).isEqualTo("refs/heads/trunk");
            assertThat(open(dir).resolve("HEAD")).isEmpty();
        }

        @Test
        @Tag("GIT-21")
        @DisplayName("GIT-21: a directory that already holds a repository is refused, naming it, and left as it was")
        void existing(@TempDir Path scratch) {
            Path repository = world.fresh(scratch);
            Map<String, String> before = snapshot(repository);
            assertThatThrownBy(() -> backend.init(repository, false, "main")).isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining(repository.toString());
            assertThatThrownBy(() -> backend.init(repository.resolve(".git"), true, "main"))
                    .isInstanceOf(InvalidInputException.class);
            assertThat(snapshot(repository)).isEqualTo(before);
        }

        @Test
        @Tag("GIT-21")
        @DisplayName("GIT-21: an invalid branch name is refused")
        void invalidBranch(@TempDir Path scratch) {
            assertThatThrownBy(() -> backend.init(scratch.resolve("x"), false, "a..b"))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("a..b");
        }
    }

    @Nested
    @DisplayName("GIT-3: resolving a revision")
    class Resolving {

        @Test
        @Tag("GIT-3")
        @DisplayName("GIT-3: a full id resolves to its commit, in lower or upper case")
        void fullIds() {
            assertResolvesLikeGit(world.main(), world.commit("m4"), world.commit("m4").toUpperCase(Locale.ROOT), world.commit("u0"));
            assertThat(open(world.main()).resolve(world.commit("m4"))).contains(id("m4"));
        }

        @Test
        @Tag("GIT-3")
        @DisplayName("GIT-3: a unique abbreviation (alone or in git describe output) resolves to its commit")
        void abbreviations() {
            String m3 = world.commit("m3");
            String shortest = git.git().text(world.main(), "rev-parse", "--short=4", m3);
            assertResolvesLikeGit(world.main(), m3.substring(0, 7), m3.substring(0, 12), shortest,
                    "v0.1.1-5-g" + m3.substring(0, 7), m3.substring(0, 7).toUpperCase(Locale.ROOT));
            assertThat(open(world.main()).resolve(shortest)).contains(id("m3"));
        }

        @Test
        @Tag("GIT-3")
        @DisplayName("GIT-3: HEAD, branch names and refs/ names resolve as git rev-parse resolves them")
        void refs() {
            assertResolvesLikeGit(world.main(), "HEAD", "@", "main", "feature", "side", "orphan", "cross-x",
                    "refs/heads/main", "refs/heads/feature", "heads/side");
            assertThat(open(world.main()).resolve("feature")).contains(id("f2"));
        }

        @Test
        @Tag("GIT-3")
        @DisplayName("GIT-3: tags resolve to the commit they peel to: lightweight, annotated and a tag of a tag")
        void tags() {
            assertResolvesLikeGit(world.main(), "v0.1.0", "v0.1.1", "nested", "refs/tags/v0.1.1", "tags/nested",
                    "services/web@0.1.0", "refs/tags/services/web@0.1.0", "feature-done", "side-tag", "orphan-tag");
            GitRepository repository = open(world.main());
            assertThat(repository.resolve("v0.1.1")).contains(id("m1"));
            assertThat(repository.resolve("nested")).contains(id("m1"));
            assertThat(repository.resolve("refs/tags/services/web@0.1.0")).contains(id("m3"));
        }

        @Test
        @Tag("GIT-3")
        @DisplayName("GIT-3: REV~N follows first parents and REV^N picks the N-th parent")
        void ancestry() {
            assertResolvesLikeGit(world.main(), "main~2", "main^", "main^1", "main^2", "main^0", "main~0", "HEAD~3^2",
                    "HEAD~4^3", "HEAD~4^2~1", "v0.1.1~1", "feature-done^^", "HEAD~8^2", "HEAD~8^2^", "HEAD~9^2", "main~1^2",
                    world.commit("x2") + "^2", world.commit("m4").substring(0, 9) + "~2");
            GitRepository repository = open(world.main());
            assertThat(repository.resolve("main^2")).contains(id("u1"));
            assertThat(repository.resolve("HEAD~4^3")).contains(id("o2"));
            assertThat(repository.resolve("HEAD~8^2")).contains(id("s2"));
            assertThat(repository.resolve("HEAD~9^2")).contains(id("f2"));
            assertThat(repository.resolve("HEAD~13")).contains(id("m0"));
        }

        @Test
        @Tag("GIT-3")
        @DisplayName("GIT-3: a detached HEAD resolves to the commit it holds; remote-tracking names resolve as git does")
        void detachedHead() {
            assertResolvesLikeGit(world.detached(), "HEAD", "main", "HEAD^2", "origin", "origin/feature",
                    "remotes/origin/side", "refs/remotes/origin/main");
            assertThat(open(world.detached()).resolve("HEAD")).contains(id("m4"));
        }

        @Test
        @Tag("GIT-3")
        @DisplayName("GIT-3: an unknown revision is empty, not an error")
        void unknown() {
            List<String> unknown = List.of("no-such-branch", "refs/heads/nope", "main~999", "HEAD~14", "HEAD~12^2",
                    world.commit("m0") + "^", world.commit("m4") + "^3", ABSENT.hex(), "5afe0000c0ffee",
                    "tree-tag", "blob-tag", "blob-tag-tag", "v0.1.1^{tree}", world.commit("m1").substring(0, 3), "");
            assertResolvesLikeGit(world.main(), unknown.toArray(String[]::new));
            GitRepository repository = open(world.main());
            for (String revision : unknown) {
                assertThat(repository.resolve(revision)).as("resolve(\"%s\")", revision).isEmpty();
            }
        }

        @Test
        @Tag("GIT-3")
        @DisplayName("GIT-3: HEAD of a repository without commits is empty")
        void unbornHead() {
            assertResolvesLikeGit(world.empty(), "HEAD", "main");
            assertThat(open(world.empty()).resolve("HEAD")).isEmpty();
        }

        @Test
        @Tag("GIT-3")
        @DisplayName("GIT-3: an abbreviation shared by two commits is an InvalidInputException that names it")
        void ambiguousCommits() {
            Path crowded = world.crowded();
            Map<String, List<String>> byPrefix = prefixes(crowded, "commit");
            String prefix = byPrefix.entrySet().stream().filter(e -> e.getValue().size() >= 2).map(Map.Entry::getKey)
                    .findFirst().orElseThrow(() -> new AssertionError("the crowded repository has no shared 4-digit commit prefix"));
            GitCli.Result oracle = git.resolveVerbose(crowded, prefix);
            assertThat(oracle.ok()).as("git rev-parse %s", prefix).isFalse();
            assertThat(oracle.stderr()).as("git rev-parse %s", prefix).contains("ambiguous");
            GitRepository repository = open(crowded);
            assertThatThrownBy(() -> repository.resolve(prefix))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining(prefix)
                    .hasMessageContaining("ambiguous");
            assertThatThrownBy(() -> repository.resolve(prefix + "~1"))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining(prefix);
            String longer = byPrefix.get(prefix).get(0).substring(0, 12);
            assertThat(repository.resolve(longer)).contains(CommitId.of(byPrefix.get(prefix).get(0)));
        }

        @Test
        @Tag("GIT-3")
        @DisplayName("GIT-3: an abbreviation shared by one commit and trees or blobs resolves to the commit, as REV^{commit} does")
        void abbreviationSharedWithOtherObjects() {
            Path crowded = world.crowded();
            Map<String, List<String>> commits = prefixes(crowded, "commit");
            Map<String, List<String>> others = prefixes(crowded, "tree");
            prefixes(crowded, "blob").forEach((prefix, ids) -> others.merge(prefix, ids, (a, b) -> Stream.concat(a.stream(), b.stream()).toList()));
            String prefix = commits.entrySet().stream()
                    .filter(e -> e.getValue().size() == 1 && others.containsKey(e.getKey()))
                    .map(Map.Entry::getKey).findFirst()
                    .orElseThrow(() -> new AssertionError("the crowded repository has no prefix shared by a commit and another object"));
            assertResolvesLikeGit(crowded, prefix, prefix + "~1");
            assertThat(open(crowded).resolve(prefix)).contains(CommitId.of(commits.get(prefix).get(0)));
        }

        @Test
        @Tag("GIT-3")
        @DisplayName("GIT-3: in a shallow clone, a revision beyond the cut is empty")
        void beyondShallowCut() {
            assertResolvesLikeGit(world.shallow(1), "HEAD", "HEAD~1", "HEAD^2", "main");
            assertThat(open(world.shallow(1)).resolve("HEAD~1")).isEmpty();
            assertResolvesLikeGit(world.shallow(3), "HEAD~2", "HEAD~3", "HEAD^2", "HEAD~1^2");
        }

        private Map<String, List<String>> prefixes(Path repository, String type) {
            Map<String, List<String>> byPrefix = new TreeMap<>();
            git.objects(repository).forEach((object, objectType) -> {
                if (objectType.equals(type)) {
                    byPrefix.computeIfAbsent(object.substring(0, 4), p -> new ArrayList<>()).add(object);
                }
            });
            return byPrefix;
        }

        private void assertResolvesLikeGit(Path repository, String... revisions) {
            GitRepository backendRepository = open(repository);
            Map<String, Optional<CommitId>> expected = new LinkedHashMap<>();
            Map<String, Optional<CommitId>> actual = new LinkedHashMap<>();
            for (String revision : revisions) {
                expected.put(revision, git.resolve(repository, revision).map(CommitId::of));
                actual.put(revision, backendRepository.resolve(revision));
            }
            assertThat(actual).as("resolve(...) in %s against git rev-parse", repository.getFileName()).isEqualTo(expected);
        }
    }

    @Nested
    @DisplayName("GIT-4: listing tags")
    class Tags {

        @Test
        @Tag("GIT-4")
        @DisplayName("GIT-4: every tag that peels to a commit is listed with that commit, in name order, as git sees it")
        void likeGit() {
            List<GitTag> tags = open(world.main()).tags();
            assertThat(tags).isEqualTo(git.tags(world.main()));
            assertThat(tags).extracting(GitTag::name).isSorted();
        }

        @Test
        @Tag("GIT-4")
        @DisplayName("GIT-4: several tags on one commit are all listed; lightweight and annotated are told apart")
        void severalOnOneCommit() {
            assertThat(open(world.main()).tags()).filteredOn(tag -> tag.commit().equals(id("m1")))
                    .containsExactlyInAnyOrder(
                            new GitTag("nested", id("m1"), true),
                            new GitTag("v0.1.0", id("m1"), false),
                            new GitTag("v0.1.1", id("m1"), true));
        }

        @Test
        @Tag("GIT-4")
        @DisplayName("GIT-4: tags on commits of merged side branches and of an unrelated root are listed")
        void sideBranches() {
            assertThat(open(world.main()).tags()).contains(
                    new GitTag("side-tag", id("s1"), false),
                    new GitTag("feature-done", id("f2"), true),
                    new GitTag("orphan-tag", id("u0"), false),
                    new GitTag("services/web@0.1.0", id("m3"), true));
        }

        @Test
        @Tag("GIT-4")
        @DisplayName("GIT-4: tags of trees and blobs, directly or through tag objects, are left out")
        void treesAndBlobsLeftOut() {
            assertThat(open(world.main()).tags()).extracting(GitTag::name)
                    .doesNotContain("tree-tag", "blob-tag", "blob-tag-tag");
        }

        @Test
        @Tag("GIT-4")
        @DisplayName("GIT-4: packed tags of a bare clone are listed like loose ones")
        void packed() {
            List<GitTag> tags = open(world.bare()).tags();
            assertThat(tags).isEqualTo(git.tags(world.bare()));
            assertThat(tags).isEqualTo(open(world.main()).tags());
        }

        @Test
        @Tag("GIT-4")
        @DisplayName("GIT-4: a repository without tags lists none")
        void none() {
            assertThat(open(world.empty()).tags()).isEmpty();
        }
    }

    @Nested
    @DisplayName("GIT-5: counting commits")
    class Counting {

        @Test
        @Tag("GIT-5")
        @DisplayName("GIT-5: the count from one commit equals git rev-list --count")
        void oneTip() {
            GitRepository repository = open(world.main());
            for (String name : List.of("m0", "m1", "m4", "m5", "m9", "m13", "u1", "x2", "y2")) {
                assertThat(repository.count(List.of(id(name)), List.of())).as("count(%s)", name)
                        .isEqualTo(git.count(world.main(), List.of(world.commit(name)), List.of()));
            }
        }

        @Test
        @Tag("GIT-5")
        @DisplayName("GIT-5: every parent of a merge is followed, not only the first")
        void everyParent() {
            long firstParentOnly = Long.parseLong(git.git().text(world.main(), "rev-list", "--count", "--first-parent", "main"));
            long count = open(world.main()).count(List.of(id("m13")), List.of());
            assertThat(count).isEqualTo(git.count(world.main(), List.of(world.commit("m13")), List.of()))
                    .isGreaterThan(firstParentOnly);
        }

        @Test
        @Tag("GIT-5")
        @DisplayName("GIT-5: excluded commits and their ancestors are left out, as with ^EXCLUDE")
        void exclusions() {
            assertCountsLikeGit(List.of("m13"), List.of("m1"));
            assertCountsLikeGit(List.of("m13"), List.of("f1", "s1"));
            assertCountsLikeGit(List.of("x2", "y2"), List.of("m12"));
            assertCountsLikeGit(List.of("m5"), List.of("f2"));
            assertCountsLikeGit(List.of("m3", "f2", "s2"), List.of("m2", "u1"));
            assertCountsLikeGit(List.of("m13"), List.of("u1"));
        }

        @Test
        @Tag("GIT-5")
        @DisplayName("GIT-5: nothing to include counts zero, and so does a commit excluded by itself")
        void zero() {
            GitRepository repository = open(world.main());
            assertThat(repository.count(List.of(), List.of(id("m3")))).isZero();
            assertThat(repository.count(List.of(id("m3")), List.of(id("m3")))).isZero();
            assertThat(repository.count(List.of(id("m3")), List.of(id("m13")))).isZero();
        }

        @Test
        @Tag("GIT-5")
        @DisplayName("GIT-5: a shallow clone counts the history it has, as git does")
        void shallow() {
            for (int depth : List.of(1, 3)) {
                Path clone = world.shallow(depth);
                CommitId head = open(clone).resolve("HEAD").orElseThrow();
                assertThat(open(clone).count(List.of(head), List.of())).as("depth %d", depth)
                        .isEqualTo(git.count(clone, List.of(head.hex()), List.of()));
            }
        }

        private void assertCountsLikeGit(List<String> include, List<String> exclude) {
            List<String> includeIds = include.stream().map(world::commit).toList();
            List<String> excludeIds = exclude.stream().map(world::commit).toList();
            assertThat(open(world.main()).count(includeIds.stream().map(CommitId::of).toList(),
                    excludeIds.stream().map(CommitId::of).toList()))
                    .as("count(%s, %s)", include, exclude)
                    .isEqualTo(git.count(world.main(), includeIds, excludeIds));
        }
    }

    @Nested
    @DisplayName("GIT-6: walking history")
    class Walking {

        private final List<List<List<String>>> ranges = List.of(
                List.of(List.of("m13"), List.of()),
                List.of(List.of("m13"), List.of("m3")),
                List.of(List.of("x2", "y2"), List.of("m11")),
                List.of(List.of("m9", "u1"), List.of("f1", "s1")));

        @Test
        @Tag("GIT-6")
        @DisplayName("GIT-6: a walk reports exactly the commits of git rev-list, each once, children before parents")
        void commitsOnceChildrenFirst() {
            for (List<List<String>> range : ranges) {
                List<GitCommit> commits = walk(world.main(), range, false);
                List<GitOracle.Commit> expected = git.revList(world.main(), ids(range.get(0)), ids(range.get(1)));
                assertThat(commits).extracting(c -> c.id().hex()).as("walk%s", range)
                        .doesNotHaveDuplicates()
                        .containsExactlyInAnyOrderElementsOf(expected.stream().map(GitOracle.Commit::id).toList());
                GitBackendProperties.assertChildrenBeforeParents(commits);
            }
        }

        @Test
        @Tag("GIT-6")
        @DisplayName("GIT-6: parents are listed first parent first; messages are as stored; times are the committer's")
        void parentsMessagesTimes() {
            List<List<String>> range = ranges.get(0);
            List<GitCommit> commits = walk(world.main(), range, false);
            Map<String, GitOracle.Commit> expected = git.revList(world.main(), ids(range.get(0)), List.of()).stream()
                    .collect(Collectors.toMap(GitOracle.Commit::id, c -> c));
            Map<String, String> messages = git.messages(world.main(), expected.keySet());
            SoftAssertions softly = new SoftAssertions();
            for (GitCommit commit : commits) {
                GitOracle.Commit oracle = expected.get(commit.id().hex());
                softly.assertThat(hex(commit.parents())).as("parents of %s", commit.id()).isEqualTo(oracle.parents());
                softly.assertThat(commit.message()).as("message of %s", commit.id()).isEqualTo(messages.get(commit.id().hex()));
                softly.assertThat(commit.commitTime().getEpochSecond()).as("time of %s", commit.id()).isEqualTo(oracle.commitTime());
                softly.assertThat(commit.isMerge()).isEqualTo(oracle.parents().size() > 1);
                softly.assertThat(commit.changedPaths()).as("paths of %s (not asked for)", commit.id()).isEmpty();
            }
            softly.assertAll();
            GitCommit m12 = commits.stream().filter(c -> c.id().equals(id("m12"))).findFirst().orElseThrow();
            assertThat(m12.message()).isEqualTo("feat(web): logo\n\nBody line.\nNo newline at the end");
            GitCommit m4 = commits.stream().filter(c -> c.id().equals(id("m4"))).findFirst().orElseThrow();
            assertThat(m4.message()).isEqualTo("Merge branch 'feature'\n");
            assertThat(m4.parents()).containsExactly(id("m3"), id("f2"));
        }

        @Test
        @Tag("GIT-6")
        @DisplayName("GIT-6: with paths, a commit's changed paths are those against its first parent; a root lists its whole tree")
        void changedPaths() {
            for (List<List<String>> range : ranges) {
                Map<String, List<String>> actual = new TreeMap<>();
                for (GitCommit commit : walk(world.main(), range, true)) {
                    assertThat(commit.changedPaths()).as("paths of %s", commit.id()).isSorted();
                    actual.put(commit.id().hex(), commit.changedPaths());
                }
                Map<String, List<String>> expected = new TreeMap<>(
                        git.changedPathsPerCommit(world.main(), ids(range.get(0)), ids(range.get(1))));
                assertThat(actual).as("walk%s with paths", range).isEqualTo(expected);
            }
            Map<CommitId, List<String>> byId = walk(world.main(), ranges.get(0), true).stream()
                    .collect(Collectors.toMap(GitCommit::id, GitCommit::changedPaths));
            assertThat(byId.get(id("m0"))).containsExactly("README.md", "build.sh", "docs/guide.md", "libs/common/util.txt");
            assertThat(byId.get(id("m6"))).containsExactly("services/web/Containerfile", "services/web/Dockerfile");
            assertThat(byId.get(id("m13"))).containsExactly("other.txt");
        }

        @Test
        @Tag("GIT-6")
        @DisplayName("GIT-6: a walk of a shallow clone stops at the cut, as git rev-list does")
        void shallow() {
            Path clone = world.shallow(3);
            CommitId head = open(clone).resolve("HEAD").orElseThrow();
            List<GitCommit> commits = open(clone).walk(List.of(head), List.of(), true);
            assertThat(commits).extracting(c -> c.id().hex())
                    .containsExactlyInAnyOrderElementsOf(git.revList(clone, List.of(head.hex()), List.of()).stream()
                            .map(GitOracle.Commit::id).toList());
            GitBackendProperties.assertChildrenBeforeParents(commits);
        }

        @Test
        @Tag("GIT-6")
        @DisplayName("GIT-6: nothing to include walks nothing")
        void nothing() {
            assertThat(open(world.main()).walk(List.of(), List.of(id("m1")), true)).isEmpty();
            assertThat(open(world.main()).walk(List.of(id("m1")), List.of(id("m1")), true)).isEmpty();
        }

        private List<GitCommit> walk(Path repository, List<List<String>> range, boolean withPaths) {
            return open(repository).walk(ids(range.get(0)).stream().map(CommitId::of).toList(),
                    ids(range.get(1)).stream().map(CommitId::of).toList(), withPaths);
        }

        private List<String> ids(List<String> names) {
            return names.stream().map(world::commit).toList();
        }
    }

    @Nested
    @DisplayName("GIT-7: changed paths between two commits")
    class ChangedPaths {

        @Test
        @Tag("GIT-7")
        @DisplayName("GIT-7: the changed paths equal git diff --no-renames --name-only FROM TO")
        void likeGit() {
            GitRepository repository = open(world.main());
            List<String[]> pairs = List.of(new String[] {"m0", "m13"}, new String[] {"m13", "m0"}, new String[] {"m3", "f2"},
                    new String[] {"m4", "m5"}, new String[] {"s1", "m9"}, new String[] {"u0", "m12"}, new String[] {"x2", "y2"},
                    new String[] {"m8", "m9"}, new String[] {"m1", "m2"});
            for (String[] pair : pairs) {
                assertThat(repository.changedPaths(id(pair[0]), id(pair[1]))).as("changedPaths(%s, %s)", pair[0], pair[1])
                        .isSorted()
                        .isEqualTo(git.diff(world.main(), world.commit(pair[0]), world.commit(pair[1])));
            }
        }

        @Test
        @Tag("GIT-7")
        @DisplayName("GIT-7: a rename is its old and its new path")
        void rename() {
            assertThat(open(world.main()).changedPaths(id("m5"), id("m6")))
                    .containsExactly("services/web/Containerfile", "services/web/Dockerfile");
        }

        @Test
        @Tag("GIT-7")
        @DisplayName("GIT-7: a file replaced by a directory is the file and the directory's files")
        void fileBecomesDirectory() {
            assertThat(open(world.main()).changedPaths(id("m9"), id("m10"))).containsExactly("notes", "notes/today.txt");
            assertThat(open(world.main()).changedPaths(id("m10"), id("m9"))).containsExactly("notes", "notes/today.txt");
        }

        @Test
        @Tag("GIT-7")
        @DisplayName("GIT-7: a change of the executable bit alone is a change")
        void modeChange() {
            assertThat(open(world.main()).changedPaths(id("m10"), id("m11"))).containsExactly("build.sh");
        }

        @Test
        @Tag("GIT-7")
        @DisplayName("GIT-7: a commit compared with itself changes nothing; a deleted directory lists its files")
        void sameAndDeleted() {
            GitRepository repository = open(world.main());
            assertThat(repository.changedPaths(id("m7"), id("m7"))).isEmpty();
            assertThat(repository.changedPaths(id("m6"), id("m7"))).containsExactly("services/api/main.txt");
        }
    }

    @Nested
    @DisplayName("GIT-8: files and trees at a commit")
    class FilesAndTrees {

        @Test
        @Tag("GIT-8")
        @DisplayName("GIT-8: readFile gives a file's bytes at a commit, binary content included")
        void readFile() {
            GitRepository repository = open(world.main());
            for (String[] at : List.of(new String[] {"m0", "README.md"}, new String[] {"m2", "README.md"},
                    new String[] {"m12", "services/web/logo.bin"}, new String[] {"m0", "build.sh"},
                    new String[] {"m13", "libs/common/util.txt"}, new String[] {"m13", "other.txt"},
                    new String[] {"m2", "notes"}, new String[] {"m10", "notes/today.txt"})) {
                assertThat(repository.readFile(id(at[0]), at[1])).as("readFile(%s, %s)", at[0], at[1])
                        .hasValueSatisfying(bytes -> assertThat(bytes)
                                .isEqualTo(git.file(world.main(), world.commit(at[0]), at[1]).orElseThrow()));
            }
            assertThat(repository.readFile(id("m12"), "services/web/logo.bin")).hasValueSatisfying(bytes -> {
                assertThat(bytes).hasSize(256);
                assertThat(bytes[255]).isEqualTo((byte) 255);
            });
        }

        @Test
        @Tag("GIT-8")
        @DisplayName("GIT-8: readFile is empty for an absent path and for a directory")
        void readFileAbsent() {
            GitRepository repository = open(world.main());
            assertThat(repository.readFile(id("m0"), "services/web/app.txt")).isEmpty();
            assertThat(repository.readFile(id("m7"), "services/api/main.txt")).isEmpty();
            assertThat(repository.readFile(id("m1"), "services/web")).isEmpty();
            assertThat(repository.readFile(id("m1"), "services")).isEmpty();
            assertThat(repository.readFile(id("m10"), "notes")).isEmpty();
            assertThat(repository.readFile(id("m1"), "README.md/child")).isEmpty();
        }

        @Test
        @Tag("GIT-8")
        @DisplayName("GIT-8: treeId gives the id of a directory, a file, and the root tree for the empty path")
        void treeIds() {
            GitRepository repository = open(world.main());
            for (String[] at : List.of(new String[] {"m1", "services/web"}, new String[] {"m1", "services"},
                    new String[] {"m6", "services/web"}, new String[] {"m1", "README.md"}, new String[] {"m13", ""},
                    new String[] {"m10", "notes"}, new String[] {"m2", "notes"}, new String[] {"m13", "libs/common"})) {
                assertThat(repository.treeId(id(at[0]), at[1])).as("treeId(%s, \"%s\")", at[0], at[1])
                        .isEqualTo(git.objectId(world.main(), world.commit(at[0]), at[1]));
            }
            assertThat(repository.treeId(id("m13"), "")).contains(git.git().text(world.main(), "rev-parse", world.commit("m13") + "^{tree}"));
            assertThat(repository.treeId(id("m3"), "libs")).isEqualTo(repository.treeId(id("m4"), "libs"));
        }

        @Test
        @Tag("GIT-8")
        @DisplayName("GIT-8: treeId is empty for an absent path")
        void treeIdAbsent() {
            GitRepository repository = open(world.main());
            assertThat(repository.treeId(id("m0"), "services")).isEmpty();
            assertThat(repository.treeId(id("m7"), "services/api")).isEmpty();
            assertThat(repository.treeId(id("m1"), "README.md/child")).isEmpty();
            assertThat(repository.treeId(id("m13"), "never/there")).isEmpty();
        }

        @Test
        @Tag("GIT-8")
        @DisplayName("GIT-8: subdirectories lists a directory's subdirectory names as git ls-tree -d does, empty when absent")
        void subdirectories() {
            GitRepository repository = open(world.main());
            for (String head : List.of("m0", "m1", "m7", "m13")) {
                for (String dir : List.of("", "services", "services/web", "libs", "README.md", "never/there")) {
                    assertThat(repository.subdirectories(id(head), dir)).as("subdirectories(%s, \"%s\")", head, dir)
                            .isEqualTo(git.subdirectories(world.main(), world.commit(head), dir));
                }
            }
            assertThat(repository.subdirectories(id("m13"), "services")).isNotEmpty();
        }

        @Test
        @Tag("GIT-8")
        @DisplayName("GIT-8: countCommitsHolding counts, per path, the commits of git rev-list whose tree has the path")
        void countCommitsHolding() {
            List<String> paths = List.of("services/web", "services/api", "services/side", "services/web/Containerfile",
                    "services/web/Dockerfile", "notes", "notes/today.txt", "other.txt", "octo", "README.md", "never/there",
                    "services");
            GitRepository repository = open(world.main());
            for (String head : List.of("m13", "m5", "y2", "u1")) {
                assertThat(repository.countCommitsHolding(id(head), paths)).as("countCommitsHolding(%s)", head)
                        .isEqualTo(git.countCommitsHolding(world.main(), world.commit(head), paths));
            }
            Map<String, Long> counts = repository.countCommitsHolding(id("m13"), paths);
            assertThat(counts).containsEntry("never/there", 0L).containsEntry("other.txt", 3L);
        }
    }

    @Nested
    @DisplayName("GIT-9: merge bases and ancestry")
    class Ancestry {

        @Test
        @Tag("GIT-9")
        @DisplayName("GIT-9: mergeBase equals git merge-base")
        void mergeBase() {
            GitRepository repository = open(world.main());
            for (String[] pair : List.of(new String[] {"f2", "m3"}, new String[] {"m3", "f2"}, new String[] {"s2", "m4"},
                    new String[] {"m13", "m13"}, new String[] {"m1", "m13"}, new String[] {"m13", "m1"},
                    new String[] {"o1", "o2"}, new String[] {"x1", "y2"}, new String[] {"u1", "m13"})) {
                assertThat(repository.mergeBase(id(pair[0]), id(pair[1]))).as("mergeBase(%s, %s)", pair[0], pair[1])
                        .isEqualTo(git.mergeBase(world.main(), world.commit(pair[0]), world.commit(pair[1])).map(CommitId::of));
            }
            assertThat(repository.mergeBase(id("f2"), id("m3"))).contains(id("m2"));
        }

        @Test
        @Tag("GIT-9")
        @DisplayName("GIT-9: in a criss-cross history the merge base is the one git merge-base picks")
        void crissCross() {
            Optional<String> expected = git.mergeBase(world.main(), world.commit("x2"), world.commit("y2"));
            List<String> all = git.git().lines(world.main(), "merge-base", "--all", world.commit("x2"), world.commit("y2"));
            assertThat(all).hasSize(2);
            GitRepository repository = open(world.main());
            assertThat(repository.mergeBase(id("x2"), id("y2"))).isEqualTo(expected.map(CommitId::of));
            assertThat(repository.mergeBase(id("y2"), id("x2"))).isEqualTo(
                    git.mergeBase(world.main(), world.commit("y2"), world.commit("x2")).map(CommitId::of));
        }

        @Test
        @Tag("GIT-9")
        @DisplayName("GIT-9: unrelated histories have no merge base")
        void unrelated() {
            assertThat(git.mergeBase(world.main(), world.commit("u1"), world.commit("m12"))).isEmpty();
            assertThat(open(world.main()).mergeBase(id("u1"), id("m12"))).isEmpty();
        }

        @Test
        @Tag("GIT-9")
        @DisplayName("GIT-9: isAncestor equals git merge-base --is-ancestor; a commit is its own ancestor")
        void isAncestor() {
            GitRepository repository = open(world.main());
            for (String[] pair : List.of(new String[] {"m0", "m13"}, new String[] {"m13", "m0"}, new String[] {"m5", "m5"},
                    new String[] {"f1", "m4"}, new String[] {"f1", "m3"}, new String[] {"s1", "m13"}, new String[] {"o2", "m9"},
                    new String[] {"u0", "m13"}, new String[] {"u0", "m12"}, new String[] {"x1", "y2"}, new String[] {"x2", "y2"},
                    new String[] {"f2", "s2"})) {
                assertThat(repository.isAncestor(id(pair[0]), id(pair[1]))).as("isAncestor(%s, %s)", pair[0], pair[1])
                        .isEqualTo(git.isAncestor(world.main(), world.commit(pair[0]), world.commit(pair[1])));
            }
            assertThat(repository.isAncestor(id("m5"), id("m5"))).isTrue();
            assertThat(repository.isAncestor(id("f1"), id("m4"))).isTrue();
            assertThat(repository.isAncestor(id("m4"), id("f1"))).isFalse();
        }
    }

    @Nested
    @DisplayName("GIT-10: shallow and partial clones")
    class Clones {

        @Test
        @Tag("GIT-10")
        @DisplayName("GIT-10: a work tree, a bare clone and a detached clone are neither shallow nor partial")
        void complete() {
            for (Path repository : List.of(world.main(), world.bare(), world.detached(), world.empty())) {
                GitRepository opened = open(repository);
                assertThat(opened.isShallow()).as("isShallow() of %s", repository.getFileName()).isFalse();
                assertThat(opened.isPartial()).as("isPartial() of %s", repository.getFileName()).isFalse();
            }
        }

        @Test
        @Tag("GIT-10")
        @DisplayName("GIT-10: clones made with --depth 1 and --depth 3 are shallow, not partial")
        void shallow() {
            for (int depth : List.of(1, 3)) {
                Path clone = world.shallow(depth);
                assertThat(git.git().text(clone, "rev-parse", "--is-shallow-repository")).isEqualTo("true");
                GitRepository opened = open(clone);
                assertThat(opened.isShallow()).as("isShallow() at depth %d", depth).isTrue();
                assertThat(opened.isPartial()).as("isPartial() at depth %d", depth).isFalse();
            }
        }

        @Test
        @Tag("GIT-10")
        @DisplayName("GIT-10: a clone made with --filter=blob:none is partial, not shallow")
        void partial() {
            GitRepository opened = open(world.partial());
            assertThat(opened.isPartial()).isTrue();
            assertThat(opened.isShallow()).isFalse();
            assertThat(opened.resolve("HEAD")).contains(id("m13"));
            assertThat(opened.count(List.of(id("m13")), List.of())).isEqualTo(git.count(world.main(), List.of(world.commit("m13")), List.of()));
        }

        @Test
        @Tag("GIT-10")
        @DisplayName("GIT-10: a promisor remote or extensions.partialClone alone makes a repository partial")
        void partialBySetting(@TempDir Path scratch) {
            Path promisor = world.fresh(mkdir(scratch.resolve("a")));
            git.git().text(promisor, "config", "remote.origin.url", world.main().toUri().toString());
            git.git().text(promisor, "config", "remote.origin.promisor", "true");
            assertThat(open(promisor).isPartial()).as("remote.origin.promisor=true").isTrue();

            Path extension = world.fresh(mkdir(scratch.resolve("b")));
            git.git().text(extension, "config", "core.repositoryformatversion", "1");
            git.git().text(extension, "config", "extensions.partialClone", "origin");
            assertThat(open(extension).isPartial()).as("extensions.partialClone=origin").isTrue();
        }
    }

    @Nested
    @DisplayName("GIT-11: commits the repository does not have")
    class MissingCommits {

        @Test
        @Tag("GIT-11")
        @DisplayName("GIT-11: every operation refuses a commit the repository does not have, naming it")
        void absent() {
            GitRepository repository = open(world.main());
            assertRefusesEverywhere(repository, ABSENT, id("m3"));
        }

        @Test
        @Tag("GIT-11")
        @DisplayName("GIT-11: the id of a tree or a blob is not a commit the repository has")
        void notACommit() {
            GitRepository repository = open(world.main());
            CommitId tree = CommitId.of(git.git().text(world.main(), "rev-parse", world.commit("m3") + "^{tree}"));
            CommitId blob = CommitId.of(git.git().text(world.main(), "rev-parse", world.commit("m3") + ":README.md"));
            assertRefusesEverywhere(repository, tree, id("m3"));
            assertRefusesEverywhere(repository, blob, id("m3"));
        }

        @Test
        @Tag("GIT-11")
        @DisplayName("GIT-11: a commit beyond a shallow clone's cut is refused, naming it")
        void beyondShallowCut() {
            Path clone = world.shallow(1);
            GitRepository repository = open(clone);
            CommitId head = repository.resolve("HEAD").orElseThrow();
            assertThat(git.git().run(clone, "cat-file", "-e", world.commit("m0")).ok()).isFalse();
            assertRefusesEverywhere(repository, id("m0"), head);
        }

        private void assertRefusesEverywhere(GitRepository repository, CommitId missing, CommitId present) {
            Map<String, Consumer<CommitId>> operations = new LinkedHashMap<>();
            operations.put("count(include)", c -> repository.count(List.of(present, c), List.of()));
            operations.put("count(exclude)", c -> repository.count(List.of(present), List.of(c)));
            operations.put("walk(include)", c -> repository.walk(List.of(c, present), List.of(), false));
            operations.put("walk(exclude)", c -> repository.walk(List.of(present), List.of(c), true));
            operations.put("changedPaths(from)", c -> repository.changedPaths(c, present));
            operations.put("changedPaths(to)", c -> repository.changedPaths(present, c));
            operations.put("readFile", c -> repository.readFile(c, "README.md"));
            operations.put("treeId", c -> repository.treeId(c, ""));
            operations.put("countCommitsHolding", c -> repository.countCommitsHolding(c, List.of("README.md")));
            operations.put("mergeBase(a)", c -> repository.mergeBase(c, present));
            operations.put("mergeBase(b)", c -> repository.mergeBase(present, c));
            operations.put("isAncestor(ancestor)", c -> repository.isAncestor(c, present));
            operations.put("isAncestor(descendant)", c -> repository.isAncestor(present, c));
            SoftAssertions softly = new SoftAssertions();
            operations.forEach((name, operation) -> softly.assertThatThrownBy(() -> operation.accept(missing))
                    .as("%s with %s", name, missing)
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining(missing.hex()));
            softly.assertAll();
        }
    }

    /** A bare remote seeded with {@link GitWorld#fresh} and a clone of it whose git config names a writer. */
    private record Writable(Path remote, Path work) {
    }

    /** The writer identity the kit configures in the repositories the backend writes to. */
    private static final String WRITER_NAME = "Slipway Writer";
    private static final String WRITER_EMAIL = "writer@slipway.invalid";

    private static Writable writable(Path scratch) {
        Path seed = world.fresh(mkdir(scratch.resolve("seed")));
        Path remote = scratch.resolve("remote.git");
        Path clone = scratch.resolve("clone");
        GitCli cli = git.git();
        cli.text(scratch, "clone", "-q", "--bare", seed.toString(), remote.toString());
        cli.text(scratch, "clone", "-q", remote.toString(), clone.toString());
        configureWriter(clone);
        return new Writable(remote, clone);
    }

    private static void configureWriter(Path repository) {
        git.git().text(repository, "config", "user.name", WRITER_NAME);
        git.git().text(repository, "config", "user.email", WRITER_EMAIL);
    }

    /** A second clone of a remote, whose commits the git CLI makes (another writer). */
    private static Path otherClone(Path scratch, Path remote, String name) {
        Path other = scratch.resolve(name);
        git.git().text(scratch, "clone", "-q", remote.toString(), other.toString());
        return other;
    }

    private static String gitText(Path repository, String... args) {
        return git.git().text(repository, args);
    }

    private static void write(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** The paths of {@code git status --porcelain -uall --no-renames}, sorted. */
    private static List<String> statusPaths(Path repository) {
        byte[] out = git.git().run(repository, "status", "--porcelain", "-uall", "--no-renames", "-z").requireSuccess().stdout();
        List<String> paths = new ArrayList<>();
        for (String entry : new String(out, StandardCharsets.UTF_8).split("\0")) {
            if (entry.length() > 3) {
                paths.add(entry.substring(3));
            }
        }
        paths.sort(null);
        return paths;
    }

    /** The entries of {@code git ls-tree -r --full-tree COMMIT}: mode, type, id and path per line. */
    private static List<String> lsTree(Path repository, String commit) {
        return git.git().lines(repository, "ls-tree", "-r", "--full-tree", commit);
    }

    @Nested
    @DisplayName("GIT-12, GIT-13: building commits")
    class CreatingCommits {

        @Test
        @Tag("GIT-12")
        @DisplayName("GIT-12: the new tree is the parent's with the changes applied, exactly as git add/rm build it")
        void treeAsGitBuildsIt(@TempDir Path scratch) {
            Writable w = writable(scratch);
            Path clone = w.work();
            write(clone.resolve("bin/run.sh"), "#!/bin/sh\necho run\n");
            try {
                Files.setPosixFilePermissions(clone.resolve("bin/run.sh"), java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            write(clone.resolve("docs/a.md"), "a\n");
            write(clone.resolve("docs/deep/b.md"), "b\n");
            gitText(clone, "add", "-A");
            gitText(clone, "commit", "-q", "-m", "layout");
            String parent = gitText(clone, "rev-parse", "HEAD");
            byte[] binary = new byte[] {0, 1, 2, (byte) 0xff, '\r', '\n', 'x'};
            List<FileChange> changes = List.of(
                    FileChange.write("README.md", utf8("crlf\r\nkept as is\r\n")),
                    FileChange.write("bin/run.sh", utf8("#!/bin/sh\necho changed\n")),
                    FileChange.write("kubernetes/staging/values.yaml", utf8("image:\n  version: 1.2.3 # staging_services/web\n")),
                    FileChange.write("data.bin", binary),
                    FileChange.delete("docs"),
                    FileChange.delete("absent.txt"));

            CommitId created = open(clone).createCommit(Optional.of(CommitId.of(parent)), changes, "chore(deploy): web 1.2.3 to staging");

            // the oracle: the same changes made with the git CLI in another clone, then git write-tree
            Path oracle = otherClone(scratch, w.remote(), "oracle");
            gitText(oracle, "fetch", "-q", clone.toString(), "main");
            gitText(oracle, "reset", "-q", "--hard", parent);
            try {
                Files.write(oracle.resolve("README.md"), utf8("crlf\r\nkept as is\r\n"));
                Files.write(oracle.resolve("bin/run.sh"), utf8("#!/bin/sh\necho changed\n"));
                write(oracle.resolve("kubernetes/staging/values.yaml"), "image:\n  version: 1.2.3 # staging_services/web\n");
                Files.write(oracle.resolve("data.bin"), binary);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            gitText(oracle, "rm", "-q", "-r", "docs");
            gitText(oracle, "add", "-A");
            String expectedTree = gitText(oracle, "write-tree");

            assertThat(gitText(clone, "rev-parse", created.hex() + "^{tree}")).isEqualTo(expectedTree);
            assertThat(lsTree(clone, created.hex())).contains(
                    "100755 blob " + gitText(oracle, "rev-parse", ":bin/run.sh") + "\tbin/run.sh");
            assertThat(gitText(clone, "rev-parse", created.hex() + "^1")).isEqualTo(parent);
            assertThat(git.git().run(clone, "cat-file", "blob", created.hex() + ":data.bin").requireSuccess().stdout()).isEqualTo(binary);
            assertThat(git.git().run(clone, "cat-file", "commit", created.hex()).requireSuccess().text())
                    .endsWith("\n\nchore(deploy): web 1.2.3 to staging");
            assertThat(gitText(clone, "log", "-1", "--format=%s", created.hex())).isEqualTo("chore(deploy): web 1.2.3 to staging");
            // no ref, index or work tree file moved
            assertThat(gitText(clone, "rev-parse", "HEAD")).isEqualTo(parent);
            assertThat(statusPaths(clone)).isEmpty();
        }

        @Test
        @Tag("GIT-12")
        @DisplayName("GIT-12: a written path replaces a file or directory in its way; emptied directories vanish")
        void fileDirectoryReplacements(@TempDir Path scratch) {
            Writable w = writable(scratch);
            GitRepository repository = open(w.work());
            CommitId head = repository.resolve("HEAD").orElseThrow();
            CommitId created = repository.createCommit(Optional.of(head), List.of(
                    FileChange.write("README.md/inner.txt", utf8("inner\n")),
                    FileChange.write("services", utf8("now a file\n"))), "replace\n");
            assertThat(lsTree(w.work(), created.hex())).extracting(line -> line.substring(line.indexOf('\t') + 1))
                    .containsExactly("README.md/inner.txt", "services");
            CommitId emptied = repository.createCommit(Optional.of(created), List.of(FileChange.delete("README.md/inner.txt")), "empty\n");
            assertThat(lsTree(w.work(), emptied.hex())).extracting(line -> line.substring(line.indexOf('\t') + 1))
                    .containsExactly("services");
            assertThat(gitText(w.work(), "log", "-1", "--format=%s", created.hex())).isEqualTo("replace");
        }

        @Test
        @Tag("GIT-12")
        @DisplayName("GIT-12: without a parent the commit is a root holding exactly the written files")
        void rootCommit(@TempDir Path scratch) {
            Writable w = writable(scratch);
            CommitId root = open(w.work()).createCommit(Optional.empty(), List.of(
                    FileChange.write("a.txt", utf8("a\n")), FileChange.write("dir/b.txt", utf8("b\n")),
                    FileChange.delete("nothing-here")), "root");
            assertThat(gitText(w.work(), "rev-list", "--count", root.hex())).isEqualTo("1");
            assertThat(lsTree(w.work(), root.hex())).extracting(line -> line.substring(line.indexOf('\t') + 1))
                    .containsExactly("a.txt", "dir/b.txt");
        }

        @Test
        @Tag("GIT-12")
        @DisplayName("GIT-12: two changes to one path, or a parent the repository lacks, are InvalidInputExceptions")
        void refusals(@TempDir Path scratch) {
            Writable w = writable(scratch);
            GitRepository repository = open(w.work());
            CommitId head = repository.resolve("HEAD").orElseThrow();
            assertThatThrownBy(() -> repository.createCommit(Optional.of(head), List.of(FileChange.write("a", utf8("1")),
                    FileChange.delete("a")), "x")).isInstanceOf(InvalidInputException.class).hasMessageContaining("\"a\"");
            assertThatThrownBy(() -> repository.createCommit(Optional.of(ABSENT), List.of(), "x"))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining(ABSENT.hex());
        }

        @Test
        @Tag("GIT-13")
        @DisplayName("GIT-13: author and committer come from user.name and user.email of the repository's configuration")
        void identityFromRepositoryConfig(@TempDir Path scratch) {
            Writable w = writable(scratch);
            GitRepository repository = open(w.work());
            CommitId created = repository.createCommit(repository.resolve("HEAD"), List.of(FileChange.write("x", utf8("x"))), "x");
            assertThat(gitText(w.work(), "log", "-1", "--format=%an|%ae|%cn|%ce", created.hex()))
                    .isEqualTo(WRITER_NAME + "|" + WRITER_EMAIL + "|" + WRITER_NAME + "|" + WRITER_EMAIL);
        }

        @Test
        @Tag("GIT-13")
        @DisplayName("GIT-13: author.* and committer.* win over user.*, as in git")
        void roleSpecificIdentity(@TempDir Path scratch) {
            Writable w = writable(scratch);
            gitText(w.work(), "config", "committer.name", "CI Bot");
            gitText(w.work(), "config", "committer.email", "ci@slipway.invalid");
            gitText(w.work(), "config", "author.email", "author@slipway.invalid");
            GitRepository repository = open(w.work());
            CommitId created = repository.createCommit(repository.resolve("HEAD"), List.of(FileChange.write("x", utf8("x"))), "x");
            // what git itself records with the same configuration
            String expected = WRITER_NAME + "|author@slipway.invalid|CI Bot|ci@slipway.invalid";
            assertThat(gitText(w.work(), "log", "-1", "--format=%an|%ae|%cn|%ce", created.hex())).isEqualTo(expected);
            GitCli.Result byGit = git.git().run(w.work(), new byte[0], List.of("-c", "user.useConfigOnly=true",
                    "commit-tree", "-m", "x", created.hex() + "^{tree}"));
            assertThat(byGit.ok()).as("git commit-tree: %s", byGit.stderr()).isTrue();
        }
    }

    @Nested
    @DisplayName("GIT-14: moving HEAD and the work tree")
    class MovingHead {

        /** A clone with a second commit on main that edits, adds and deletes files; HEAD back on the first. */
        private CommitId[] twoCommits(Writable w) {
            Path clone = w.work();
            String first = gitText(clone, "rev-parse", "HEAD");
            write(clone.resolve("README.md"), "readme of the second commit\n");
            write(clone.resolve("new/file.txt"), "new\n");
            gitText(clone, "rm", "-q", "services/web/app.txt");
            write(clone.resolve("kept.txt"), "unchanged by the move\n");
            gitText(clone, "add", "-A");
            gitText(clone, "commit", "-q", "-m", "second");
            String second = gitText(clone, "rev-parse", "HEAD");
            gitText(clone, "reset", "-q", "--hard", first);
            write(clone.resolve("kept.txt"), "unchanged by the move\n");
            gitText(clone, "add", "kept.txt");
            gitText(clone, "commit", "-q", "-m", "kept on both sides");
            String base = gitText(clone, "rev-parse", "HEAD");
            // the target: "second" rebuilt on base (git cherry-pick)
            gitText(clone, "cherry-pick", second);
            String target = gitText(clone, "rev-parse", "HEAD");
            gitText(clone, "reset", "-q", "--hard", base);
            return new CommitId[] {CommitId.of(base), CommitId.of(target)};
        }

        @Test
        @Tag("GIT-14")
        @DisplayName("GIT-14: the branch moves and the work tree and index follow, leaving git status clean")
        void branchMoves(@TempDir Path scratch) {
            Writable w = writable(scratch);
            CommitId[] commits = twoCommits(w);
            open(w.work()).moveHead(commits[0], commits[1]);
            assertThat(gitText(w.work(), "rev-parse", "HEAD")).isEqualTo(commits[1].hex());
            assertThat(gitText(w.work(), "symbolic-ref", "HEAD")).isEqualTo("refs/heads/main");
            assertThat(statusPaths(w.work())).isEmpty();
            assertThat(read(w.work().resolve("README.md"))).isEqualTo("readme of the second commit\n");
            assertThat(w.work().resolve("new/file.txt")).hasContent("new");
            assertThat(w.work().resolve("services/web/app.txt")).doesNotExist();
        }

        @Test
        @Tag("GIT-14")
        @DisplayName("GIT-14: local changes to paths the move does not touch stay, untracked files too")
        void unrelatedLocalChangesStay(@TempDir Path scratch) {
            Writable w = writable(scratch);
            CommitId[] commits = twoCommits(w);
            write(w.work().resolve("kept.txt"), "a local edit\n");
            write(w.work().resolve("scratch.txt"), "untracked\n");
            open(w.work()).moveHead(commits[0], commits[1]);
            assertThat(gitText(w.work(), "rev-parse", "HEAD")).isEqualTo(commits[1].hex());
            assertThat(statusPaths(w.work())).containsExactly("kept.txt", "scratch.txt");
            assertThat(read(w.work().resolve("kept.txt"))).isEqualTo("a local edit\n");
        }

        @Test
        @Tag("GIT-14")
        @DisplayName("GIT-14: a local change to a path that must change is refused, naming it, and nothing changes")
        void conflictingLocalChangeIsRefused(@TempDir Path scratch) {
            Writable w = writable(scratch);
            CommitId[] commits = twoCommits(w);
            write(w.work().resolve("README.md"), "someone's local edit\n");
            Map<String, String> before = snapshot(w.work());
            String index = gitText(w.work(), "ls-files", "-s");
            GitRepository repository = open(w.work());
            assertThatThrownBy(() -> repository.moveHead(commits[0], commits[1]))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("README.md");
            assertThat(gitText(w.work(), "rev-parse", "HEAD")).isEqualTo(commits[0].hex());
            assertThat(read(w.work().resolve("README.md"))).isEqualTo("someone's local edit\n");
            assertThat(gitText(w.work(), "ls-files", "-s")).isEqualTo(index);
            assertThat(w.work().resolve("new")).doesNotExist();
            Map<String, String> after = snapshot(w.work());
            after.keySet().removeIf(path -> path.contains("/.git/") || path.endsWith("/.git"));
            before.keySet().removeIf(path -> path.contains("/.git/") || path.endsWith("/.git"));
            assertThat(after).isEqualTo(before);
        }

        @Test
        @Tag("GIT-14")
        @DisplayName("GIT-14: local changes that already equal the target are accepted: commit what the work tree holds")
        void localChangesEqualToTheTarget(@TempDir Path scratch) {
            Writable w = writable(scratch);
            GitRepository repository = open(w.work());
            CommitId head = repository.resolve("HEAD").orElseThrow();
            write(w.work().resolve("README.md"), "edited in the work tree\n");
            write(w.work().resolve("services/web/values.yaml"), "version: 1.0.0\n");
            CommitId created = repository.createCommit(Optional.of(head), List.of(
                    FileChange.write("README.md", utf8("edited in the work tree\n")),
                    FileChange.write("services/web/values.yaml", utf8("version: 1.0.0\n"))), "from the work tree");
            repository.moveHead(head, created);
            assertThat(gitText(w.work(), "rev-parse", "HEAD")).isEqualTo(created.hex());
            assertThat(statusPaths(w.work())).isEmpty();
        }

        @Test
        @Tag("GIT-14")
        @DisplayName("GIT-14: HEAD elsewhere than expected is refused and nothing moves")
        void headElsewhere(@TempDir Path scratch) {
            Writable w = writable(scratch);
            CommitId[] commits = twoCommits(w);
            GitRepository repository = open(w.work());
            assertThatThrownBy(() -> repository.moveHead(commits[1], commits[0]))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining(commits[1].hex());
            assertThat(gitText(w.work(), "rev-parse", "HEAD")).isEqualTo(commits[0].hex());
        }

        @Test
        @Tag("GIT-14")
        @DisplayName("GIT-14: a detached HEAD stays detached; in a bare repository the branch HEAD names moves")
        void detachedAndBare(@TempDir Path scratch) {
            Writable w = writable(scratch);
            CommitId[] commits = twoCommits(w);
            gitText(w.work(), "checkout", "-q", "--detach", commits[0].hex());
            open(w.work()).moveHead(commits[0], commits[1]);
            assertThat(gitText(w.work(), "rev-parse", "HEAD")).isEqualTo(commits[1].hex());
            assertThat(git.git().run(w.work(), "symbolic-ref", "-q", "HEAD").ok()).isFalse();
            assertThat(gitText(w.work(), "rev-parse", "main")).isEqualTo(commits[0].hex());
            assertThat(statusPaths(w.work())).isEmpty();

            gitText(w.work(), "push", "-q", w.remote().toString(), commits[0].hex() + ":refs/heads/main", "--force");
            gitText(w.work(), "push", "-q", w.remote().toString(), commits[1].hex() + ":refs/heads/other");
            open(w.remote()).moveHead(commits[0], commits[1]);
            assertThat(gitText(w.remote(), "rev-parse", "refs/heads/main")).isEqualTo(commits[1].hex());
        }
    }

    @Nested
    @DisplayName("GIT-15: the work tree's files and changes")
    class WorkTreeFiles {

        private Path layout(Path scratch) {
            Writable w = writable(scratch);
            Path clone = w.work();
            write(clone.resolve(".gitignore"), "*.log\nbuild/\n/secret.txt\n");
            write(clone.resolve("keep.log"), "tracked although ignored\n");
            write(clone.resolve("kubernetes/staging/values.yaml"), "a: 1\n");
            write(clone.resolve("kubernetes/prod/values.yaml"), "a: 2\n");
            write(clone.resolve("to-delete.txt"), "soon gone\n");
            gitText(clone, "add", "-A");
            gitText(clone, "add", "-f", "keep.log");
            gitText(clone, "commit", "-q", "-m", "layout");
            write(clone.resolve("untracked.yaml"), "u: 1\n");
            write(clone.resolve("newdir/deeper/file.yml"), "d: 1\n");
            write(clone.resolve("debug.log"), "ignored\n");
            write(clone.resolve("build/out.yaml"), "ignored directory\n");
            write(clone.resolve("secret.txt"), "ignored\n");
            write(clone.resolve("kubernetes/prod/values.yaml"), "a: 3\n");
            write(clone.resolve("staged.txt"), "staged\n");
            gitText(clone, "add", "staged.txt");
            try {
                Files.delete(clone.resolve("to-delete.txt"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return clone;
        }

        @Test
        @Tag("GIT-15")
        @DisplayName("GIT-15: workingTreeFiles equals git ls-files --cached --others --exclude-standard, minus deleted files")
        void files(@TempDir Path scratch) {
            Path clone = layout(scratch);
            List<String> expected = new ArrayList<>(new java.util.TreeSet<>(
                    git.git().lines(clone, "ls-files", "--cached", "--others", "--exclude-standard")));
            expected.removeAll(git.git().lines(clone, "ls-files", "--deleted"));
            assertThat(open(clone).workingTreeFiles()).isEqualTo(expected)
                    .contains("keep.log", "newdir/deeper/file.yml", "untracked.yaml")
                    .doesNotContain("debug.log", "build/out.yaml", "secret.txt", "to-delete.txt");
        }

        @Test
        @Tag("GIT-15")
        @DisplayName("GIT-15: uncommittedChanges equals the paths of git status --porcelain -uall --no-renames")
        void changes(@TempDir Path scratch) {
            Path clone = layout(scratch);
            assertThat(open(clone).uncommittedChanges()).isEqualTo(statusPaths(clone))
                    .contains("kubernetes/prod/values.yaml", "staged.txt", "to-delete.txt", "newdir/deeper/file.yml");
        }

        @Test
        @Tag("GIT-15")
        @DisplayName("GIT-15: currentBranch and remotes answer as git symbolic-ref --short HEAD and git remote")
        void branchAndRemotes(@TempDir Path scratch) {
            Writable w = writable(scratch);
            gitText(w.work(), "remote", "add", "backup", w.remote().toString());
            GitRepository repository = open(w.work());
            assertThat(repository.currentBranch()).contains(gitText(w.work(), "symbolic-ref", "--short", "HEAD"));
            assertThat(repository.remotes()).isEqualTo(git.git().lines(w.work(), "remote")).containsExactly("backup", "origin");
            gitText(w.work(), "checkout", "-q", "--detach");
            assertThat(open(w.work()).currentBranch()).isEmpty();
            GitRepository bare = open(w.remote());
            assertThat(bare.currentBranch()).contains("main");
            assertThat(bare.workingTreeFiles()).isEmpty();
            assertThat(bare.uncommittedChanges()).isEmpty();
        }
    }

    @Nested
    @DisplayName("GIT-16, GIT-17: fetching and pushing")
    class FetchingAndPushing {

        @Test
        @Tag("GIT-16")
        @DisplayName("GIT-16: fetch gives the remote branch's commit, readable locally, and updates the remote-tracking ref")
        void fetch(@TempDir Path scratch) {
            Writable w = writable(scratch);
            Path other = otherClone(scratch, w.remote(), "other");
            write(other.resolve("services/web/values.yaml"), "version: 2\n");
            gitText(other, "add", "-A");
            gitText(other, "commit", "-q", "-m", "moved on");
            gitText(other, "push", "-q", "origin", "main");
            String tip = gitText(w.remote(), "rev-parse", "refs/heads/main");

            GitRepository repository = open(w.work());
            Optional<CommitId> fetched = repository.fetch("origin", "main");
            assertThat(fetched).contains(CommitId.of(tip));
            assertThat(git.git().lines(w.work(), "ls-remote", "origin", "refs/heads/main").get(0)).startsWith(tip);
            assertThat(repository.readFile(fetched.orElseThrow(), "services/web/values.yaml")).hasValueSatisfying(
                    bytes -> assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo("version: 2\n"));
            assertThat(gitText(w.work(), "rev-parse", "refs/remotes/origin/main")).isEqualTo(tip);
            assertThat(gitText(w.work(), "rev-parse", "HEAD")).isNotEqualTo(tip);
        }

        @Test
        @Tag("GIT-16")
        @DisplayName("GIT-16: fetch by path leaves remote-tracking refs alone; a missing branch is empty; bad names are refused")
        void fetchByPathAndMissing(@TempDir Path scratch) {
            Writable w = writable(scratch);
            GitRepository repository = open(w.work());
            String tracking = gitText(w.work(), "rev-parse", "refs/remotes/origin/main");
            assertThat(repository.fetch(w.remote().toString(), "main"))
                    .contains(CommitId.of(gitText(w.remote(), "rev-parse", "main")));
            assertThat(gitText(w.work(), "rev-parse", "refs/remotes/origin/main")).isEqualTo(tracking);
            assertThat(repository.fetch("origin", "no-such-branch")).isEmpty();
            assertThatThrownBy(() -> repository.fetch("nowhere", "main")).isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("nowhere");
            assertThatThrownBy(() -> repository.fetch("origin", "bad..name")).isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("bad..name");
        }

        @Test
        @Tag("GIT-17")
        @DisplayName("GIT-17: a push of a descendant is OK, the remote ref and the tracking ref follow; again it is UP_TO_DATE")
        void pushDescendant(@TempDir Path scratch) {
            Writable w = writable(scratch);
            GitRepository repository = open(w.work());
            CommitId tip = repository.fetch("origin", "main").orElseThrow();
            CommitId created = repository.createCommit(Optional.of(tip), List.of(FileChange.write("deploy.txt", utf8("1\n"))), "deploy");
            PushSpec spec = new PushSpec(created.hex(), "refs/heads/main");
            assertThat(repository.push("origin", List.of(spec))).singleElement().satisfies(result -> {
                assertThat(result.destination()).isEqualTo("refs/heads/main");
                assertThat(result.status()).isEqualTo(PushResult.Status.OK);
            });
            assertThat(gitText(w.remote(), "rev-parse", "refs/heads/main")).isEqualTo(created.hex());
            assertThat(gitText(w.work(), "rev-parse", "refs/remotes/origin/main")).isEqualTo(created.hex());
            assertThat(gitText(w.remote(), "fsck", "--no-progress", "--no-dangling")).isEmpty();
            assertThat(repository.push("origin", List.of(spec))).extracting(PushResult::status)
                    .containsExactly(PushResult.Status.UP_TO_DATE);
        }

        @Test
        @Tag("GIT-17")
        @DisplayName("GIT-17: a push onto a remote that moved is rejected, never forced; the remote ref keeps the other writer's commit")
        void pushRejectedWhenTheRemoteMoved(@TempDir Path scratch) {
            Writable w = writable(scratch);
            GitRepository repository = open(w.work());
            CommitId tip = repository.fetch("origin", "main").orElseThrow();
            Path other = otherClone(scratch, w.remote(), "other");
            write(other.resolve("other.txt"), "the other writer\n");
            gitText(other, "add", "-A");
            gitText(other, "commit", "-q", "-m", "the other writer");
            gitText(other, "push", "-q", "origin", "main");
            String theirs = gitText(w.remote(), "rev-parse", "main");

            CommitId mine = repository.createCommit(Optional.of(tip), List.of(FileChange.write("mine.txt", utf8("me\n"))), "mine");
            PushResult unknown = repository.push("origin", List.of(new PushSpec(mine.hex(), "refs/heads/main"))).get(0);
            assertThat(unknown.status()).as("their commit is unknown here: git says fetch first")
                    .isEqualTo(PushResult.Status.REJECTED_REMOTE_CHANGED);
            assertThat(unknown.remoteMoved()).isTrue();
            assertThat(gitText(w.remote(), "rev-parse", "main")).isEqualTo(theirs);

            repository.fetch("origin", "main");
            PushResult known = repository.push("origin", List.of(new PushSpec(mine.hex(), "refs/heads/main"))).get(0);
            assertThat(known.status()).isEqualTo(PushResult.Status.REJECTED_NON_FAST_FORWARD);
            assertThat(gitText(w.remote(), "rev-parse", "main")).isEqualTo(theirs);
        }

        @Test
        @Tag("GIT-17")
        @DisplayName("GIT-17: several specs give results in order; a local ref pushes what it names, an annotated tag its tag object")
        void severalSpecs(@TempDir Path scratch) {
            Writable w = writable(scratch);
            GitRepository repository = open(w.work());
            CommitId head = repository.resolve("HEAD").orElseThrow();
            repository.createTag("services/web@1.0.0", head, "services/web 1.0.0");
            List<PushResult> results = repository.push("origin", List.of(
                    PushSpec.of("refs/tags/services/web@1.0.0"),
                    new PushSpec("refs/heads/main", "refs/heads/release"),
                    new PushSpec(head.hex(), "refs/heads/main")));
            assertThat(results).extracting(PushResult::destination)
                    .containsExactly("refs/tags/services/web@1.0.0", "refs/heads/release", "refs/heads/main");
            assertThat(results).extracting(PushResult::status)
                    .containsExactly(PushResult.Status.OK, PushResult.Status.OK, PushResult.Status.UP_TO_DATE);
            assertThat(gitText(w.remote(), "cat-file", "-t", "refs/tags/services/web@1.0.0")).isEqualTo("tag");
            assertThat(gitText(w.remote(), "rev-parse", "refs/heads/release")).isEqualTo(head.hex());
            assertThatThrownBy(() -> repository.push("origin", List.of(PushSpec.of("refs/heads/absent"))))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("refs/heads/absent");
        }

        @Test
        @Tag("GIT-17")
        @DisplayName("GIT-17: writers racing on one ref either land on top or are told the remote moved: no update is lost")
        void racingWriters(@TempDir Path scratch) throws Exception {
            Writable w = writable(scratch);
            int writers = 4;
            List<Path> clones = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                Path clone = otherClone(scratch, w.remote(), "writer-" + i);
                configureWriter(clone);
                clones.add(clone);
            }
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(writers);
            List<java.util.concurrent.Future<List<PushResult.Status>>> outcomes = new ArrayList<>();
            try {
                for (int i = 0; i < writers; i++) {
                    int writer = i;
                    outcomes.add(pool.submit(() -> {
                        List<PushResult.Status> seen = new ArrayList<>();
                        try (GitRepository repository = backend.open(clones.get(writer))) {
                            start.await();
                            for (int attempt = 0; attempt < 200; attempt++) {
                                CommitId tip = repository.fetch("origin", "main").orElseThrow();
                                CommitId mine = repository.createCommit(Optional.of(tip),
                                        List.of(FileChange.write("writers/" + writer + ".txt", utf8("writer " + writer + "\n"))),
                                        "writer " + writer);
                                PushResult.Status status = repository.push("origin",
                                        List.of(new PushSpec(mine.hex(), "refs/heads/main"))).get(0).status();
                                seen.add(status);
                                if (status == PushResult.Status.OK) {
                                    return seen;
                                }
                                if (status == PushResult.Status.REJECTED_OTHER) {
                                    return seen;
                                }
                            }
                        }
                        return seen;
                    }));
                }
                start.countDown();
                for (java.util.concurrent.Future<List<PushResult.Status>> outcome : outcomes) {
                    List<PushResult.Status> seen = outcome.get(120, java.util.concurrent.TimeUnit.SECONDS);
                    assertThat(seen).last().isEqualTo(PushResult.Status.OK);
                    assertThat(seen.subList(0, seen.size() - 1)).allSatisfy(status -> assertThat(status)
                            .isIn(PushResult.Status.REJECTED_NON_FAST_FORWARD, PushResult.Status.REJECTED_REMOTE_CHANGED));
                }
            } finally {
                pool.shutdownNow();
            }
            String tip = gitText(w.remote(), "rev-parse", "main");
            assertThat(git.git().lines(w.remote(), "ls-tree", "-r", "--name-only", tip, "writers/"))
                    .containsExactly("writers/0.txt", "writers/1.txt", "writers/2.txt", "writers/3.txt");
            assertThat(git.git().lines(w.remote(), "log", "--format=%s", "-" + writers, tip))
                    .containsExactlyInAnyOrder("writer 0", "writer 1", "writer 2", "writer 3");
        }
    }

    @Nested
    @DisplayName("GIT-20: the files of a commit")
    class ListingFiles {

        @Test
        @Tag("GIT-20")
        @DisplayName("GIT-20: listFiles equals git ls-tree -r --name-only at every commit of the main history")
        void likeLsTree() {
            GitRepository repository = open(world.main());
            for (String name : List.of("m0", "m1", "m6", "m7", "m10", "m12", "m13", "u0")) {
                String commit = world.commit(name);
                assertThat(repository.listFiles(CommitId.of(commit))).as("listFiles(%s)", name)
                        .isEqualTo(git.git().lines(world.main(), "ls-tree", "-r", "--name-only", commit));
            }
            assertThatThrownBy(() -> repository.listFiles(ABSENT)).isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining(ABSENT.hex());
        }
    }

    @Nested
    @DisplayName("GIT-18: tags")
    class CreatingTags {

        @Test
        @Tag("GIT-18")
        @DisplayName("GIT-18: createTag makes an annotated tag at the target, tagged by the committer identity")
        void annotated(@TempDir Path scratch) {
            Writable w = writable(scratch);
            GitRepository repository = open(w.work());
            CommitId head = repository.resolve("HEAD").orElseThrow();
            GitTag tag = repository.createTag("services/web@1.2.3", head, "services/web 1.2.3");
            assertThat(tag).isEqualTo(new GitTag("services/web@1.2.3", head, true));
            assertThat(gitText(w.work(), "cat-file", "-t", "refs/tags/services/web@1.2.3")).isEqualTo("tag");
            assertThat(gitText(w.work(), "rev-parse", "services/web@1.2.3^{commit}")).isEqualTo(head.hex());
            assertThat(gitText(w.work(), "for-each-ref", "--format=%(taggername) %(taggeremail)|%(contents:subject)",
                    "refs/tags/services/web@1.2.3")).isEqualTo(WRITER_NAME + " <" + WRITER_EMAIL + ">|services/web 1.2.3");
            assertThat(repository.tags()).contains(tag);
        }

        @Test
        @Tag("GIT-18")
        @DisplayName("GIT-18: creating it again at the same commit returns it unchanged; at another commit it is refused")
        void idempotentAndConflicting(@TempDir Path scratch) {
            Writable w = writable(scratch);
            GitRepository repository = open(w.work());
            CommitId head = repository.resolve("HEAD").orElseThrow();
            CommitId parent = repository.resolve("HEAD~1").orElseThrow();
            repository.createTag("v2", head, "first");
            String object = gitText(w.work(), "rev-parse", "refs/tags/v2");
            assertThat(repository.createTag("v2", head, "another message")).isEqualTo(new GitTag("v2", head, true));
            assertThat(gitText(w.work(), "rev-parse", "refs/tags/v2")).isEqualTo(object);
            assertThatThrownBy(() -> repository.createTag("v2", parent, "moved"))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("v2").hasMessageContaining(head.hex()).hasMessageContaining(parent.hex());
            gitText(w.work(), "tag", "light", head.hex());
            assertThat(repository.createTag("light", head, "x")).isEqualTo(new GitTag("light", head, false));
            for (String bad : List.of("bad..name", "with space", "end.lock", "")) {
                assertThat(git.git().run(w.work(), "check-ref-format", "refs/tags/" + bad).ok()).as(bad).isFalse();
                assertThatThrownBy(() -> repository.createTag(bad, head, "x")).as(bad).isInstanceOf(InvalidInputException.class);
            }
        }
    }

    @Nested
    @DisplayName("GIT-19: unreachable remotes and credentials")
    class RemoteFailures {

        private static final String SECRET = "s3cr3t-t0ken-value";

        @Test
        @Tag("GIT-19")
        @DisplayName("GIT-19: an unreachable remote is a BackendException naming it without the credentials in its URL")
        void noCredentialsInErrors(@TempDir Path scratch) {
            Writable w = writable(scratch);
            String url = "http://deployer:" + SECRET + "@127.0.0.1:9/platform.git";
            gitText(w.work(), "remote", "add", "private", url);
            GitRepository repository = open(w.work());
            CommitId head = repository.resolve("HEAD").orElseThrow();
            List<Runnable> operations = List.of(
                    () -> repository.fetch("private", "main"),
                    () -> repository.push("private", List.of(new PushSpec(head.hex(), "refs/heads/main"))),
                    () -> repository.fetch(url, "main"),
                    () -> repository.fetch("http://" + SECRET + "@127.0.0.1:9/platform.git", "main"));
            for (Runnable operation : operations) {
                Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(operation::run);
                assertThat(thrown).isInstanceOf(dev.slipway.api.BackendException.class).hasMessageContaining("127.0.0.1");
                for (Throwable t = thrown; t != null; t = t.getCause()) {
                    assertThat(t.getMessage()).doesNotContain(SECRET);
                    assertThat(String.valueOf(t)).doesNotContain(SECRET);
                }
            }
        }
    }

    private static Path mkdir(Path directory) {
        try {
            return Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every file and directory under a root with its type, size and modification time. */
    static Map<String, String> snapshot(Path root) {
        Map<String, String> entries = new TreeMap<>();
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            entries.put(root.toString(), "absent");
            return entries;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                entries.put(path.toString(), (attributes.isDirectory() ? "dir " : "file ") + attributes.size()
                        + " " + attributes.lastModifiedTime().toInstant());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return entries;
    }

    /** The git and JGit configuration locations of the user running the tests. */
    static Map<String, String> homeSnapshot() {
        Map<String, String> entries = new HashMap<>();
        Path home = Path.of(System.getProperty("user.home"));
        List<Path> locations = new ArrayList<>(List.of(home.resolve(".gitconfig"), home.resolve(".config/git"),
                home.resolve(".config/jgit")));
        String xdg = System.getenv("XDG_CONFIG_HOME");
        if (xdg != null && !xdg.isBlank()) {
            locations.add(Path.of(xdg, "git"));
            locations.add(Path.of(xdg, "jgit"));
        }
        for (Path location : locations) {
            entries.putAll(snapshot(location));
        }
        return new TreeMap<>(entries);
    }
}
