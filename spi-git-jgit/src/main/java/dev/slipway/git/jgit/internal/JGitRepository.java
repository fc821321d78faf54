package dev.slipway.git.jgit.internal;

import dev.slipway.api.BackendException;
import dev.slipway.api.CommitId;
import dev.slipway.api.InvalidInputException;
import dev.slipway.spi.FileChange;
import dev.slipway.spi.GitCommit;
import dev.slipway.spi.GitRepository;
import dev.slipway.spi.GitTag;
import dev.slipway.spi.PushSpec;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheEditor;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.errors.IncorrectObjectTypeException;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.errors.RepositoryNotFoundException;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Config;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.TagBuilder;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevFlag;
import org.eclipse.jgit.revwalk.RevObject;
import org.eclipse.jgit.revwalk.RevSort;
import org.eclipse.jgit.revwalk.RevTag;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.revwalk.filter.RevFilter;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.CanonicalTreeParser;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.TreeFilter;
import org.eclipse.jgit.util.SystemReader;

/**
 * A repository read through JGit: one {@link ObjectReader} per open repository, and one commit-graph walk
 * ({@code graph}, no message bodies) whose parsed commits later calls reuse, so the second count over the same
 * history does not inflate its commits again.
 */
public final class JGitRepository implements GitRepository {

    private final Repository repository;
    private final ObjectReader reader;
    private final RevWalk graph;
    private final String location;
    private final WorkTree workTree;
    private final Remotes remotes;

    private JGitRepository(Repository repository) {
        this.repository = repository;
        this.reader = repository.newObjectReader();
        this.graph = new RevWalk(reader);
        this.graph.setRetainBody(false);
        this.location = repository.isBare() || repository.getWorkTree() == null
                ? repository.getDirectory().getPath()
                : repository.getWorkTree().getPath();
        this.workTree = new WorkTree(repository, location);
        this.remotes = new Remotes(repository, name -> SystemReader.getInstance().getenv(name), location);
    }

    /** Opens the repository holding a directory, as git discovers it. */
    public static JGitRepository open(Path directory) {
        Objects.requireNonNull(directory, "directory");
        Path absolute = directory.toAbsolutePath().normalize();
        String given = directory.toString();
        if (!Files.isDirectory(absolute)) {
            throw new InvalidInputException(given, "cannot open a git repository at \"" + given
                    + "\": not a directory; expected a work tree, a directory inside one, or a bare repository");
        }
        FileRepositoryBuilder builder = new FileRepositoryBuilder().setMustExist(true).findGitDir(absolute.toFile());
        if (builder.getGitDir() == null) {
            throw notARepository(given, null);
        }
        try {
            return new JGitRepository(builder.build());
        } catch (RepositoryNotFoundException e) {
            throw notARepository(given, e);
        } catch (IOException | RuntimeException e) {
            throw new BackendException("cannot open the git repository at \"" + builder.getGitDir() + "\" (for \""
                    + given + "\"): " + e.getMessage(), e);
        }
    }

    private static InvalidInputException notARepository(String given, Exception cause) {
        String message = "not in a git repository: \"" + given
                + "\" (nor any of its parents) is no work tree, directory inside one, or bare repository";
        return cause == null ? new InvalidInputException(given, message) : new InvalidInputException(given, message, cause);
    }

    @Override
    public Optional<CommitId> resolve(String revision) {
        Objects.requireNonNull(revision, "revision");
        try {
            RevCommit commit = new Revisions(repository, graph()).resolve(revision);
            return commit == null ? Optional.empty() : Optional.of(id(commit));
        } catch (IOException e) {
            throw io(e);
        }
    }

