package dev.slipway.core.memory;

import dev.slipway.api.BackendException;
import dev.slipway.api.CommitId;
import dev.slipway.api.InvalidInputException;
import dev.slipway.spi.CdAppNotFoundException;
import dev.slipway.spi.CdAppState;
import dev.slipway.spi.CdAuthenticationException;
import dev.slipway.spi.CdBackend;
import dev.slipway.spi.CdClient;
import dev.slipway.spi.CdDeployment;
import dev.slipway.spi.CdFrozenException;
import dev.slipway.spi.CdLiveness;
import dev.slipway.spi.CdSettings;
import dev.slipway.spi.RevisionLineage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The reference CD backend: applications held in memory whose states a test (or the demo) scripts. It
 * passes the {@code tck} module's {@code CdBackendContract} and is never registered with
 * {@link java.util.ServiceLoader}: hand it to {@code Slipway.builder().cd(...)}.
 *
 * <pre>{@code
 * InMemoryCdBackend cd = new InMemoryCdBackend();
 * cd.app("web-staging")
 *         .report(CdAppState.builder("web-staging").sync(CdSyncStatus.OUT_OF_SYNC).revision(old).build())
 *         .play(Advance.SYNC, running)      // shown once a sync is accepted
 *         .play(Advance.READ, healthy);     // shown from the next read on
 * }</pre>
 *
 * <p><b>The script.</b> Each application shows one state at a time. {@link App#report} replaces the script
 * with one state; {@link App#play} appends a state that takes over when its {@link Advance} event happens
 * after the state before it was shown: the state was read ({@link Advance#READ}), a refresh was requested
 * ({@link Advance#REFRESH}, and the refresh returns it) or a sync was accepted ({@link Advance#SYNC}). The
 * last state stays. Sync windows, operations in progress, transient faults and rejected credentials are
 * scripted the same way; every sync and refresh request is recorded.
 *
 * <p>Safe to use from several threads; clients share the backend's applications.
 */
public final class InMemoryCdBackend implements CdBackend {

    /** The backend's id. Not registered with {@link java.util.ServiceLoader}. */
    public static final String ID = "cd-memory";

    /** When a scripted state takes over from the one before it. */
    public enum Advance {
        /** Once the state before it has been read (by {@code state}, {@code refresh} or a wait's poll). */
        READ,
        /** When a refresh is requested: the refresh returns it. */
        REFRESH,
        /** When a sync is accepted: the next read returns it. */
        SYNC
    }

    private final Object lock = new Object();
    private final Map<String, App> apps = new LinkedHashMap<>();
    private boolean credentialsRejected;

    /**
     * Creates a backend without applications.
     */
    public InMemoryCdBackend() {
    }

    /**
     * The backend's id.
     *
     * @return {@value #ID}
     */
    @Override
    public String id() {
        return ID;
    }

    /**
     * The scripted application of that name, created on first use (showing an {@code Unknown} state until
     * scripted).
     *
     * @param name the application's name
     * @return the application's script
     * @throws InvalidInputException if the name cannot be an application's
     */
    public App app(String name) {
        CdClient.checkAppName(name);
        synchronized (lock) {
            return apps.computeIfAbsent(name, App::new);
        }
    }

    /**
     * Removes an application: from now on it is missing.
     *
     * @param name the application's name
     */
    public void remove(String name) {
        synchronized (lock) {
            apps.remove(name);
        }
    }

    /**
     * Makes every call fail as one with rejected credentials would (or stop doing so).
     *
     * @param rejected true to reject
     */
    public void rejectCredentials(boolean rejected) {
        synchronized (lock) {
            credentialsRejected = rejected;
        }
    }

    /**
     * Opens a client; the in-memory backend needs no server or credentials, only the settings' clock,
     * sleeper, intervals and retries.
     *
     * @param settings the settings
     * @return the client
     */
    @Override
    public CdClient open(CdSettings settings) {
        return new Client(Objects.requireNonNull(settings, "settings"));
    }

    @Override
    public String toString() {
        synchronized (lock) {
            return "InMemoryCdBackend[" + ID + ", apps=" + apps.keySet() + "]";
        }
    }

    /** A scripted step: a state and the event that brings it. */
    private record Step(Advance on, CdAppState state) {
    }

    /**
     * One scripted application. Methods return this script, so calls chain.
     */
    public final class App {

        private final String name;
        private CdAppState current;
        private final Deque<Step> next = new ArrayDeque<>();
        private boolean frozen;
        private int busy;
        private int faults;
        private final List<CdDeployment> history = new ArrayList<>();
        private final List<Optional<String>> syncs = new ArrayList<>();
        private final List<Boolean> refreshes = new ArrayList<>();

        private App(String name) {
            this.name = name;
            this.current = CdAppState.builder(name).build();
        }

        /**
         * The application's name.
         *
         * @return the name
         */
        public String name() {
            return name;
        }

        /**
         * Shows this state from now on, dropping the rest of the script.
         *
         * @param state the state; its name must be this application's
         * @return this script
         */
        public App report(CdAppState state) {
            synchronized (lock) {
                current = own(state);
                next.clear();
            }
            return this;
        }

        /**
         * Appends a state that takes over from the one before it when the event happens.
         *
         * @param on the event
         * @param state the state; its name must be this application's
         * @return this script
         */
        public App play(Advance on, CdAppState state) {
            synchronized (lock) {
                next.add(new Step(Objects.requireNonNull(on, "on"), own(state)));
            }
            return this;
        }

        /**
         * Opens or closes a sync window: while closed, syncs are refused.
         *
         * @param closed true to forbid syncs
         * @return this script
         */
        public App syncWindow(boolean closed) {
            synchronized (lock) {
                frozen = closed;
            }
            return this;
        }

        /**
         * Refuses the next syncs as if another operation were running.
         *
         * @param syncs how many sync requests to refuse
         * @return this script
         */
        public App busy(int syncs) {
            synchronized (lock) {
                busy = syncs;
            }
            return this;
        }

        /**
         * Fails the next calls on this application with a transient fault (the client retries them).
         *
         * @param calls how many calls fail
         * @return this script
         */
        public App failTransiently(int calls) {
            synchronized (lock) {
                faults = calls;
            }
            return this;
        }

        /**
         * Sets the deployment history.
         *
         * @param deployments the deployments, in any order
         * @return this script
         */
        public App history(List<CdDeployment> deployments) {
            synchronized (lock) {
                history.clear();
                history.addAll(deployments);
            }
            return this;
        }

        /**
         * The state shown now.
         *
         * @return the state
         */
        public CdAppState current() {
            synchronized (lock) {
                return current;
            }
        }

        /**
         * The syncs accepted so far, each with the revision asked for.
         *
         * @return the revisions, empty for a sync to the target revision
         */
        public List<Optional<String>> syncRequests() {
            synchronized (lock) {
                return List.copyOf(syncs);
            }
        }

        /**
         * The refreshes requested so far, each with whether it was hard.
         *
         * @return the hard flags
         */
        public List<Boolean> refreshRequests() {
            synchronized (lock) {
                return List.copyOf(refreshes);
            }
        }

        private CdAppState own(CdAppState state) {
            if (!state.name().equals(name)) {
                throw new IllegalArgumentException("a state of " + state.name() + " scripted for " + name);
            }
            return state;
        }

        /** Takes over the next step if it comes on this event. */
        private void advance(Advance event) {
            Step step = next.peek();
            if (step != null && step.on() == event) {
                next.poll();
                current = step.state();
            }
        }

        /** Reads the current state; a step that comes on READ takes over for the next read. */
        private CdAppState read() {
            CdAppState shown = current;
            advance(Advance.READ);
            return shown;
        }
    }

    /** A client over the shared applications. */
    private final class Client implements CdClient {

        private final CdSettings settings;

        Client(CdSettings settings) {
            this.settings = settings;
        }

        @Override
        public CdAppState state(String app) {
            return call(app, "read", App::read);
        }

        @Override
        public CdAppState refresh(String app, boolean hard) {
            return call(app, "refresh", a -> {
                a.refreshes.add(hard);
                a.advance(Advance.REFRESH);
                return a.read();
            });
        }

        @Override
        public void sync(String app, Optional<String> revision) {
            Objects.requireNonNull(revision, "revision");
            Instant giveUp = settings.clock().instant().plus(settings.busyTimeout());
            Duration pause = Duration.ofSeconds(1);
            while (true) {
                boolean accepted = call(app, "sync", a -> {
                    if (a.frozen) {
                        throw new CdFrozenException(app, "cannot sync CD application " + app
                                + ": blocked by a sync window; wait for the window to open or ask its owner");
                    }
                    if (revision.isPresent() && a.current.autoSync()) {
                        throw new InvalidInputException(revision.get(), "cannot sync CD application " + app + " to "
                                + revision.get() + ": auto-sync is on; sync without a revision or turn auto-sync off");
                    }
                    if (a.busy > 0) {
                        a.busy--;
                        return false;
                    }
                    a.syncs.add(revision);
                    a.advance(Advance.SYNC);
                    return true;
                });
                if (accepted) {
                    return;
                }
                Instant now = settings.clock().instant();
                if (!now.isBefore(giveUp)) {
                    throw new BackendException("cannot sync CD application " + app + ": another operation has been in"
                            + " progress for " + settings.busyTimeout() + "; wait for it to end or terminate it");
                }
                Duration left = Duration.between(now, giveUp);
                CdLiveness.pause(settings.sleeper(), left.compareTo(pause) < 0 ? left : pause);
                pause = pause.multipliedBy(2).compareTo(settings.pollInterval()) > 0 ? settings.pollInterval()
                        : pause.multipliedBy(2);
            }
        }

        @Override
        public CdAppState awaitLive(String app, CommitId commit, Instant deadline, RevisionLineage lineage) {
            return CdLiveness.await(this, app, commit, deadline, lineage, settings);
        }

        @Override
        public List<CdDeployment> history(String app) {
            return call(app, "history", a -> a.history.stream().sorted(Comparator.comparingLong(CdDeployment::id))
                    .toList());
        }

        @Override
        public void close() {
        }

        /** Runs an operation on an application, retrying scripted transient faults. */
        private <T> T call(String app, String what, java.util.function.Function<App, T> operation) {
            CdClient.checkAppName(app);
            Duration pause = Duration.ofMillis(200);
            for (int attempt = 0; ; attempt++) {
                Supplier<T> outcome;
                synchronized (lock) {
                    if (credentialsRejected) {
                        throw new CdAuthenticationException("the in-memory CD backend rejects the credentials"
                                + " (scripted); a real backend says here how to obtain a token");
                    }
                    App a = apps.get(app);
                    if (a == null) {
                        throw new CdAppNotFoundException(app, "CD application " + app + " does not exist in the"
                                + " in-memory CD backend (known: " + apps.keySet() + "); check services[].cd in slipway.yaml");
                    }
                    if (a.faults > 0) {
                        a.faults--;
                        outcome = null;
                    } else {
                        T result = operation.apply(a);
                        outcome = () -> result;
                    }
                }
                if (outcome != null) {
                    return outcome.get();
                }
                if (attempt >= settings.retries()) {
                    throw new BackendException("the in-memory CD backend failed to " + what + " " + app + " "
                            + (attempt + 1) + " times (scripted transient faults); retries exhausted");
                }
                CdLiveness.pause(settings.sleeper(), pause);
                pause = pause.multipliedBy(2);
            }
        }

        @Override
        public String toString() {
            return "InMemoryCdBackend.Client[" + settings + "]";
        }
    }
}
