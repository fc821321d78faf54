package dev.slipway.bench;

/**
 * The parameters of a generated benchmark repository. The same parameters always give the same
 * repository (the same commit ids), so a generated repository is cached under {@link #key()}.
 *
 * @param commits commits reachable from {@code main} (HEAD), merges included
 * @param services services {@code services/svc-000} ...
 * @param tags release tags {@code services/svc-NNN@X.Y.Z}, about {@code tags / services} per service
 * @param merges merge commits of short side branches merged into main
 * @param abandoned side branches never merged (a few release tags sit on them, unreachable from HEAD)
 * @param distance commits between the two commits {@code changed} compares ({@code git rev-list --count BASE..HEAD})
 * @param seed the random seed
 */
public record RepoSpec(int commits, int services, int tags, int merges, int abandoned, int distance, long seed) {

    /** Bump when the generator's output changes for the same parameters: it invalidates cached repositories. */
    static final int GENERATOR_VERSION = 2;

    /** The repository: 20,000 commits, 200 services, 2,000 tags, compared 5,000 commits apart. */
    public static final RepoSpec DEFAULT = new RepoSpec(20_000, 200, 2_000, 300, 10, 5_000, 20_260_101L);

    /**
     * Checks the parameters.
     */
    public RepoSpec {
        if (services < 1 || services > 1000) {
            throw new IllegalArgumentException("services must be 1..1000");
        }
        if (tags < services) {
            throw new IllegalArgumentException("at least one tag per service");
        }
        if (commits < 10 * (merges + 1) || distance >= commits) {
            throw new IllegalArgumentException("too few commits for " + merges + " merges and distance " + distance);
        }
    }

    /**
     * The cache key: every parameter and the generator's version.
     *
     * @return a directory name
     */
    public String key() {
        return "c" + commits + "-s" + services + "-t" + tags + "-m" + merges + "-a" + abandoned + "-d" + distance
                + "-seed" + seed + "-g" + GENERATOR_VERSION;
    }
}