    @Override
    public List<GitTag> tags() {
        try {
            RevWalk walk = graph();
            List<GitTag> tags = new ArrayList<>();
            for (Ref ref : repository.getRefDatabase().getRefsByPrefix(Constants.R_TAGS)) {
                ObjectId target = ref.getObjectId();
                if (target == null) {
                    continue;
                }
                RevObject object;
                try {
                    object = walk.parseAny(target);
                } catch (MissingObjectException e) {
                    throw new BackendException("tag " + ref.getName() + " of the git repository at " + location
                            + " points to object " + target.name() + ", which the repository does not have", e);
                }
                boolean annotated = object instanceof RevTag;
                RevObject peeled;
                try {
                    peeled = walk.peel(object);
                } catch (MissingObjectException e) {
                    throw new BackendException("tag " + ref.getName() + " of the git repository at " + location
                            + " points (through tag objects) to object " + e.getObjectId().name()
                            + ", which the repository does not have", e);
                }
                if (peeled instanceof RevCommit) {
                    tags.add(new GitTag(ref.getName().substring(Constants.R_TAGS.length()), id(peeled), annotated));
                }
            }
            tags.sort(Comparator.comparing(GitTag::name));
            return List.copyOf(tags);
        } catch (IOException e) {
            throw io(e);
        }
    }

    @Override
    public long count(Collection<CommitId> include, Collection<CommitId> exclude) {
        try {
            RevWalk walk = graph();
            if (!mark(walk, include, exclude)) {
                return 0;
            }
            // JGit hands a commit out before a later, clock-skewed path may mark it uninteresting; git buffers
            // the whole walk and drops such commits at the end, and so does this (rule GIT-5)
            List<RevCommit> produced = new ArrayList<>();
            for (RevCommit commit = walk.next(); commit != null; commit = walk.next()) {
                produced.add(commit);
            }
            long count = 0;
            for (RevCommit commit : produced) {
                if (!commit.has(RevFlag.UNINTERESTING)) {
                    count++;
                }
            }
            return count;
        } catch (IOException e) {
            throw io(e);
        }
    }

    @Override
    public List<GitCommit> walk(Collection<CommitId> include, Collection<CommitId> exclude, boolean withPaths) {
        try (RevWalk walk = new RevWalk(reader); TreeWalk diff = new TreeWalk(reader)) {
            walk.setRetainBody(true);
            walk.sort(RevSort.TOPO);
            if (!mark(walk, include, exclude)) {
                return List.of();
            }
            diff.setRecursive(true);
            List<GitCommit> commits = new ArrayList<>();
            List<RevCommit> produced = new ArrayList<>();
            for (RevCommit commit = walk.next(); commit != null; commit = walk.next()) {
                produced.add(commit);
            }
            for (RevCommit commit : produced) {
                if (commit.has(RevFlag.UNINTERESTING)) {
                    // marked by a clock-skewed path after JGit handed it out (see count)
                    continue;
                }
                List<CommitId> parents = new ArrayList<>(commit.getParentCount());
                for (RevCommit parent : commit.getParents()) {
                    parents.add(id(parent));
                }
                List<String> paths = List.of();
                if (withPaths) {
                    if (commit.getParentCount() == 0) {
                        paths = paths(diff, TreeFilter.ALL, commit.getTree());
                    } else {
                        RevCommit first = commit.getParent(0);
                        walk.parseHeaders(first);
                        paths = paths(diff, TreeFilter.ANY_DIFF, first.getTree(), commit.getTree());
                    }
                }
                commits.add(new GitCommit(id(commit), parents, commit.getFullMessage(),
                        Instant.ofEpochSecond(commit.getCommitTime()), paths));
                commit.disposeBody();
            }
            return List.copyOf(commits);
        } catch (IOException e) {
            throw io(e);
        }
    }

    @Override
    public List<String> changedPaths(CommitId from, CommitId to) {
        try (TreeWalk diff = new TreeWalk(reader)) {
            RevWalk walk = graph();
            RevCommit old = commit(walk, from);
            RevCommit current = commit(walk, to);
            diff.setRecursive(true);
            return paths(diff, TreeFilter.ANY_DIFF, old.getTree(), current.getTree());
        } catch (IOException e) {
            throw io(e);
        }
    }

