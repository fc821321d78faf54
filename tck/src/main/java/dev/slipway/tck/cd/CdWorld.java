package dev.slipway.tck.cd;

import dev.slipway.spi.CdAppState;
import dev.slipway.spi.CdDeployment;
import java.util.List;
import java.util.Optional;

/**
 * The CD system a backend under test talks to, as {@link CdBackendContract} scripts it: the in-memory
 * backend's own applications, or a fake server for an adapter. A backend's test implements it over its
 * world; one world serves one test.
 *
 * <p><b>Scripts.</b> Each application shows one state at a time. {@link #report} replaces an application's
 * script with one state (creating the application); {@link #play} appends a state that takes over when its
 * {@link Advance} event happens after the state before it was shown. The last state stays.
 */
public interface CdWorld extends AutoCloseable {

    /** When a scripted state takes over from the one before it. */
    enum Advance {
        /** Once the state before it has been read (a state request, a refresh, a wait's poll). */
        READ,
        /** When a refresh is requested: the refresh returns it. */
        REFRESH,
        /** When a sync is accepted: the next read returns it. */
        SYNC
    }

    /**
     * Creates the application {@code state.name()} if needed and shows this state from now on, dropping the
     * rest of its script.
     *
     * @param state the state
     */
    void report(CdAppState state);

    /**
     * Appends a state to the script of the application {@code state.name()}.
     *
     * @param on the event that brings it
     * @param state the state
     */
    void play(Advance on, CdAppState state);

    /**
     * Sets an application's deployment history.
     *
     * @param app the application
     * @param deployments the deployments, in any order
     */
    void history(String app, List<CdDeployment> deployments);

    /**
     * Opens or closes a sync window on an application: while closed, syncs are refused.
     *
     * @param app the application
     * @param closed true to forbid syncs
     */
    void syncWindow(String app, boolean closed);

    /**
     * Refuses an application's next syncs because another operation is in progress.
     *
     * @param app the application
     * @param syncs how many sync requests to refuse
     */
    void busy(String app, int syncs);

    /**
     * Fails the next calls about an application with a transient fault (a 503, a dropped connection).
     *
     * @param app the application
     * @param calls how many calls fail
     */
    void failTransiently(String app, int calls);

    /**
     * Rejects the credentials of every call from now on.
     */
    void rejectCredentials();

    /**
     * The syncs of an application the world accepted, in order.
     *
     * @param app the application
     * @return the revision each asked for; empty for a sync to the target revision
     */
    List<Optional<String>> syncRequests(String app);

    /**
     * The refreshes of an application the world received, in order.
     *
     * @param app the application
     * @return whether each was hard
     */
    List<Boolean> refreshRequests(String app);

    /**
     * Releases the world (stops a fake server). Does nothing by default.
     */
    @Override
    default void close() {
    }
}
