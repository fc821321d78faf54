package dev.slipway.git.jgit.internal;

import dev.slipway.api.BackendException;
import dev.slipway.api.CommitId;
import dev.slipway.api.InvalidInputException;
import dev.slipway.spi.PushResult;
import dev.slipway.spi.PushSpec;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.eclipse.jgit.errors.NotSupportedException;
import org.eclipse.jgit.errors.TransportException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.NullProgressMonitor;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.transport.ChainingCredentialsProvider;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.FetchConnection;
import org.eclipse.jgit.transport.FetchResult;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.RemoteRefUpdate;
import org.eclipse.jgit.transport.Transport;
import org.eclipse.jgit.transport.URIish;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;

/**
 * Fetch and push through JGit's transports (rules GIT-16, GIT-17, GIT-19). Credentials come from the usual
 * places: the remote URL's user info, the repository's {@code http.extraHeader} (what {@code actions/checkout}
 * writes), JGit's default {@link CredentialsProvider} (a host sets it), and the environment variables
 * {@code SLIPWAY_GIT_TOKEN} (with {@code SLIPWAY_GIT_USERNAME}, default {@code x-access-token}). Every message
 * leaving this class has user info of URLs and known secrets replaced by {@code ***}.
 */
final class Remotes {

    /** The environment variable holding a token (HTTP password) for remotes. */
    static final String TOKEN_VARIABLE = "SLIPWAY_GIT_TOKEN";
    /** The environment variable holding the user name that goes with the token. */
    static final String USERNAME_VARIABLE = "SLIPWAY_GIT_USERNAME";

    private static final Pattern URL_USER_INFO = Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*://)[^/@\\s]+@");
    private static final Pattern HEX_ID = Pattern.compile("[0-9a-fA-F]{40}");
    /** Seconds a transport waits for a silent remote before failing. */
    private static final int TIMEOUT_SECONDS = 120;

    private final Repository repository;
    private final Function<String, String> env;
    private final String location;

    Remotes(Repository repository, Function<String, String> env, String location) {
        this.repository = repository;
        this.env = env;
        this.location = location;
    }

    /** The configured remote names, sorted. */
    List<String> names() {
        return repository.getRemoteNames().stream().sorted().toList();
    }

    Optional<CommitId> fetch(String remote, String branch) {
        String ref = Constants.R_HEADS + checkBranch(branch);
        boolean named = isNamed(remote);
        RefSpec spec = named ? new RefSpec("+" + ref + ":" + Constants.R_REMOTES + remote + "/" + branch) : new RefSpec(ref);
        try (Transport transport = open(remote)) {
            FetchResult result;
            try {
                result = transport.fetch(NullProgressMonitor.INSTANCE, List.of(spec));
            } catch (TransportException e) {
                // JGit refuses a spec whose source the remote lacks; ask what the remote has before failing
                if (!hasBranch(transport, ref)) {
                    return Optional.empty();
                }
                throw e;
            }
            Ref advertised = result.getAdvertisedRef(ref);
            if (advertised == null || advertised.getObjectId() == null) {
                return Optional.empty();
            }
            return Optional.of(CommitId.of(advertised.getObjectId().name()));
        } catch (TransportException | NotSupportedException e) {
            throw failure("cannot fetch " + ref + " from", remote, e);
        }
    }

    private boolean hasBranch(Transport transport, String ref) throws TransportException, NotSupportedException {
        try (FetchConnection connection = transport.openFetch()) {
            return connection.getRef(ref) != null;
        }
    }

