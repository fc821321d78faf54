package dev.slipway.spi;

import dev.slipway.api.BackendException;
import dev.slipway.api.CommitId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Argo CD's meaning of "my commit is live and healthy" (rules {@code CD-8} to {@code CD-10} of
 * {@link CdClient}) as a pure decision on one observed state, {@link #judge}, and the wait built on it,
 * {@link #await}. Backends call {@link #await} from {@link CdClient#awaitLive} so that every backend
 * waits by the same rules; only how a state is read, refreshed and synced differs between them.
 */
public final class CdLiveness {

    /** Condition types that end a wait: the CD system cannot compare or apply the application. */
    public static final Set<String> FAILING_CONDITIONS = Set.of("ComparisonError", "InvalidSpecError");

    /** How often, at most, an auto-synced application that is behind is refreshed while waiting. */
    public static final int POLLS_PER_REFRESH = 6;

    private CdLiveness() {
    }

    /** What to do after looking at a state. */
    public enum Step {
        /** The commit is live: stop waiting. */
        LIVE,
        /** Nothing to do but wait and look again. */
        WAIT,
        /** The status is stale: refresh and look again. */
        REFRESH,
        /** The application is behind the commit: refresh it (auto-sync) or sync it (no auto-sync). */
        CATCH_UP,
        /** The commit will not become live: stop with {@link CdNotLiveException}. */
        FAIL
    }

    /**
     * The decision on one state.
     *
     * @param step what to do
     * @param failure why the wait fails, with {@link Step#FAIL}
     * @param why a short explanation, for progress output and messages
     */
    public record Verdict(Step step, Optional<CdNotLiveException.Reason> failure, String why) {

        /**
         * Checks the parts.
         */
        public Verdict {
            Objects.requireNonNull(step, "step");
            Objects.requireNonNull(failure, "failure");
            Objects.requireNonNull(why, "why");
            if ((step == Step.FAIL) != failure.isPresent()) {
                throw new IllegalArgumentException("a failure reason goes with FAIL and only with FAIL");
            }
        }

        static Verdict of(Step step, String why) {
            return new Verdict(step, Optional.empty(), why);
        }

        static Verdict fail(CdNotLiveException.Reason reason, String why) {
            return new Verdict(Step.FAIL, Optional.of(reason), why);
        }
    }

    /**
     * Whether a revision is the commit or descends from it.
     *
     * @param revision a revision the CD system reports
     * @param commit the awaited commit
     * @param lineage decides descent for revisions other than the commit
     * @return true when the revision has reached the commit
     */
    public static boolean reaches(String revision, CommitId commit, RevisionLineage lineage) {
        Objects.requireNonNull(revision, "revision");
        Objects.requireNonNull(commit, "commit");
        Objects.requireNonNull(lineage, "lineage");
        return revision.equalsIgnoreCase(commit.hex()) || lineage.isDescendant(revision);
    }

    private static boolean anyReaches(List<String> revisions, CommitId commit, RevisionLineage lineage) {
        return revisions.stream().anyMatch(r -> reaches(r, commit, lineage));
    }

    /**
     * Decides what one observed state means for a commit, in this order: a failing condition fails; a
     * stale status is refreshed; a running operation is waited for; an operation that synced the commit
     * and ended {@code Failed} or {@code Error} fails; a revision behind the commit, a status other than
     * {@code Synced}, or a last operation that failed on an older revision needs catching up; at the commit,
     * {@code Healthy} is live, {@code Degraded} and {@code Missing} fail, anything else is waited for.
     *
     * @param state the observed state
     * @param commit the awaited commit
     * @param lineage decides descent from the commit
     * @return the verdict
     */
    public static Verdict judge(CdAppState state, CommitId commit, RevisionLineage lineage) {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(commit, "commit");
        Objects.requireNonNull(lineage, "lineage");
        for (CdCondition condition : state.conditions()) {
            if (FAILING_CONDITIONS.contains(condition.type())) {
                return Verdict.fail(CdNotLiveException.Reason.ERROR_CONDITION,
                        condition.type() + ": " + condition.message().strip());
            }
        }
        if (state.isStale()) {
            return Verdict.of(Step.REFRESH, "the status predates the last operation");
        }
        Optional<CdOperation> operation = state.operation();
        if (operation.isPresent() && !operation.get().phase().isCompleted()) {
            return Verdict.of(Step.WAIT, "an operation is " + operation.get().phase());
        }
        boolean operationFailed = operation.isPresent() && operation.get().phase() != CdOperationPhase.SUCCEEDED;
        if (operationFailed && anyReaches(operation.get().revisions(), commit, lineage)) {
            return Verdict.fail(CdNotLiveException.Reason.OPERATION_FAILED, "the sync to "
                    + operation.get().revision().orElse("?") + " ended " + operation.get().phase()
                    + (operation.get().message().isBlank() ? "" : ": " + operation.get().message().strip()));
        }
        if (!anyReaches(state.revisions(), commit, lineage)) {
            return Verdict.of(Step.CATCH_UP, "at " + state.revision().orElse("no revision") + ", not yet at " + commit);
        }
        if (state.sync() != CdSyncStatus.SYNCED) {
            return Verdict.of(Step.CATCH_UP, state.sync() + " at the commit");
        }
        if (operationFailed) {
            return Verdict.of(Step.CATCH_UP, "the last operation ended " + operation.get().phase());
        }
        switch (state.health()) {
            case HEALTHY:
                return Verdict.of(Step.LIVE, "Synced and Healthy at " + state.revision().orElseThrow());
            case DEGRADED:
                return Verdict.fail(CdNotLiveException.Reason.DEGRADED, "Degraded at " + state.revision().orElseThrow());
            case MISSING:
                return Verdict.fail(CdNotLiveException.Reason.MISSING, "Missing at " + state.revision().orElseThrow());
            default:
                return Verdict.of(Step.WAIT, state.health() + " at " + state.revision().orElseThrow());
        }
    }

    /**
     * Waits for a commit to be live on an application, by rules {@code CD-8} to {@code CD-10}: reads the
     * state, judges it, refreshes or syncs as the verdict says, and pauses a poll interval through the
     * settings' sleeper (never past the deadline) until the commit is live, fails, or the deadline passes.
     *
     * @param client the client that reads, refreshes and syncs
     * @param app the application's name
     * @param commit the awaited commit
     * @param deadline when to give up, on the settings' clock
     * @param lineage decides descent from the commit
     * @param settings the clock, sleeper and poll interval
     * @return the state in which the commit is live
     * @throws CdNotLiveException if the commit fails or the deadline passes
     */
    public static CdAppState await(CdClient client, String app, CommitId commit, Instant deadline,
            RevisionLineage lineage, CdSettings settings) {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(app, "app");
        Objects.requireNonNull(commit, "commit");
        Objects.requireNonNull(deadline, "deadline");
        Objects.requireNonNull(lineage, "lineage");
        Objects.requireNonNull(settings, "settings");
        CdClient.checkAppName(app);
        Duration poll = settings.pollInterval();
        CdAppState state = client.state(app);
        boolean refreshedLast = false;
        int pollsSinceRefresh = Integer.MAX_VALUE;
        boolean syncPending = false;
        Optional<CdOperation> operationAtSync = Optional.empty();
        while (true) {
            Verdict verdict = judge(state, commit, lineage);
            switch (verdict.step()) {
                case LIVE:
                    return state;
                case FAIL:
                    throw new CdNotLiveException(app, verdict.failure().orElseThrow(), Optional.of(state),
                            "CD application " + app + " will not run " + commit + ": " + verdict.why()
                                    + " (" + state.summary() + ")");
                case REFRESH:
                    if (!refreshedLast) {
                        state = client.refresh(app, false);
                        refreshedLast = true;
                        pollsSinceRefresh = 0;
                        continue;
                    }
                    break;
                case CATCH_UP:
                    if (state.autoSync()) {
                        if (pollsSinceRefresh >= POLLS_PER_REFRESH) {
                            state = client.refresh(app, false);
                            refreshedLast = true;
                            pollsSinceRefresh = 0;
                            continue;
                        }
                    } else {
                        if (syncPending && state.operation().isPresent() && state.operation().get().phase().isCompleted()
                                && !state.operation().equals(operationAtSync)) {
                            syncPending = false; // our sync ended without reaching the commit
                        }
                        if (!syncPending) {
                            operationAtSync = state.operation();
                            client.sync(app, Optional.empty());
                            syncPending = true;
                        }
                    }
                    break;
                default:
                    break;
            }
            Instant now = settings.clock().instant();
            if (!now.isBefore(deadline)) {
                throw new CdNotLiveException(app, CdNotLiveException.Reason.DEADLINE, Optional.of(state), "CD application " + app
                        + " did not run " + commit + " Synced and Healthy by " + deadline + ": " + verdict.why()
                        + " (" + state.summary() + ")");
            }
            Duration left = Duration.between(now, deadline);
            pause(settings.sleeper(), left.compareTo(poll) < 0 ? left : poll);
            state = client.state(app);
            refreshedLast = false;
            if (pollsSinceRefresh < Integer.MAX_VALUE) {
                pollsSinceRefresh++;
            }
        }
    }

    /**
     * Pauses through a sleeper; an interrupt ends the wait with a {@link BackendException} and keeps the
     * thread's interrupt flag set.
     *
     * @param sleeper the sleeper
     * @param duration how long
     */
    public static void pause(Sleeper sleeper, Duration duration) {
        Objects.requireNonNull(sleeper, "sleeper");
        Objects.requireNonNull(duration, "duration");
        try {
            sleeper.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BackendException("interrupted while waiting for the CD system", e);
        }
    }
}
