package dev.slipway.spi;

import dev.slipway.api.CommitId;
import dev.slipway.api.InvalidInputException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An open client of a CD system: the state of its applications, refresh, sync, waiting for a commit to
 * run, and the deployment history. Safe to use from one thread at a time.
 *
 * <p>Rules (checked by the {@code tck} module's {@code CdBackendContract}):
 * <ol>
 *   <li>{@code CD-2}: {@link #state} reports an application as the CD system holds it: sync status, the
 *       compared revisions, health, the last operation (phase, message, revisions, start and end),
 *       {@code reconciledAt}, the images its resources run, its conditions, and whether auto-sync is on.
 *       Words the CD system adds later map to {@code UNKNOWN} (an unknown operation phase to
 *       {@link CdOperationPhase#ERROR}), never to a success.</li>
 *   <li>{@code CD-3}: every operation on an application the CD system does not have (in the configured
 *       project and namespace) throws {@link CdAppNotFoundException} naming it; a name that cannot be an
 *       application's ({@link #checkAppName}) is an {@link InvalidInputException} before any call.</li>
 *   <li>{@code CD-4}: {@link #refresh} asks the CD system to compare the application with its source again
 *       ({@code hard}: also regenerate the manifests) and returns the state reported afterwards; it never
 *       starts a sync of its own.</li>
 *   <li>{@code CD-5}: {@link #sync} starts a sync operation and returns without waiting for it to end;
 *       without a revision the application syncs to its own target revision. A sync to a named revision
 *       that the CD system refuses (Argo CD refuses one while auto-sync is on) is an
 *       {@link InvalidInputException} naming the revision.</li>
 *   <li>{@code CD-6}: a sync a sync window forbids is a {@link CdFrozenException} naming the application,
 *       never retried.</li>
 *   <li>{@code CD-7}: a sync refused because another operation runs on the application is tried again,
 *       pausing through the settings' {@link Sleeper}, until accepted or until
 *       {@link CdSettings#busyTimeout()} has passed on the settings' clock; then a
 *       {@link dev.slipway.api.BackendException}.</li>
 *   <li>{@code CD-8}: {@link #awaitLive} returns the first state it observes in which the commit is live:
 *       the status is not stale ({@link CdAppState#isStale()}); the sync status is {@code Synced}; a synced
 *       revision equals the commit or, by the {@link RevisionLineage}, descends from it (others may push
 *       after us); the health is {@code Healthy}; the last operation, if any, {@code Succeeded}; and no
 *       {@code ComparisonError} or {@code InvalidSpecError} condition is reported.</li>
 *   <li>{@code CD-9}: on its way {@link #awaitLive} reads a stale status again after a refresh; while the
 *       application is behind the commit it refreshes an auto-synced application (never syncing it: the
 *       CD system syncs it, and refuses a sync to a revision) and syncs one without auto-sync without
 *       naming a revision, once, and again only after that sync ended without reaching the commit.</li>
 *   <li>{@code CD-10}: {@link #awaitLive} keeps waiting while an operation runs, while the revision is
 *       behind, and while the health at the commit is {@code Progressing}, {@code Suspended} or
 *       {@code Unknown}; it ends with {@link CdNotLiveException} when the application at the commit is
 *       {@code Degraded} or {@code Missing}, when the operation syncing the commit ended {@code Failed} or
 *       {@code Error}, when a failing condition is reported, and when the settings' clock passes the
 *       deadline. It waits only through the settings' {@link Sleeper}, a poll interval at a time, never
 *       sleeping past the deadline.</li>
 *   <li>{@code CD-11}: {@link #history} lists the application's deployments oldest first.</li>
 *   <li>{@code CD-12}: credentials the CD system rejects are a {@link CdAuthenticationException} that says
 *       how to obtain valid ones; no token or password ever appears in a message, a log or a
 *       {@code toString}.</li>
 *   <li>{@code CD-13}: a call that meets a transient fault (a 5xx answer, a refused or reset connection, a
 *       timeout) is retried up to {@link CdSettings#retries()} times with growing pauses through the
 *       sleeper; when they are used up, a {@link dev.slipway.api.BackendException} names the server and
 *       what was asked.</li>
 * </ol>
 */
public interface CdClient extends AutoCloseable {

    /** What an application's name may look like: a Kubernetes object name (DNS subdomain). */
    Pattern APP_NAME = Pattern.compile("[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?");

    /**
     * Checks that a string can name an application (rule {@code CD-3}).
     *
     * @param app the name
     * @return the name
     * @throws InvalidInputException if it is not a Kubernetes object name
     */
    static String checkAppName(String app) {
        Objects.requireNonNull(app, "app");
        if (!APP_NAME.matcher(app).matches()) {
            throw new InvalidInputException(app, "invalid CD application name \"" + app + "\": expected a Kubernetes"
                    + " object name (lower-case letters, digits, '-' and '.', at most 253 characters), as in"
                    + " services[].cd of slipway.yaml");
        }
        return app;
    }

    /**
     * The state of an application.
     *
     * @param app the application's name
     * @return the state
     * @throws CdAppNotFoundException if the CD system has no such application
     */
    CdAppState state(String app);

    /**
     * Asks the CD system to compare an application with its source again.
     *
     * @param app the application's name
     * @param hard whether to regenerate the manifests too (bypassing the CD system's manifest cache)
     * @return the state reported after the request
     * @throws CdAppNotFoundException if the CD system has no such application
     */
    CdAppState refresh(String app, boolean hard);

    /**
     * Starts a sync of an application.
     *
     * @param app the application's name
     * @param revision the revision to sync to, or empty for the application's target revision
     * @throws CdFrozenException if a sync window forbids it
     * @throws CdAppNotFoundException if the CD system has no such application
     * @throws InvalidInputException if the CD system refuses the named revision
     */
    void sync(String app, Optional<String> revision);

    /**
     * Starts a sync of an application to its target revision.
     *
     * @param app the application's name
     * @throws CdFrozenException if a sync window forbids it
     * @throws CdAppNotFoundException if the CD system has no such application
     */
    default void sync(String app) {
        sync(app, Optional.empty());
    }

    /**
     * Waits until an application runs a commit (or a descendant of it) Synced and Healthy, refreshing or
     * syncing it as rules {@code CD-8} to {@code CD-10} say.
     *
     * @param app the application's name
     * @param commit the commit pushed
     * @param deadline when to give up, on the settings' clock
     * @param lineage decides whether a later revision descends from the commit
     * @return the state in which the commit is live
     * @throws CdNotLiveException if the application fails at the commit or the deadline passes
     * @throws CdFrozenException if a sync it needs is forbidden by a sync window
     * @throws CdAppNotFoundException if the CD system has no such application
     */
    CdAppState awaitLive(String app, CommitId commit, Instant deadline, RevisionLineage lineage);

    /**
     * Waits until an application runs exactly a commit Synced and Healthy (no lineage: a later commit does
     * not count).
     *
     * @param app the application's name
     * @param commit the commit pushed
     * @param deadline when to give up, on the settings' clock
     * @return the state in which the commit is live
     * @throws CdNotLiveException if the application fails at the commit or the deadline passes
     */
    default CdAppState awaitLive(String app, CommitId commit, Instant deadline) {
        return awaitLive(app, commit, deadline, RevisionLineage.exactOnly());
    }

    /**
     * The deployment history of an application.
     *
     * @param app the application's name
     * @return the deployments, oldest first
     * @throws CdAppNotFoundException if the CD system has no such application
     */
    List<CdDeployment> history(String app);

    /**
     * Releases the client's resources (connections, a session). Idempotent.
     */
    @Override
    void close();
}
