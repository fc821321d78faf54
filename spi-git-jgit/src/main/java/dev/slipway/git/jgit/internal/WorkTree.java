package dev.slipway.git.jgit.internal;

import dev.slipway.api.BackendException;
import dev.slipway.api.InvalidInputException;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheCheckout;
import org.eclipse.jgit.dircache.DirCacheEditor;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.dircache.DirCacheIterator;
import org.eclipse.jgit.errors.CheckoutConflictException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.IndexDiff;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.submodule.SubmoduleWalk;
import org.eclipse.jgit.treewalk.FileTreeIterator;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.WorkingTreeIterator;
import org.eclipse.jgit.treewalk.filter.TreeFilter;

/** The work tree and index side of the JGit backend (rules GIT-14, GIT-15). */
final class WorkTree {

    private final Repository repository;
    private final String location;

    WorkTree(Repository repository, String location) {
        this.repository = repository;
        this.location = location;
    }

    /** Rule GIT-15: tracked and untracked files that exist, ignored ones left out. */
    List<String> files() throws IOException {
        if (repository.isBare()) {
            return List.of();
        }
        List<String> files = new ArrayList<>();
        DirCache index = repository.readDirCache();
        try (TreeWalk walk = new TreeWalk(repository)) {
            int indexTree = walk.addTree(new DirCacheIterator(index));
            FileTreeIterator workTree = new FileTreeIterator(repository);
            int fileTree = walk.addTree(workTree);
            workTree.setDirCacheIterator(walk, indexTree);
            walk.setRecursive(false);
            while (walk.next()) {
                DirCacheIterator tracked = walk.getTree(indexTree, DirCacheIterator.class);
                WorkingTreeIterator file = walk.getTree(fileTree, WorkingTreeIterator.class);
                if (file == null) {
                    continue;
                }
                int mode = walk.getRawMode(fileTree);
                if ((mode & FileMode.TYPE_MASK) == FileMode.TYPE_TREE) {
                    if (tracked != null || !file.isEntryIgnored()) {
                        walk.enterSubtree();
                    }
                    continue;
                }
                if ((mode & FileMode.TYPE_MASK) == FileMode.TYPE_GITLINK) {
                    continue;
                }
                if (tracked != null || !file.isEntryIgnored()) {
                    files.add(walk.getPathString());
                }
            }
        }
        files.sort(null);
        return List.copyOf(files);
    }

    /** Rule GIT-15: paths whose index or work tree differs from HEAD, untracked files included. */
    List<String> changes() throws IOException {
        if (repository.isBare()) {
            return List.of();
        }
        IndexDiff diff = new IndexDiff(repository, Constants.HEAD, new FileTreeIterator(repository));
        diff.setIgnoreSubmoduleMode(SubmoduleWalk.IgnoreSubmoduleMode.ALL);
        diff.diff();
        TreeSet<String> paths = new TreeSet<>();
        paths.addAll(diff.getAdded());
        paths.addAll(diff.getChanged());
        paths.addAll(diff.getRemoved());
        paths.addAll(diff.getMissing());
        paths.addAll(diff.getModified());
        paths.addAll(diff.getUntracked());
        paths.addAll(diff.getConflicting());
        return List.copyOf(paths);
    }

    /**
     * Rule GIT-14: index and work tree from {@code from} to {@code to}, as {@code git reset --keep}, except that
     * local changes that already equal the target are accepted (staged first, so the checkout keeps them).
     */
    void checkout(RevCommit from, RevCommit to) throws IOException {
        DirCache index = repository.lockDirCache();
        try {
            stageChangesEqualToTarget(index, from, to);
            DirCacheCheckout checkout = new DirCacheCheckout(repository, from.getTree(), index, to.getTree());
            checkout.setFailOnConflict(true);
            try {
                checkout.checkout();
            } catch (CheckoutConflictException e) {
                List<String> conflicts = checkout.getConflicts().isEmpty() ? List.of(e.getMessage()) : checkout.getConflicts();
                throw new InvalidInputException(String.join(", ", conflicts), "cannot move the work tree of " + location
                        + " from " + from.name() + " to " + to.name() + ": local changes to " + String.join(", ", conflicts)
                        + " would be overwritten; commit, stash or discard them first (nothing was changed)");
            }
        } finally {
            index.unlock();
        }
    }

    /** Stages every path that must change whose work tree content already is the target's, index still at the source. */
    private void stageChangesEqualToTarget(DirCache index, RevCommit from, RevCommit to) throws IOException {
        DirCacheEditor editor = index.editor();
        boolean edited = false;
        File root = repository.getWorkTree();
        try (TreeWalk diff = new TreeWalk(repository); ObjectInserter.Formatter hasher = new ObjectInserter.Formatter()) {
            diff.addTree(from.getTree());
            diff.addTree(to.getTree());
            diff.setRecursive(true);
            diff.setFilter(TreeFilter.ANY_DIFF);
            while (diff.next()) {
                String path = diff.getPathString();
                ObjectId source = diff.getFileMode(0) == FileMode.MISSING ? null : diff.getObjectId(0);
                ObjectId target = diff.getFileMode(1) == FileMode.MISSING ? null : diff.getObjectId(1);
                DirCacheEntry entry = index.getEntry(path);
                ObjectId staged = entry == null ? null : entry.getObjectId();
                boolean indexAtSource = source == null ? staged == null : source.equals(staged);
                if (!indexAtSource) {
                    continue;
                }
                File file = new File(root, path);
                if (target == null) {
                    if (!file.exists() && staged != null) {
                        editor.add(new DirCacheEditor.DeletePath(path));
                        edited = true;
                    }
                    continue;
                }
                FileMode mode = diff.getFileMode(1);
                if (!mode.equals(FileMode.REGULAR_FILE) && !mode.equals(FileMode.EXECUTABLE_FILE)
                        || !Files.isRegularFile(file.toPath(), LinkOption.NOFOLLOW_LINKS)) {
                    continue;
                }
                byte[] content = Files.readAllBytes(file.toPath());
                if (!hasher.idFor(Constants.OBJ_BLOB, content).equals(target)) {
                    continue;
                }
                long length = content.length;
                java.time.Instant modified = repository.getFS().lastModifiedInstant(file);
                editor.add(new DirCacheEditor.PathEdit(path) {
                    @Override
                    public void apply(DirCacheEntry e) {
                        e.setFileMode(mode);
                        e.setObjectId(target);
                        e.setLength(length);
                        e.setLastModified(modified);
                    }
                });
                edited = true;
            }
        }
        if (edited) {
            editor.finish();
        }
    }

    BackendException io(String what, IOException e) {
        return new BackendException("cannot " + what + " in the git repository at " + location + ": " + e.getMessage(), e);
    }
}
