package dev.slipway.core.git;

import dev.slipway.api.CommitId;
import dev.slipway.git.jgit.JGitBackend;
import dev.slipway.spi.FileChange;
import dev.slipway.spi.GitBackend;
import dev.slipway.spi.GitCommit;
import dev.slipway.spi.GitRepository;
import dev.slipway.spi.GitTag;
import dev.slipway.spi.PushResult;
import dev.slipway.spi.PushSpec;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * The JGit backend with a hook around {@code push}: tests make the remote move between the fetch and the push
 * (another writer lands first), or refuse pushes, to drive the retry loop deterministically.
 */
public final class InterceptingBackend implements GitBackend {

    /** Decides a push: given the attempt number (1-based) and the real push, returns the results. */
    @FunctionalInterface
    public interface PushHook {
        /**
         * @param attempt which push this is, from 1
         * @param push performs the real push
         * @return the results to report
         */
        List<PushResult> push(int attempt, java.util.function.Supplier<List<PushResult>> push);
    }

    private final JGitBackend delegate = new JGitBackend();
    private final PushHook hook;
    private int pushes;

    public InterceptingBackend(PushHook hook) {
        this.hook = hook;
    }

    /** How many pushes the flow made. */
    public synchronized int pushes() {
        return pushes;
    }

    @Override
    public String id() {
        return "git-intercepting";
    }

    @Override
    public void init(Path directory, boolean bare, String initialBranch) {
        delegate.init(directory, bare, initialBranch);
    }

    @Override
    public GitRepository open(Path directory) {
        GitRepository real = delegate.open(directory);
        BiFunction<String, List<PushSpec>, List<PushResult>> push = (remote, specs) -> {
            int attempt;
            synchronized (this) {
                attempt = ++pushes;
            }
            return hook.push(attempt, () -> real.push(remote, specs));
        };
        return new GitRepository() {
            @Override
            public Optional<CommitId> resolve(String revision) {
                return real.resolve(revision);
            }

            @Override
            public List<GitTag> tags() {
                return real.tags();
            }

            @Override
            public long count(Collection<CommitId> include, Collection<CommitId> exclude) {
                return real.count(include, exclude);
            }

            @Override
            public List<GitCommit> walk(Collection<CommitId> include, Collection<CommitId> exclude, boolean withPaths) {
                return real.walk(include, exclude, withPaths);
            }

            @Override
            public List<String> changedPaths(CommitId from, CommitId to) {
                return real.changedPaths(from, to);
            }

            @Override
            public Optional<byte[]> readFile(CommitId commit, String path) {
                return real.readFile(commit, path);
            }

            @Override
            public Optional<String> treeId(CommitId commit, String path) {
                return real.treeId(commit, path);
            }

            @Override
            public List<String> listFiles(CommitId commit) {
                return real.listFiles(commit);
            }

            @Override
            public List<String> subdirectories(CommitId commit, String directory) {
                return real.subdirectories(commit, directory);
            }

            @Override
            public Map<String, Long> countCommitsHolding(CommitId head, Collection<String> paths) {
                return real.countCommitsHolding(head, paths);
            }

            @Override
            public Optional<CommitId> mergeBase(CommitId a, CommitId b) {
                return real.mergeBase(a, b);
            }

            @Override
            public boolean isAncestor(CommitId ancestor, CommitId descendant) {
                return real.isAncestor(ancestor, descendant);
            }

            @Override
            public boolean isShallow() {
                return real.isShallow();
            }

            @Override
            public boolean isPartial() {
                return real.isPartial();
            }

            @Override
            public CommitId createCommit(Optional<CommitId> parent, List<FileChange> changes, String message) {
                return real.createCommit(parent, changes, message);
            }

            @Override
            public void moveHead(CommitId expected, CommitId target) {
                real.moveHead(expected, target);
            }

            @Override
            public List<String> workingTreeFiles() {
                return real.workingTreeFiles();
            }

            @Override
            public List<String> uncommittedChanges() {
                return real.uncommittedChanges();
            }

            @Override
            public Optional<String> currentBranch() {
                return real.currentBranch();
            }

            @Override
            public List<String> remotes() {
                return real.remotes();
            }

            @Override
            public Optional<CommitId> fetch(String remote, String branch) {
                return real.fetch(remote, branch);
            }

            @Override
            public List<PushResult> push(String remote, List<PushSpec> specs) {
                return push.apply(remote, specs);
            }

            @Override
            public GitTag createTag(String name, CommitId target, String message) {
                return real.createTag(name, target, message);
            }

            @Override
            public void close() {
                real.close();
            }
        };
    }
}