    @Override
    public Optional<byte[]> readFile(CommitId commit, String path) {
        checkPath(path);
        if (path.isEmpty()) {
            return Optional.empty();
        }
        try {
            Optional<ObjectId> found = entry(commit, path, FileMode.TYPE_FILE);
            if (found.isEmpty()) {
                return Optional.empty();
            }
            ObjectId blob = found.get();
            try {
                ObjectLoader loader = reader.open(blob, Constants.OBJ_BLOB);
                if (!loader.isLarge()) {
                    return Optional.of(loader.getBytes());
                }
                try (InputStream in = loader.openStream()) {
                    return Optional.of(in.readAllBytes());
                }
            } catch (MissingObjectException e) {
                throw new InvalidInputException(commit.hex(), "the git repository at " + location + " lacks blob "
                        + blob.name() + " of \"" + path + "\" at commit " + commit.hex()
                        + (isPartial() ? ": it is a partial clone; clone it without --filter" : ": the repository is damaged"), e);
            }
        } catch (IOException e) {
            throw io(e);
        }
    }

    /** Any entry type, for {@link #entry}. */
    private static final int ANY_TYPE = -1;

    /**
     * The object id at a path of a commit's tree (the root tree for the empty path), when the entry there
     * has the given {@link FileMode} type ({@link #ANY_TYPE} for any).
     */
    private Optional<ObjectId> entry(CommitId commit, String path, int type) throws IOException {
        RevCommit at = commit(graph(), commit);
        if (path.isEmpty()) {
            return type == ANY_TYPE || type == FileMode.TYPE_TREE ? Optional.of(at.getTree()) : Optional.empty();
        }
        try (TreeWalk entry = TreeWalk.forPath(reader, path, at.getTree())) {
            if (entry == null || (type != ANY_TYPE && (entry.getRawMode(0) & FileMode.TYPE_MASK) != type)) {
                return Optional.empty();
            }
            return Optional.of(entry.getObjectId(0));
        }
    }

    @Override
    public Optional<String> treeId(CommitId commit, String path) {
        checkPath(path);
        try {
            return entry(commit, path, ANY_TYPE).map(ObjectId::name);
        } catch (IOException e) {
            throw io(e);
        }
    }

    @Override
    public List<String> listFiles(CommitId commit) {
        try (TreeWalk walk = new TreeWalk(reader)) {
            walk.addTree(commit(graph(), commit).getTree());
            walk.setRecursive(true);
            List<String> files = new ArrayList<>();
            while (walk.next()) {
                if ((walk.getRawMode(0) & FileMode.TYPE_MASK) != FileMode.TYPE_GITLINK) {
                    files.add(walk.getPathString());
                }
            }
            files.sort(null);
            return List.copyOf(files);
        } catch (IOException e) {
            throw io(e);
        }
    }

    @Override
    public List<String> subdirectories(CommitId commit, String directory) {
        checkPath(directory);
        try {
            Optional<ObjectId> found = entry(commit, directory, FileMode.TYPE_TREE);
            if (found.isEmpty()) {
                return List.of();
            }
            ObjectId tree = found.get();
            List<String> names = new ArrayList<>();
            CanonicalTreeParser parser = new CanonicalTreeParser();
            parser.reset(reader, tree);
            for (; !parser.eof(); parser.next()) {
                if ((parser.getEntryRawMode() & FileMode.TYPE_MASK) == FileMode.TYPE_TREE) {
                    names.add(parser.getEntryPathString());
                }
            }
            names.sort(null);
            return names;
        } catch (IOException e) {
            throw io(e);
        }
    }

    @Override
    public Map<String, Long> countCommitsHolding(CommitId head, Collection<String> paths) {
        PathTrie trie = new PathTrie();
        List<String> distinct = new ArrayList<>();
        for (String path : paths) {
            checkPath(path);
            if (!distinct.contains(path)) {
                distinct.add(path);
                trie.add(path, distinct.size() - 1);
            }
        }
        long[] counts = new long[distinct.size()];
        try {
            RevWalk walk = graph();
            walk.markStart(commit(walk, head));
            CanonicalTreeParser parser = new CanonicalTreeParser();
            for (RevCommit commit = walk.next(); commit != null; commit = walk.next()) {
                BitSet held = trie.root.holds(commit.getTree(), reader, parser);
                for (int i = held.nextSetBit(0); i >= 0; i = held.nextSetBit(i + 1)) {
                    counts[i]++;
                }
            }
        } catch (IOException e) {
            throw io(e);
        }
        Map<String, Long> result = new LinkedHashMap<>();
        for (int i = 0; i < distinct.size(); i++) {
            result.put(distinct.get(i), counts[i]);
        }
        return result;
    }

