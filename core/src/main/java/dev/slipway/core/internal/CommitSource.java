package dev.slipway.core.internal;

import dev.slipway.api.BackendException;
import dev.slipway.api.CommitId;
import dev.slipway.core.manifest.ManifestSource;
import dev.slipway.spi.GitRepository;
import java.util.List;

/** The files of a commit as a {@link ManifestSource}: what the push flow edits (the fetched remote tip). */
public final class CommitSource implements ManifestSource {

    private final GitRepository repository;
    private final CommitId commit;
    private final List<String> paths;

    /**
     * @param repository the repository
     * @param commit the commit
     * @param paths the files to consider (all files of the commit when null)
     */
    public CommitSource(GitRepository repository, CommitId commit, List<String> paths) {
        this.repository = repository;
        this.commit = commit;
        this.paths = paths == null ? repository.listFiles(commit) : List.copyOf(paths);
    }

    /** Every file of a commit. */
    public static CommitSource of(GitRepository repository, CommitId commit) {
        return new CommitSource(repository, commit, null);
    }

    /** The commit. */
    public CommitId commit() {
        return commit;
    }

    @Override
    public List<String> paths() {
        return paths;
    }

    @Override
    public byte[] read(String path) {
        return repository.readFile(commit, path).orElseThrow(() -> new BackendException("cannot read " + path
                + " at commit " + commit.hex() + ": it is not a file there"));
    }
}
