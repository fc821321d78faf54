package dev.slipway.spi;

/**
 * Decides whether a revision a CD system runs descends from the commit being awaited, so that a CD
 * backend, which cannot see the git repository, still accepts a later commit that others pushed on top
 * of ours. Bound to one awaited commit; the core supplies one backed by the repository's history
 * ({@code git merge-base --is-ancestor COMMIT REVISION}).
 *
 * <p>Equality with the awaited commit is checked by the caller; this answers for other revisions only.
 * A revision that is not a commit id (a Helm chart version) or that the repository lacks is not a
 * descendant.
 */
@FunctionalInterface
public interface RevisionLineage {

    /**
     * Whether the revision names a commit that has the awaited commit among its ancestors.
     *
     * @param revision the revision the CD system reports, as it reports it
     * @return true for a descendant
     */
    boolean isDescendant(String revision);

    /**
     * The lineage that knows no history: only the awaited commit itself counts.
     *
     * @return a lineage that answers false for every revision
     */
    static RevisionLineage exactOnly() {
        return revision -> false;
    }
}