    List<PushResult> push(String remote, List<PushSpec> specs) {
        boolean named = isNamed(remote);
        List<RemoteRefUpdate> updates = new ArrayList<>();
        Set<String> destinations = new LinkedHashSet<>();
        try {
            for (PushSpec spec : specs) {
                if (!destinations.add(spec.destination())) {
                    throw new InvalidInputException(spec.destination(), "two push specs name the remote ref "
                            + spec.destination() + "; push each ref once");
                }
                if (!Repository.isValidRefName(spec.destination())) {
                    throw new InvalidInputException(spec.destination(), "invalid remote ref name \"" + spec.destination()
                            + "\"; expected a full ref name such as refs/heads/main");
                }
                String source = spec.source();
                ObjectId id;
                String sourceRef = null;
                if (HEX_ID.matcher(source).matches()) {
                    id = ObjectId.fromString(source.toLowerCase(java.util.Locale.ROOT));
                    if (!repository.getObjectDatabase().has(id)) {
                        throw new InvalidInputException(source, "cannot push " + source + ": the git repository at "
                                + location + " has no such object");
                    }
                } else {
                    Ref ref = repository.exactRef(source);
                    if (ref == null || ref.getObjectId() == null) {
                        throw new InvalidInputException(source, "cannot push \"" + source + "\": the git repository at "
                                + location + " has no such ref; give a full ref name (refs/heads/main, refs/tags/v1) or a full commit id");
                    }
                    id = ref.getObjectId();
                    sourceRef = ref.getName();
                }
                String tracking = named && spec.destination().startsWith(Constants.R_HEADS)
                        ? Constants.R_REMOTES + remote + "/" + spec.destination().substring(Constants.R_HEADS.length())
                        : null;
                updates.add(new RemoteRefUpdate(repository, sourceRef, id, spec.destination(), false, tracking, null));
            }
        } catch (IOException e) {
            throw new BackendException("cannot prepare the push to " + redact(remote) + " from the git repository at "
                    + location + ": " + redact(e.getMessage()), e);
        }
        if (updates.isEmpty()) {
            return List.of();
        }
        try (Transport transport = open(remote)) {
            org.eclipse.jgit.transport.PushResult result = transport.push(NullProgressMonitor.INSTANCE, updates);
            List<PushResult> out = new ArrayList<>();
            for (RemoteRefUpdate update : updates) {
                RemoteRefUpdate done = result.getRemoteUpdate(update.getRemoteName());
                out.add(result(done == null ? update : done, result));
            }
            return List.copyOf(out);
        } catch (TransportException | NotSupportedException e) {
            throw failure("cannot push to", remote, e);
        }
    }

