package dev.slipway.spi;

import dev.slipway.api.CommitId;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An open git repository: the read operations Slipway's engines need. Implementations are used from
 * one thread at a time.
 *
 * <p>Rules (checked by the {@code tck} module's {@code GitBackendContract}; the git CLI is the oracle):
 * <ol>
 *   <li>{@code GIT-3}: {@link #resolve} gives the commit a revision names, as {@code git rev-parse
 *       REV^{commit}} does: full ids, unique abbreviations, {@code HEAD}, branches, tags (annotated tags
 *       peeled), {@code refs/...} names, {@code REV~N} and {@code REV^N}; an unknown revision is empty; an
 *       ambiguous abbreviation is an {@link dev.slipway.api.InvalidInputException} that names it and says
 *       to give more digits.</li>
 *   <li>{@code GIT-4}: {@link #tags} lists every tag under {@code refs/tags/} with the commit it peels to,
 *       lightweight and annotated alike; tags that do not point (through tag objects) to a commit are
 *       left out.</li>
 *   <li>{@code GIT-5}: {@link #count} equals {@code git rev-list --count INCLUDE... ^EXCLUDE...}: every
 *       parent is followed, not only the first.</li>
 *   <li>{@code GIT-6}: {@link #walk} reports exactly the commits of {@code git rev-list INCLUDE...
 *       ^EXCLUDE...}, each once, children before parents; with paths, a commit's changed paths equal
 *       {@code git diff-tree --no-renames --name-only -r --root} against its first parent.</li>
 *   <li>{@code GIT-7}: {@link #changedPaths} equals {@code git diff --no-renames --name-only FROM TO}: a
 *       rename is its old and its new path.</li>
 *   <li>{@code GIT-8}: {@link #readFile} gives a file's bytes at a commit, empty when the path is absent or
 *       not a file; {@link #treeId} gives the object id of a path (file or directory) at a commit, empty when
 *       absent; {@link #countCommitsHolding} equals, per path, the number of commits of {@code git rev-list
 *       HEAD} for which {@code git cat-file -e COMMIT:PATH} succeeds; {@link #subdirectories} equals the names
 *       of {@code git ls-tree -d COMMIT DIR/}.</li>
 *   <li>{@code GIT-9}: {@link #mergeBase} equals {@code git merge-base A B} (one best common ancestor, empty
 *       when unrelated); {@link #isAncestor} equals {@code git merge-base --is-ancestor A B}.</li>
 *   <li>{@code GIT-10}: {@link #isShallow} is true exactly when the repository has a {@code shallow} file
 *       (a clone with limited depth); {@link #isPartial} is true when it is a partial clone (a
 *       {@code remote.*.promisor} or {@code extensions.partialClone} setting).</li>
 *   <li>{@code GIT-11}: asking about a commit the repository does not have is an
 *       {@link dev.slipway.api.InvalidInputException} naming the commit, never a wrong answer.</li>
 * </ol>
 */
public interface GitRepository extends AutoCloseable {

    /**
     * The commit a revision names.
     *
     * @param revision a revision as {@code git rev-parse} takes it
     * @return the commit, or empty when the revision names nothing
     * @throws dev.slipway.api.InvalidInputException if an abbreviated id is ambiguous
     */
    Optional<CommitId> resolve(String revision);

    /**
     * Every tag with the commit it points to.
     *
     * @return the tags, in name order
     */
    List<GitTag> tags();

    /**
     * How many commits are reachable from {@code include} and not from {@code exclude}.
     *
     * @param include the commits to start from
     * @param exclude the commits whose ancestors are left out
     * @return the count
     */
    long count(Collection<CommitId> include, Collection<CommitId> exclude);

    /**
     * The commits reachable from {@code include} and not from {@code exclude}, newest first (children
     * before parents), each once.
     *
     * @param include the commits to start from
     * @param exclude the commits whose ancestors are left out
     * @param withPaths whether to report each commit's changed paths (slower)
     * @return the commits
     */
    List<GitCommit> walk(Collection<CommitId> include, Collection<CommitId> exclude, boolean withPaths);

    /**
     * The paths that differ between two commits' trees, without rename detection.
     *
     * @param from the old commit
     * @param to the new commit
     * @return the paths, sorted
     */
    List<String> changedPaths(CommitId from, CommitId to);

    /**
     * A file's content at a commit.
     *
     * @param commit the commit
     * @param path the repo-relative path
     * @return the bytes, or empty when there is no file at that path
     */
    Optional<byte[]> readFile(CommitId commit, String path);

    /**
     * The object id of a path at a commit: a tree for a directory, a blob for a file.
     *
     * @param commit the commit
     * @param path the repo-relative path; the empty string names the root tree
     * @return the id, or empty when the path does not exist in that commit
     */
    Optional<String> treeId(CommitId commit, String path);

    /**
     * The names of the subdirectories of a directory at a commit, sorted: how the services under
     * {@code services/} are discovered in the commit being examined.
     *
     * @param commit the commit
     * @param directory a repo-relative directory; the empty string names the root
     * @return the subdirectory names (no paths, no trailing slash), empty when the directory is absent
     */
    List<String> subdirectories(CommitId commit, String directory);

    /**
     * For each path, how many commits reachable from {@code head} hold it in their tree (as a file or a
     * directory): the commit count of a service that has no release yet.
     *
     * @param head the commit to start from
     * @param paths repo-relative paths
     * @return for each path, the number of commits whose tree has it
     */
    Map<String, Long> countCommitsHolding(CommitId head, Collection<String> paths);

    /**
     * The best common ancestor of two commits.
     *
     * @param a one commit
     * @param b the other
     * @return the merge base, or empty when the histories are unrelated
     */
    Optional<CommitId> mergeBase(CommitId a, CommitId b);

    /**
     * Whether {@code ancestor} is reachable from {@code descendant} (a commit is its own ancestor).
     *
     * @param ancestor the possible ancestor
     * @param descendant the possible descendant
     * @return true if reachable
     */
    boolean isAncestor(CommitId ancestor, CommitId descendant);

    /**
     * Whether the repository is a shallow clone, whose history is cut off.
     *
     * @return true for a shallow clone
     */
    boolean isShallow();

    /**
     * Whether the repository is a partial clone, which lacks objects it fetches on demand.
     *
     * @return true for a partial clone
     */
    boolean isPartial();

    /**
     * Releases the repository's resources.
     */
    @Override
    void close();
}
