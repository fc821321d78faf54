package dev.slipway.spi;

import dev.slipway.api.CommitId;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An open git repository: the read operations Slipway's engines need, and the write side of the
 * GitOps flow (commits built from a parent and file changes, moving HEAD and the work tree, fetch, push,
 * tags). Implementations are used from one thread at a time; several processes may write to one remote
 * at once, and the write operations are built for that (compare-and-swap ref updates, atomic files).
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
 *
 * <p>Write rules:
 * <ol start="12">
 *   <li>{@code GIT-12}: {@link #createCommit} writes one commit whose tree is the parent's tree (the empty tree
 *       without a parent) with the changes applied, as {@code git ls-tree -r} shows it: a written path gets
 *       exactly the given bytes (no line-ending or filter conversion), keeps the executable bit the parent had
 *       and is a regular file ({@code 100644}) otherwise; a written path replaces a file or directory in its way;
 *       a deleted path (file or directory) is gone and an absent one is ignored; directories left empty vanish.
 *       The message is stored as given, with a final newline added when missing. It touches no ref, index or
 *       work tree file.</li>
 *   <li>{@code GIT-13}: the author and committer of {@link #createCommit} and the tagger of {@link #createTag}
 *       are who git would record: {@code GIT_AUTHOR_NAME}/{@code GIT_AUTHOR_EMAIL} and
 *       {@code GIT_COMMITTER_NAME}/{@code GIT_COMMITTER_EMAIL} from the environment, else {@code author.*} /
 *       {@code committer.*}, else {@code user.name}/{@code user.email} from the repository's, the user's and the
 *       system's git configuration, else (e-mail only) {@code EMAIL}. Nothing is guessed from the login or the
 *       host name: without a name and an e-mail the operation is an {@link dev.slipway.api.InvalidInputException}
 *       that says how to set them.</li>
 *   <li>{@code GIT-14}: {@link #moveHead} moves HEAD (its branch, or a detached HEAD) from one commit to another
 *       only when HEAD is at the first, and updates the index and work tree as {@code git reset --keep} does:
 *       every path that differs between the two commits takes the target's content; a path with local changes
 *       (in the index or the work tree) is refused, naming it, unless those changes already equal the target;
 *       local changes to other paths stay. A refusal changes nothing. In a bare repository only the ref
 *       moves.</li>
 *   <li>{@code GIT-15}: {@link #workingTreeFiles} equals the files of {@code git ls-files --cached --others
 *       --exclude-standard} that exist in the work tree (tracked and untracked files, ignored ones left out);
 *       {@link #uncommittedChanges} equals the paths of {@code git status --porcelain -uall --no-renames};
 *       {@link #currentBranch} is HEAD's branch ({@code git symbolic-ref --short HEAD}), empty when detached;
 *       {@link #remotes} equals {@code git remote}. A bare repository has no work tree files and no changes.</li>
 *   <li>{@code GIT-16}: {@link #fetch} gives the commit a remote's branch names ({@code git ls-remote REMOTE
 *       refs/heads/BRANCH}), its objects readable afterwards, and for a configured remote updates
 *       {@code refs/remotes/REMOTE/BRANCH}; a branch the remote lacks is empty, not an error.</li>
 *   <li>{@code GIT-17}: {@link #push} gives one result per spec, in order: {@code OK} when the remote ref now
 *       holds the source, {@code UP_TO_DATE} when it already did; it never forces: a push whose commit does not
 *       descend from the remote ref is rejected ({@code REJECTED_NON_FAST_FORWARD}, or
 *       {@code REJECTED_REMOTE_CHANGED} when the remote's commit is unknown locally or the ref moved during the
 *       push) and the remote ref is unchanged. Of several processes pushing to one ref at once, each push either
 *       lands on top of what the ref held or is rejected: no update is lost. After a successful push to a
 *       configured remote's branch, {@code refs/remotes/REMOTE/BRANCH} follows.</li>
 *   <li>{@code GIT-18}: {@link #createTag} creates an annotated tag as {@code git tag -a} does ({@code git
 *       cat-file -t} says {@code tag}, it peels to the target, its tagger follows {@code GIT-13}); creating it
 *       again at the same commit returns it unchanged; at another commit it is an
 *       {@link dev.slipway.api.InvalidInputException} naming the tag and both commits; an invalid tag name is
 *       one too.</li>
 *   <li>{@code GIT-19}: a remote that cannot be reached or refuses the credentials is a
 *       {@link dev.slipway.api.BackendException} that names the remote without credentials: user names and
 *       passwords in a remote URL and tokens from the environment never appear in a message or a result; an
 *       unknown remote name is an {@link dev.slipway.api.InvalidInputException}.</li>
 *   <li>{@code GIT-20}: {@link #listFiles} equals {@code git ls-tree -r --name-only COMMIT} without submodule
 *       entries: every file (and symbolic link) of the commit's tree, sorted.</li>
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
     * Every file of a commit's tree (rule {@code GIT-20}): what a flow that edits manifests at a commit (the
     * freshly fetched remote tip) scans instead of a work tree.
     *
     * @param commit the commit
     * @return repo-relative paths of files and symbolic links, sorted; submodule entries left out
     * @throws dev.slipway.api.InvalidInputException if the repository lacks the commit
     */
    List<String> listFiles(CommitId commit);

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
     * Writes a commit object: the parent's tree with the changes applied (rule {@code GIT-12}), authored and
     * committed by the identity git would use (rule {@code GIT-13}). No ref, index or work tree file changes:
     * pair it with {@link #moveHead} or {@link #push}.
     *
     * @param parent the parent commit, or empty for a root commit
     * @param changes the files to write or delete, at most one change per path
     * @param message the commit message (a final newline is added when missing)
     * @return the new commit
     * @throws dev.slipway.api.InvalidInputException if the parent is not a commit of this repository, two
     *     changes name one path, or no committer identity is configured
     * @throws dev.slipway.api.BackendException if the objects cannot be written
     */
    CommitId createCommit(Optional<CommitId> parent, List<FileChange> changes, String message);

    /**
     * Moves HEAD, and the index and work tree with it, from one commit to another, keeping unrelated local
     * changes (rule {@code GIT-14}). On a branch the branch moves; a detached HEAD stays detached.
     *
     * @param expected the commit HEAD must be at now
     * @param target the commit HEAD moves to
     * @throws dev.slipway.api.InvalidInputException if HEAD is not at {@code expected}, a commit is unknown, or
     *     a path that must change has local changes (the message names the paths); nothing changed then
     * @throws dev.slipway.api.BackendException if the index or a file cannot be written
     */
    void moveHead(CommitId expected, CommitId target);

    /**
     * The files of the work tree: tracked and untracked, ignored ones left out (rule {@code GIT-15}).
     *
     * @return repo-relative paths, sorted; empty for a bare repository
     */
    List<String> workingTreeFiles();

    /**
     * The paths whose index or work tree content differs from HEAD, untracked files included and ignored ones
     * left out (rule {@code GIT-15}).
     *
     * @return repo-relative paths, sorted; empty for a bare repository or a clean work tree
     */
    List<String> uncommittedChanges();

    /**
     * The branch HEAD is on.
     *
     * @return the short branch name ({@code main}), or empty when HEAD is detached
     */
    Optional<String> currentBranch();

    /**
     * The names of the configured remotes.
     *
     * @return the names, sorted
     */
    List<String> remotes();

    /**
     * Fetches one branch of a remote (rule {@code GIT-16}).
     *
     * @param remote a configured remote's name ({@code origin}) or a URL or path
     * @param branch the branch name on the remote ({@code main})
     * @return the commit the remote's branch holds, now readable locally; empty when the remote has no such
     *     branch
     * @throws dev.slipway.api.InvalidInputException for an unknown remote name or an invalid branch name
     * @throws dev.slipway.api.BackendException if the remote cannot be reached or refuses the credentials
     */
    Optional<CommitId> fetch(String remote, String branch);

    /**
     * Pushes refs or commits to a remote, never forcing (rule {@code GIT-17}). A rejection is a result, not an
     * exception.
     *
     * @param remote a configured remote's name ({@code origin}) or a URL or path
     * @param specs what to push where
     * @return one result per spec, in order
     * @throws dev.slipway.api.InvalidInputException for an unknown remote name or a source this repository lacks
     * @throws dev.slipway.api.BackendException if the remote cannot be reached or refuses the credentials
     *     (credentials never in the message)
     */
    List<PushResult> push(String remote, List<PushSpec> specs);

    /**
     * Creates an annotated tag {@code name} at {@code target} with {@code message}, tagged by the committer
     * identity (rules {@code GIT-13}, {@code GIT-18}). Idempotent: when the tag already exists and peels to
     * {@code target}, returns it unchanged.
     *
     * @param name the tag name without {@code refs/tags/} ({@code services/web@1.2.3})
     * @param target the commit to tag
     * @param message the tag message (a final newline is added when missing)
     * @return the tag
     * @throws dev.slipway.api.InvalidInputException if the tag exists at another commit (naming the tag and
     *     both commits), the name is not a valid tag name, the target is unknown, or no identity is configured
     */
    GitTag createTag(String name, CommitId target, String message);

    /**
     * Releases the repository's resources.
     */
    @Override
    void close();
}