    private PushResult result(RemoteRefUpdate update, org.eclipse.jgit.transport.PushResult push) {
        Optional<String> message = Optional.ofNullable(update.getMessage()).filter(m -> !m.isBlank()).map(this::redact);
        String destination = update.getRemoteName();
        PushResult.Status status = switch (update.getStatus()) {
            case OK -> PushResult.Status.OK;
            case UP_TO_DATE -> PushResult.Status.UP_TO_DATE;
            case REJECTED_REMOTE_CHANGED -> PushResult.Status.REJECTED_REMOTE_CHANGED;
            case REJECTED_NONFASTFORWARD -> {
                // git says "fetch first" when the remote's commit is unknown here: the remote moved under us
                Ref advertised = push.getAdvertisedRef(destination);
                boolean known;
                try {
                    known = advertised == null || advertised.getObjectId() == null
                            || repository.getObjectDatabase().has(advertised.getObjectId());
                } catch (IOException e) {
                    known = false;
                }
                yield known ? PushResult.Status.REJECTED_NON_FAST_FORWARD : PushResult.Status.REJECTED_REMOTE_CHANGED;
            }
            case REJECTED_OTHER_REASON -> movedUnderUs(message.orElse(""))
                    ? PushResult.Status.REJECTED_REMOTE_CHANGED : PushResult.Status.REJECTED_OTHER;
            default -> PushResult.Status.REJECTED_OTHER;
        };
        if (message.isEmpty() && status == PushResult.Status.REJECTED_OTHER) {
            message = Optional.of(update.getStatus().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
        }
        return new PushResult(destination, status, message);
    }

    /** A remote refusal that means another writer got there first: a lock held, stale information. */
    private static boolean movedUnderUs(String message) {
        String m = message.toLowerCase(java.util.Locale.ROOT);
        return m.contains("lock") || m.contains("stale info") || m.contains("fetch first") || m.contains("non-fast-forward")
                || m.contains("failed to update ref") || m.contains("cannot update ref") || m.contains("reference already exists");
    }

    private boolean isNamed(String remote) {
        return repository.getRemoteNames().contains(remote);
    }

    private Transport open(String remote) {
        if (remote.isBlank()) {
            throw new InvalidInputException(remote, "no remote given; expected a remote name such as origin, or a URL or path");
        }
        if (!isNamed(remote) && !looksLikeLocation(remote)) {
            List<String> names = names();
            throw new InvalidInputException(remote, "unknown remote \"" + redact(remote) + "\" in the git repository at " + location
                    + (names.isEmpty() ? " (it has no remotes)" : " (configured: " + String.join(", ", names) + ")")
                    + "; give a configured remote's name, or a URL or path");
        }
        try {
            // a relative path means the current directory's, as for git (JGit would take the repository's)
            String target = !isNamed(remote) && !remote.contains("://") && new File(remote).exists()
                    ? new File(remote).getAbsolutePath() : remote;
            Transport transport = Transport.open(repository, target);
            transport.setTimeout(TIMEOUT_SECONDS);
            transport.setCredentialsProvider(credentials());
            return transport;
        } catch (NotSupportedException | URISyntaxException e) {
            throw new InvalidInputException(redact(remote), "cannot use the remote \"" + redact(remote) + "\": "
                    + redact(e.getMessage()) + "; give a remote name, an https://, ssh://, file:// URL or a path");
        } catch (TransportException e) {
            throw failure("cannot open", remote, e);
        }
    }

    private static boolean looksLikeLocation(String remote) {
        return remote.contains("://") || remote.contains("/") || remote.contains(File.separator) || remote.contains(":")
                || new File(remote).exists();
    }

    /** The default provider a host installed, then the token from the environment. */
    private CredentialsProvider credentials() {
        List<CredentialsProvider> providers = new ArrayList<>();
        CredentialsProvider host = CredentialsProvider.getDefault();
        if (host != null) {
            providers.add(host);
        }
        String token = env.apply(TOKEN_VARIABLE);
        if (token != null && !token.isEmpty()) {
            String user = env.apply(USERNAME_VARIABLE);
            providers.add(new UsernamePasswordCredentialsProvider(user == null || user.isEmpty() ? "x-access-token" : user, token));
        }
        if (providers.isEmpty()) {
            return null;
        }
        return providers.size() == 1 ? providers.get(0) : new ChainingCredentialsProvider(providers.toArray(CredentialsProvider[]::new));
    }

    private BackendException failure(String what, String remote, IOException e) {
        return new BackendException(what + " the remote " + redact(remote) + " (git repository at " + location + "): "
                + redact(e.getMessage()) + "; check that the remote is reachable and the credentials are valid ("
                + TOKEN_VARIABLE + ", the remote URL, or http.extraHeader)", new SanitizedCause(e, redact(e.toString())));
    }

    /** Replaces user info of URLs and every known secret with {@code ***}. */
    String redact(String text) {
        if (text == null) {
            return "";
        }
        String out = URL_USER_INFO.matcher(text).replaceAll("$1***@");
        for (String secret : secrets()) {
            if (secret.length() >= 3) {
                out = out.replace(secret, "***");
            }
        }
        return out;
    }

    private Set<String> secrets() {
        Set<String> secrets = new LinkedHashSet<>();
        String token = env.apply(TOKEN_VARIABLE);
        if (token != null && !token.isEmpty()) {
            secrets.add(token);
        }
        for (String name : repository.getRemoteNames()) {
            for (String url : repository.getConfig().getStringList("remote", name, "url")) {
                addUserInfo(url, secrets);
            }
            for (String url : repository.getConfig().getStringList("remote", name, "pushurl")) {
                addUserInfo(url, secrets);
            }
        }
        return secrets;
    }

    private static void addUserInfo(String url, Set<String> secrets) {
        try {
            URIish uri = new URIish(url);
            if (uri.getPass() != null) {
                secrets.add(uri.getPass());
            }
            if (uri.getUser() != null && uri.getScheme() != null && uri.getScheme().startsWith("http")) {
                secrets.add(uri.getUser());
            }
        } catch (URISyntaxException e) {
            // not a URL: nothing to hide
        }
    }

    private static String checkBranch(String branch) {
        if (branch.startsWith(Constants.R_REFS) || !Repository.isValidRefName(Constants.R_HEADS + branch)) {
            throw new InvalidInputException(branch, "invalid branch name \"" + branch + "\"; expected a branch name such as main");
        }
        return branch;
    }

    /** The cause of a failure, with the original's message redacted and no chained causes (they may hold URLs). */
    static final class SanitizedCause extends Exception {
        private static final long serialVersionUID = 1L;

        SanitizedCause(Exception original, String message) {
            super(message);
            setStackTrace(original.getStackTrace());
        }
    }
}