    @Override
    public Optional<CommitId> mergeBase(CommitId a, CommitId b) {
        try {
            RevWalk walk = graph();
            RevCommit first = commit(walk, a);
            RevCommit second = commit(walk, b);
            walk.setRevFilter(RevFilter.MERGE_BASE);
            walk.markStart(first);
            walk.markStart(second);
            List<RevCommit> bases = new ArrayList<>();
            for (RevCommit base = walk.next(); base != null; base = walk.next()) {
                bases.add(base);
            }
            if (bases.size() <= 1) {
                return bases.stream().findFirst().map(JGitRepository::id);
            }
            return Optional.of(id(best(bases)));
        } catch (IOException e) {
            throw io(e);
        }
    }

    /** Of several merge bases, the newest (by committer time) of those no other one descends from, as git picks. */
    private RevCommit best(List<RevCommit> bases) throws IOException {
        List<RevCommit> independent = new ArrayList<>();
        for (RevCommit candidate : bases) {
            boolean redundant = false;
            for (RevCommit other : bases) {
                if (!other.equals(candidate) && reaches(other, candidate)) {
                    redundant = true;
                    break;
                }
            }
            if (!redundant) {
                independent.add(candidate);
            }
        }
        RevCommit best = independent.isEmpty() ? bases.get(0) : independent.get(0);
        for (RevCommit candidate : independent) {
            if (candidate.getCommitTime() > best.getCommitTime()) {
                best = candidate;
            }
        }
        return best;
    }

    @Override
    public boolean isAncestor(CommitId ancestor, CommitId descendant) {
        try {
            RevWalk walk = graph();
            RevCommit base = commit(walk, ancestor);
            RevCommit tip = commit(walk, descendant);
            return reaches(tip, base);
        } catch (IOException e) {
            throw io(e);
        }
    }

    /**
     * Whether {@code target} is reachable from {@code start}: a plain walk that stops when it meets the target.
     * No cut-off by commit time, which a skewed clock would make wrong.
     */
    private boolean reaches(RevCommit start, RevCommit target) throws IOException {
        if (start.equals(target)) {
            return true;
        }
        RevWalk walk = graph();
        walk.markStart(walk.parseCommit(start));
        RevCommit wanted = walk.parseCommit(target);
        for (RevCommit commit = walk.next(); commit != null; commit = walk.next()) {
            if (commit == wanted) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean isShallow() {
        return new File(repository.getCommonDirectory(), Constants.SHALLOW).isFile();
    }

    @Override
    public boolean isPartial() {
        Config config = repository.getConfig();
        if (config.getString("extensions", null, "partialClone") != null) {
            return true;
        }
        for (String remote : config.getSubsections("remote")) {
            if (config.getBoolean("remote", remote, "promisor", false)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public CommitId createCommit(Optional<CommitId> parent, List<FileChange> changes, String message) {
        Objects.requireNonNull(parent, "parent");
        Objects.requireNonNull(changes, "changes");
        Objects.requireNonNull(message, "message");
        Set<String> paths = new HashSet<>();
        for (FileChange change : changes) {
            if (!paths.add(change.path())) {
                throw new InvalidInputException(change.path(), "two changes name \"" + change.path()
                        + "\"; give at most one change per path");
            }
        }
        try (ObjectInserter inserter = repository.newObjectInserter()) {
            RevCommit base = parent.isPresent() ? commit(graph(), parent.get()) : null;
            DirCache tree = base == null ? DirCache.newInCore() : DirCache.read(reader, base.getTree());
            DirCacheEditor editor = tree.editor();
            for (FileChange change : changes) {
                String path = change.path();
                Optional<byte[]> content = change.content();
                if (content.isEmpty()) {
                    editor.add(new DirCacheEditor.DeletePath(path));
                    editor.add(new DirCacheEditor.DeleteTree(path));
                    continue;
                }
                ObjectId blob = inserter.insert(Constants.OBJ_BLOB, content.get());
                DirCacheEntry existing = tree.getEntry(path);
                FileMode mode = existing != null && existing.getFileMode() == FileMode.EXECUTABLE_FILE
                        ? FileMode.EXECUTABLE_FILE : FileMode.REGULAR_FILE;
                editor.add(new DirCacheEditor.PathEdit(path) {
                    @Override
                    public void apply(DirCacheEntry entry) {
                        entry.setFileMode(mode);
                        entry.setObjectId(blob);
                    }
                });
            }
            editor.finish();
            ObjectId treeId = tree.writeTree(inserter);
            Identity identity = identity();
            Instant now = Instant.now();
            CommitBuilder builder = new CommitBuilder();
            builder.setTreeId(treeId);
            if (base != null) {
                builder.setParentId(base);
            }
            builder.setAuthor(identity.person(Identity.Role.AUTHOR, now));
            builder.setCommitter(identity.person(Identity.Role.COMMITTER, now));
            builder.setEncoding(StandardCharsets.UTF_8);
            builder.setMessage(message.endsWith("\n") ? message : message + "\n");
            ObjectId id = inserter.insert(builder);
            inserter.flush();
            return new CommitId(id.name());
        } catch (IOException e) {
            throw new BackendException("cannot write a commit into the git repository at " + location + ": " + e.getMessage(), e);
        }
    }

    private Identity identity() {
        SystemReader system = SystemReader.getInstance();
        String home = system.getenv("HOME");
        Path homeDirectory = home != null && !home.isEmpty() ? Path.of(home)
                : system.getProperty("user.home") == null ? null : Path.of(system.getProperty("user.home"));
        return new Identity(system::getenv, repository.getConfig(), homeDirectory, IsolatedSystemReader.isInstalled(), location);
    }

    @Override
    public void moveHead(CommitId expected, CommitId target) {
        Objects.requireNonNull(expected, "expected");
        Objects.requireNonNull(target, "target");
        try {
            RevWalk walk = graph();
            RevCommit from = commit(walk, expected);
            RevCommit to = commit(walk, target);
            Ref head = repository.exactRef(Constants.HEAD);
            ObjectId current = head == null ? null : head.getObjectId();
            if (current == null || !current.equals(from)) {
                throw new InvalidInputException(expected.hex(), "HEAD of the git repository at " + location + " is at "
                        + (current == null ? "no commit" : current.name()) + ", not at " + expected.hex()
                        + ": it moved meanwhile; run the command again");
            }
            if (!repository.isBare()) {
                workTree.checkout(from, to);
            }
            RefUpdate update = repository.updateRef(Constants.HEAD);
            update.setExpectedOldObjectId(from);
            update.setNewObjectId(to);
            update.setForceUpdate(true);
            update.setRefLogMessage("slipway: moving to " + to.name(), false);
            RefUpdate.Result result = update.update();
            switch (result) {
                case NEW, FORCED, FAST_FORWARD, NO_CHANGE -> {
                }
                default -> throw new BackendException("cannot move HEAD of the git repository at " + location + " from "
                        + from.name() + " to " + to.name() + ": " + result.name().toLowerCase(Locale.ROOT).replace('_', ' ')
                        + " (another process may be using the repository); the work tree is at " + to.name());
            }
        } catch (IOException e) {
            throw workTree.io("move HEAD", e);
        }
    }

    @Override
    public List<String> workingTreeFiles() {
        try {
            return workTree.files();
        } catch (IOException e) {
            throw workTree.io("list the work tree", e);
        }
    }

    @Override
    public List<String> uncommittedChanges() {
        try {
            return workTree.changes();
        } catch (IOException e) {
            throw workTree.io("compare the work tree with HEAD", e);
        }
    }

    @Override
    public Optional<String> currentBranch() {
        try {
            Ref head = repository.exactRef(Constants.HEAD);
            if (head == null || !head.isSymbolic()) {
                return Optional.empty();
            }
            String name = head.getTarget().getName();
            return Optional.of(name.startsWith(Constants.R_HEADS) ? name.substring(Constants.R_HEADS.length()) : name);
        } catch (IOException e) {
            throw io(e);
        }
    }

    @Override
    public List<String> remotes() {
        return remotes.names();
    }

    @Override
    public Optional<CommitId> fetch(String remote, String branch) {
        Objects.requireNonNull(remote, "remote");
        Objects.requireNonNull(branch, "branch");
        return remotes.fetch(remote, branch);
    }

    @Override
    public List<dev.slipway.spi.PushResult> push(String remote, List<PushSpec> specs) {
        Objects.requireNonNull(remote, "remote");
        Objects.requireNonNull(specs, "specs");
        return remotes.push(remote, List.copyOf(specs));
    }

    @Override
    public GitTag createTag(String name, CommitId target, String message) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(message, "message");
        String refName = Constants.R_TAGS + name;
        if (name.isEmpty() || !Repository.isValidRefName(refName)) {
            throw new InvalidInputException(name, "invalid tag name \"" + name + "\": git refuses it as refs/tags/" + name
                    + "; expected a name like services/web@1.2.3 (no spaces, '..', '~', '^', ':', '?', '*', '[', '\\')");
        }
        try {
            RevCommit commit = commit(graph(), target);
            Optional<GitTag> existing = existingTag(name, target);
            if (existing.isPresent()) {
                return existing.get();
            }
            ObjectId tagId;
            try (ObjectInserter inserter = repository.newObjectInserter()) {
                TagBuilder tag = new TagBuilder();
                tag.setTag(name);
                tag.setObjectId(commit);
                tag.setTagger(identity().person(Identity.Role.COMMITTER, Instant.now()));
                tag.setMessage(message.endsWith("\n") ? message : message + "\n");
                tagId = inserter.insert(tag);
                inserter.flush();
            }
            RefUpdate update = repository.updateRef(refName);
            update.setExpectedOldObjectId(ObjectId.zeroId());
            update.setNewObjectId(tagId);
            update.setRefLogMessage("slipway: tag " + name, false);
            RefUpdate.Result result = update.update();
            if (result == RefUpdate.Result.NEW) {
                return new GitTag(name, target, true);
            }
            // another writer created it meanwhile: the same rules apply to what it wrote
            return existingTag(name, target).orElseThrow(() -> new BackendException("cannot create the tag " + name
                    + " in the git repository at " + location + ": " + result.name().toLowerCase(Locale.ROOT).replace('_', ' ')));
        } catch (IOException e) {
            throw new BackendException("cannot create the tag " + name + " in the git repository at " + location + ": "
                    + e.getMessage(), e);
        }
    }

    /** The tag when it exists and peels to the target; an error when it peels elsewhere; empty when absent. */
    private Optional<GitTag> existingTag(String name, CommitId target) throws IOException {
        Ref ref = repository.exactRef(Constants.R_TAGS + name);
        if (ref == null || ref.getObjectId() == null) {
            return Optional.empty();
        }
        RevWalk walk = graph();
        RevObject object = walk.parseAny(ref.getObjectId());
        RevObject peeled = walk.peel(object);
        if (peeled.name().equals(target.hex())) {
            return Optional.of(new GitTag(name, target, object instanceof RevTag));
        }
        throw new InvalidInputException(name, "the tag " + name + " already exists in the git repository at " + location
                + " and points to " + (peeled instanceof RevCommit ? "commit " : "object ") + peeled.name() + ", not to commit "
                + target.hex() + "; tags are never moved: delete it first if it is wrong, or release another version");
    }

    @Override
    public void close() {
        graph.close();
        reader.close();
        repository.close();
    }

    @Override
    public String toString() {
        return "JGitRepository[" + location + "]";
    }

    /** The shared commit-graph walk, reset: no starts, no flags, no filter, no sorting, no bodies. */
    private RevWalk graph() {
        graph.reset();
        graph.setRevFilter(RevFilter.ALL);
        graph.sort(RevSort.NONE);
        return graph;
    }

    /** Marks the starts and the uninteresting commits; false when there is nothing to start from. */
    private boolean mark(RevWalk walk, Collection<CommitId> include, Collection<CommitId> exclude) throws IOException {
        List<RevCommit> starts = new ArrayList<>(include.size());
        for (CommitId id : include) {
            starts.add(commit(walk, id));
        }
        List<RevCommit> stops = new ArrayList<>(exclude.size());
        for (CommitId id : exclude) {
            stops.add(commit(walk, id));
        }
        if (starts.isEmpty()) {
            return false;
        }
        walk.markStart(starts);
        for (RevCommit stop : stops) {
            walk.markUninteresting(stop);
        }
        return true;
    }

    /** The commit with an id, or an {@link InvalidInputException} naming it (rule GIT-11). */
    private RevCommit commit(RevWalk walk, CommitId id) throws IOException {
        Objects.requireNonNull(id, "commit id");
        if (id.hex().length() != Constants.OBJECT_ID_STRING_LENGTH) {
            throw new InvalidInputException(id.hex(), "commit " + id.hex() + " is not in the git repository at "
                    + location + ": it is a SHA-256 id and the repository uses SHA-1");
        }
        try {
            return walk.parseCommit(ObjectId.fromString(id.hex()));
        } catch (MissingObjectException e) {
            throw new InvalidInputException(id.hex(), "commit " + id.hex() + " is not in the git repository at " + location
                    + (isShallow() ? " (a shallow clone: fetch the full history, e.g. git fetch --unshallow)" : "")
                    + "; fetch it or check the id", e);
        } catch (IncorrectObjectTypeException e) {
            throw new InvalidInputException(id.hex(), "object " + id.hex() + " of the git repository at " + location
                    + " is not a commit; expected a commit id", e);
        }
    }

    private static List<String> paths(TreeWalk diff, TreeFilter filter, ObjectId... trees) throws IOException {
        diff.reset(trees);
        diff.setFilter(filter);
        List<String> paths = new ArrayList<>();
        while (diff.next()) {
            paths.add(diff.getPathString());
        }
        paths.sort(null);
        return List.copyOf(paths);
    }

    private static void checkPath(String path) {
        Objects.requireNonNull(path, "path");
        if (path.isEmpty()) {
            return;
        }
        for (String segment : path.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..") || segment.indexOf('\0') >= 0) {
                throw new InvalidInputException(path, "invalid repository path \"" + path
                        + "\": expected a relative path like services/web, without empty, \".\" or \"..\" segments");
            }
        }
    }

    private static CommitId id(RevObject object) {
        return new CommitId(object.name());
    }

    private BackendException io(IOException e) {
        return new BackendException("cannot read the git repository at " + location + ": " + e.getMessage(), e);
    }

    /**
     * The paths of a {@link #countCommitsHolding} call as a tree of path components. Each node remembers, per
     * tree id, which paths under it the tree holds, so a subtree shared by many commits is read once.
     */
    private static final class PathTrie {
        final Node root = new Node();

        void add(String path, int index) {
            Node node = root;
            if (!path.isEmpty()) {
                for (String component : path.split("/")) {
                    node = node.children.computeIfAbsent(component, c -> new Node());
                }
            }
            node.ending.set(index);
        }

        private static final class Node {
            final Map<String, Node> children = new HashMap<>();
            final BitSet ending = new BitSet();
            final Map<ObjectId, BitSet> memo = new HashMap<>();

            /** The paths at or under this node that exist, given that this node is the tree {@code tree}. */
            BitSet holds(ObjectId tree, ObjectReader reader, CanonicalTreeParser parser) throws IOException {
                BitSet cached = memo.get(tree);
                if (cached != null) {
                    return cached;
                }
                BitSet held = (BitSet) ending.clone();
                if (!children.isEmpty()) {
                    parser.reset(reader, tree);
                    List<Node> subtrees = new ArrayList<>();
                    List<ObjectId> subtreeIds = new ArrayList<>();
                    int found = 0;
                    for (; !parser.eof() && found < children.size(); parser.next()) {
                        Node child = children.get(parser.getEntryPathString());
                        if (child == null) {
                            continue;
                        }
                        found++;
                        int mode = parser.getEntryRawMode();
                        if ((mode & FileMode.TYPE_MASK) == FileMode.TYPE_GITLINK) {
                            continue;
                        }
                        held.or(child.ending);
                        if ((mode & FileMode.TYPE_MASK) == FileMode.TYPE_TREE && !child.children.isEmpty()) {
                            subtrees.add(child);
                            subtreeIds.add(parser.getEntryObjectId());
                        }
                    }
                    for (int i = 0; i < subtrees.size(); i++) {
                        held.or(subtrees.get(i).holds(subtreeIds.get(i), reader, parser));
                    }
                }
                memo.put(tree.copy(), held);
                return held;
            }
        }
    }
}
