package dev.slipway.core.internal;

import dev.slipway.api.CommitId;
import dev.slipway.api.Digest;
import dev.slipway.api.ImageRepository;
import dev.slipway.api.ImageRepositoryNotFoundException;
import dev.slipway.api.ImageTag;
import dev.slipway.api.InvalidInputException;
import dev.slipway.api.ReleaseTag;
import dev.slipway.api.StagingVersion;
import dev.slipway.api.Version;
import dev.slipway.core.config.PromotionWindow;
import dev.slipway.core.promotion.Decision;
import dev.slipway.core.promotion.DeployedVersion;
import dev.slipway.core.promotion.EnvironmentState;
import dev.slipway.core.promotion.RuleResult;
import dev.slipway.spi.CdAppState;
import dev.slipway.spi.CdHealth;
import dev.slipway.spi.CdLiveness;
import dev.slipway.spi.CdOperationPhase;
import dev.slipway.spi.CdSyncStatus;
import dev.slipway.spi.ImageRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Evaluates a target environment's promotion rules for one candidate. Every rule is a pure function of the
 * {@link PromotionInput}; the work several rules share (which commit the candidate was built from, which
 * source deployment has the same service tree) is computed once per decision.
 */
public final class PromotionEngine {

    /** How many of the source environment's deployments are compared, newest first. */
    static final int MAX_HISTORY = 50;

    private final PromotionInput in;
    private Verification verification;

    private PromotionEngine(PromotionInput in) {
        this.in = in;
    }

    /**
     * Decides a promotion.
     *
     * @param in the inputs
     * @param override the reason a person gave to force it, if any
     * @return the decision with every rule's result
     */
    public static Decision decide(PromotionInput in, Optional<String> override) {
        PromotionEngine engine = new PromotionEngine(in);
        List<RuleResult> results = new ArrayList<>();
        for (String rule : in.rules()) {
            results.add(engine.evaluate(rule));
        }
        Optional<String> verifiedBy = in.rules().contains("verified-in-source") || in.retag()
                ? engine.verification().verified().map(e -> e.deployment().version()) : Optional.empty();
        return new Decision(in.service().path(), in.target(), Optional.of(in.policy().from()), in.version(),
                engine.verification().candidate().commit(), engine.isRollback(), results, override, verifiedBy);
    }

    /**
     * Evaluates one rule by name.
     *
     * @param rule a name of {@link dev.slipway.core.config.Promotion#RULES}
     * @return its result
     */
    RuleResult evaluate(String rule) {
        return switch (rule) {
            case "release-version" -> releaseVersion();
            case "verified-in-source" -> verifiedInSource();
            case "healthy-in-source" -> healthyInSource();
            case "soak" -> soak();
            case "image-exists" -> imageExists();
            case "no-downgrade" -> noDowngrade();
            case "freeze" -> freeze();
            case "approvals" -> approvals();
            default -> throw new InvalidInputException(rule, "unknown promotion rule '" + rule + "'; known rules: "
                    + String.join(", ", dev.slipway.core.config.Promotion.RULES));
        };
    }

    // ---------------------------------------------------------------- release-version

    private RuleResult releaseVersion() {
        String v = in.version();
        Optional<Version> parsed = parse(v);
        if (parsed.isEmpty()) {
            return RuleResult.fail("release-version", v + " is not a release version X.Y.Z (not SemVer); promote a"
                    + " release of " + in.service().path());
        }
        Version version = parsed.get();
        if (version.isPrerelease()) {
            return RuleResult.fail("release-version", v + " is not a release version X.Y.Z: it has the pre-release '"
                    + String.join(".", version.prerelease()) + "'; cut a release (slipway release) and promote it");
        }
        if (!version.build().isEmpty()) {
            return RuleResult.fail("release-version", v + " is not a release version X.Y.Z: it has build metadata '"
                    + String.join(".", version.build()) + "'");
        }
        return RuleResult.pass("release-version", v + " is a release version");
    }

    // ---------------------------------------------------------------- verified-in-source

    private RuleResult verifiedInSource() {
        Verification v = verification();
        String source = in.policy().from();
        if (v.candidate().commit().isEmpty()) {
            return RuleResult.fail("verified-in-source", v.candidate().problem());
        }
        String built = " (built from " + abbreviate(v.candidate().commit().get()) + ")";
        if (v.entries().isEmpty()) {
            return RuleResult.fail("verified-in-source", source + " has never run " + in.service().path()
                    + ", so nothing verified " + in.version() + built + "; deploy it to " + source + " first");
        }
        Optional<Entry> verified = v.verified();
        if (verified.isPresent()) {
            Entry e = verified.get();
            String verb = e.index() == 0 ? source + " runs " : source + " ran ";
            String sameCommit = e.commit().orElseThrow().equals(v.candidate().commit().get())
                    ? ", the same commit" : ", whose service tree equals that of " + in.version() + built;
            return RuleResult.pass("verified-in-source", verb + e.deployment().version() + " (built from "
                    + abbreviate(e.commit().orElseThrow()) + ")" + (e.index() == 0 ? "" : e.deployment().at()
                            .map(t -> " deployed " + t).orElse("") + ", not rolled back") + sameCommit);
        }
        Entry current = v.entries().get(0);
        StringBuilder why = new StringBuilder();
        why.append(source).append(" never ran the code of ").append(in.version()).append(built).append(": ");
        if (current.problem().isPresent()) {
            why.append("it runs ").append(current.deployment().version()).append(", and ").append(current.problem().get());
        } else if (current.rolledBack()) {
            why.append("it runs ").append(current.deployment().version()).append(", which was rolled back");
        } else {
            why.append("it runs ").append(current.deployment().version()).append(" (built from ")
                    .append(abbreviate(current.commit().orElseThrow())).append("), whose service tree differs in ")
                    .append(paths(current.differences()));
        }
        long others = v.entries().size() - 1;
        if (others > 0) {
            why.append("; no earlier deployment (").append(others).append(" checked) matches");
        }
        why.append("; deploy ").append(in.version()).append("'s code to ").append(source).append(" first");
        return RuleResult.fail("verified-in-source", why.toString());
    }

    // ---------------------------------------------------------------- healthy-in-source

    private RuleResult healthyInSource() {
        String source = in.policy().from();
        if (in.backends().cd().isEmpty()) {
            return RuleResult.fail("healthy-in-source", "could not be checked: no CD backend is configured (name one"
                    + " with cd.backend in slipway.yaml or --cd)");
        }
        String app = in.service().cd().get(source);
        if (app == null) {
            return RuleResult.fail("healthy-in-source", "could not be checked: " + in.service().path()
                    + " names no CD application for " + source + " (services[].cd." + source + " in slipway.yaml)");
        }
        Verification v = verification();
        Optional<Entry> verified = v.verified();
        if (verified.isEmpty() || verified.get().index() != 0) {
            String runs = in.state(source).current().map(DeployedVersion::version).orElse("nothing");
            return RuleResult.fail("healthy-in-source", source + " runs " + runs + ", not a version verified for "
                    + in.version() + "; its health says nothing about " + in.version());
        }
        DeployedVersion running = verified.get().deployment();
        CdAppState state;
        try {
            state = in.backends().cd().get().state(app);
        } catch (InvalidInputException e) {
            return RuleResult.fail("healthy-in-source", "could not be checked: " + e.getMessage());
        }
        String where = app + " (" + source + ")";
        if (running.deployCommit().isPresent()) {
            CommitId deployed = running.deployCommit().get();
            CdLiveness.Verdict verdict = CdLiveness.judge(state, deployed, revision -> descends(deployed, revision));
            if (verdict.step() != CdLiveness.Step.LIVE) {
                return RuleResult.fail("healthy-in-source", where + " is not live and healthy at the commit "
                        + abbreviate(deployed) + " that deployed " + running.version() + ": " + verdict.why()
                        + " (" + state.summary() + ")");
            }
        } else if (state.isStale() || state.sync() != CdSyncStatus.SYNCED || state.health() != CdHealth.HEALTHY
                || state.operation().filter(o -> o.phase() != CdOperationPhase.SUCCEEDED).isPresent()) {
            return RuleResult.fail("healthy-in-source", where + " is not Synced and Healthy with a succeeded last"
                    + " operation: " + state.summary());
        }
        Optional<String> image = in.service().image();
        if (image.isPresent() && !state.images().isEmpty()) {
            String expected = image.get() + ":" + running.version();
            boolean runsIt = state.images().stream().anyMatch(i -> i.equals(expected) || i.startsWith(expected + "@"));
            if (!runsIt) {
                return RuleResult.fail("healthy-in-source", where + " runs the images " + String.join(", ", state.images())
                        + ", not " + expected);
            }
        } else if (running.deployCommit().isEmpty()) {
            return RuleResult.fail("healthy-in-source", where + " is Synced and Healthy, but neither its images nor a"
                    + " recorded deploy commit show that it runs " + running.version());
        }
        return RuleResult.pass("healthy-in-source", where + " is Synced and Healthy running " + running.version()
                + state.revision().map(r -> " at " + (r.length() > 7 ? r.substring(0, 7) : r)).orElse("")
                + ", its last operation succeeded");
    }

    /** Whether a revision the CD system reports descends from a commit (false for what git does not know). */
    private boolean descends(CommitId commit, String revision) {
        try {
            CommitId r = CommitId.of(revision);
            return in.git().resolve(r.hex()).isPresent() && in.git().isAncestor(commit, r);
        } catch (InvalidInputException e) {
            return false;
        }
    }

    // ---------------------------------------------------------------- soak

    private RuleResult soak() {
        Duration required = in.policy().soak().orElse(Duration.ZERO);
        String source = in.policy().from();
        Verification v = verification();
        if (v.candidate().commit().isEmpty()) {
            return RuleResult.fail("soak", "cannot measure how long " + source + " ran the code: "
                    + v.candidate().problem());
        }
        Instant now = in.clock().instant();
        // the longest unbroken run of deployments with the candidate's tree, none of them rolled back
        Duration best = null;
        Instant bestSince = null;
        Instant runEnd = null;
        Instant runStart = null;
        boolean unknownTime = false;
        List<Entry> entries = v.entries();
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            Instant end = i == 0 ? now : entries.get(i - 1).deployment().at().orElse(null);
            if (!e.equal() || e.rolledBack()) {
                runEnd = null;
                continue;
            }
            if (e.deployment().at().isEmpty() || end == null) {
                unknownTime = true;
                runEnd = null;
                continue;
            }
            if (runEnd == null) {
                runEnd = end;
            }
            runStart = e.deployment().at().get();
            Duration ran = Duration.between(runStart, runEnd);
            if (best == null || ran.compareTo(best) > 0) {
                best = ran;
                bestSince = runStart;
            }
        }
        if (best == null) {
            return RuleResult.fail("soak", unknownTime
                    ? source + " ran the code of " + in.version() + ", but when it was deployed is not recorded;"
                            + " cannot tell whether the soak of " + ConfigWriter.duration(required) + " passed"
                    : source + " has not run the code of " + in.version() + " at all; the soak is "
                            + ConfigWriter.duration(required));
        }
        String ran = format(best);
        if (best.compareTo(required) >= 0) {
            return RuleResult.pass("soak", source + " has run the code for " + ran + " (since " + bestSince
                    + "), at least the soak of " + ConfigWriter.duration(required));
        }
        Duration left = required.minus(best);
        return RuleResult.fail("soak", source + " has run the code for " + ran + " (since " + bestSince
                + "), less than the soak of " + ConfigWriter.duration(required) + "; wait " + format(left)
                + " more (until " + bestSince.plus(required) + ")");
    }

    // ---------------------------------------------------------------- image-exists

    private RuleResult imageExists() {
        if (in.backends().registry().isEmpty()) {
            return RuleResult.fail("image-exists", "could not be checked: no registry backend is configured (name"
                    + " one with registry.backend in slipway.yaml)");
        }
        if (in.service().image().isEmpty()) {
            return RuleResult.fail("image-exists", "could not be checked: " + in.service().path()
                    + " has no image (services[].image in slipway.yaml)");
        }
        ImageRegistry registry = in.backends().registry().get();
        ImageRepository image;
        ImageTag tag;
        try {
            image = ImageRepository.of(in.service().image().get());
            tag = ImageTag.of(in.version());
        } catch (InvalidInputException e) {
            return RuleResult.fail("image-exists", e.getMessage());
        }
        try {
            Optional<Digest> candidate = registry.digest(image, tag);
            if (!in.retag()) {
                return candidate.map(d -> RuleResult.pass("image-exists", image + ":" + tag + " exists (" + d + ")"))
                        .orElseGet(() -> RuleResult.fail("image-exists", image + ":" + tag + " is not in the registry;"
                                + " build and push it, or promote with --retag to give it the verified image"));
            }
            Optional<String> verifiedBy = verification().verified().map(e -> e.deployment().version());
            if (verifiedBy.isEmpty()) {
                return RuleResult.fail("image-exists", "--retag copies the image " + in.policy().from() + " verified,"
                        + " but " + in.policy().from() + " ran no version with the code of " + in.version());
            }
            ImageTag from = ImageTag.of(verifiedBy.get());
            Optional<Digest> source = registry.digest(image, from);
            if (source.isEmpty()) {
                return RuleResult.fail("image-exists", "--retag needs " + image + ":" + from + ", which "
                        + in.policy().from() + " verified, but the registry does not hold it");
            }
            if (candidate.isPresent() && !candidate.get().equals(source.get())) {
                return RuleResult.fail("image-exists", image + ":" + tag + " already names " + candidate.get()
                        + ", not the verified " + source.get() + " of " + from + "; retagging would replace a"
                        + " published release tag");
            }
            return RuleResult.pass("image-exists", candidate.isPresent()
                    ? image + ":" + tag + " already names the verified image " + source.get() + " of " + from
                    : image + ":" + tag + " will be the verified image " + source.get() + " of " + from + " (retag)");
        } catch (ImageRepositoryNotFoundException e) {
            return RuleResult.fail("image-exists", e.getMessage());
        }
    }

    // ---------------------------------------------------------------- no-downgrade

    private RuleResult noDowngrade() {
        EnvironmentState target = in.state(in.target());
        Optional<DeployedVersion> current = target.current();
        if (current.isEmpty()) {
            return RuleResult.pass("no-downgrade", in.target() + " runs no version of " + in.service().path() + " yet");
        }
        String running = current.get().version();
        Optional<Version> runningVersion = parse(running);
        Optional<Version> candidate = parse(in.version());
        if (runningVersion.isEmpty()) {
            return RuleResult.pass("no-downgrade", in.target() + " runs " + running
                    + ", not a SemVer version; there is no order to keep");
        }
        if (candidate.isEmpty()) {
            return RuleResult.fail("no-downgrade", "cannot order " + in.version() + " (not SemVer) against " + running
                    + ", which " + in.target() + " runs; promote a SemVer version");
        }
        int cmp = Version.PRECEDENCE.compare(candidate.get(), runningVersion.get());
        if (cmp > 0) {
            return RuleResult.pass("no-downgrade", in.version() + " is higher than " + running + ", which "
                    + in.target() + " runs");
        }
        if (cmp == 0) {
            return RuleResult.pass("no-downgrade", in.target() + " already runs " + running);
        }
        if (isRollback()) {
            return RuleResult.pass("no-downgrade", "a rollback: " + in.target() + " ran " + in.version()
                    + " before " + running);
        }
        return RuleResult.fail("no-downgrade", in.version() + " is lower than " + running + ", which " + in.target()
                + " runs, and " + in.target() + " never ran it; roll back with slipway rollback, or promote a"
                + " version at least " + running);
    }

    /** A candidate lower than the target's current version that the target ran before is a rollback. */
    private boolean isRollback() {
        EnvironmentState target = in.state(in.target());
        Optional<DeployedVersion> current = target.current();
        Optional<Version> candidate = parse(in.version());
        if (current.isEmpty() || candidate.isEmpty()) {
            return false;
        }
        Optional<Version> running = parse(current.get().version());
        if (running.isEmpty() || Version.PRECEDENCE.compare(candidate.get(), running.get()) >= 0) {
            return false;
        }
        return target.history().stream().skip(1).anyMatch(d -> d.version().equals(in.version()));
    }

    // ---------------------------------------------------------------- freeze

    private RuleResult freeze() {
        List<PromotionWindow> windows = in.policy().windows();
        Instant now = in.clock().instant();
        if (windows.isEmpty()) {
            return RuleResult.pass("freeze", "no windows are configured for " + in.target());
        }
        for (PromotionWindow w : windows) {
            if (w.kind() == PromotionWindow.Kind.DENY && w.isOpen(now)) {
                String until = w.closesAfter(now).map(t -> " until " + t).orElse("");
                return RuleResult.fail("freeze", in.target() + " is frozen at " + now + ": inside the window "
                        + w.describe() + ", opened " + w.openedAt(now).orElseThrow() + until
                        + "; promote after it closes");
            }
        }
        List<PromotionWindow> allow = windows.stream().filter(w -> w.kind() == PromotionWindow.Kind.ALLOW).toList();
        if (allow.isEmpty()) {
            return RuleResult.pass("freeze", "no deny window is open at " + now);
        }
        for (PromotionWindow w : allow) {
            if (w.isOpen(now)) {
                return RuleResult.pass("freeze", "inside the window " + w.describe() + " at " + now
                        + ", and no deny window is open");
            }
        }
        Optional<Instant> next = allow.stream().flatMap(w -> w.nextOpening(now).stream()).min(Instant::compareTo);
        return RuleResult.fail("freeze", in.target() + " allows promotions only inside its allow windows, and "
                + now + " is outside all of them" + next.map(t -> "; the next opens at " + t).orElse("; none opens again"));
    }

    // ---------------------------------------------------------------- approvals

    private RuleResult approvals() {
        int required = in.policy().requiredApprovals();
        TreeSet<String> distinct = new TreeSet<>();
        for (String a : in.approvers()) {
            String key = a.strip().toLowerCase(Locale.ROOT);
            if (!key.isEmpty()) {
                distinct.add(key);
            }
        }
        String who = distinct.isEmpty() ? "none" : String.join(", ", distinct);
        if (distinct.size() >= required) {
            return RuleResult.pass("approvals", distinct.size() + " of " + required + " required approval"
                    + (required == 1 ? "" : "s") + " (" + who + ")");
        }
        return RuleResult.fail("approvals", distinct.size() + " of " + required + " required approval"
                + (required == 1 ? "" : "s") + " (" + who + "); " + (required - distinct.size())
                + " more distinct approver" + (required - distinct.size() == 1 ? "" : "s") + " needed");
    }

    // ---------------------------------------------------------------- shared: the source verification

    /** The commit a version was built from, or why it is not known. */
    record Built(Optional<CommitId> commit, String problem) {
    }

    /**
     * One source deployment compared with the candidate.
     *
     * @param index its index in the source's history
     * @param deployment the deployment
     * @param commit the commit it was built from, when known
     * @param problem why the commit is not known
     * @param differences the service-tree paths that differ from the candidate's (empty and {@code equal} when the
     *     trees are equal)
     * @param equal whether the trees are equal
     * @param rolledBack whether the deployment was rolled back
     */
    record Entry(int index, DeployedVersion deployment, Optional<CommitId> commit, Optional<String> problem,
            List<String> differences, boolean equal, boolean rolledBack) {
    }

    /** The candidate's commit and the source deployments compared with it, newest first. */
    record Verification(Built candidate, List<Entry> entries) {

        /** The newest source deployment, not rolled back, with the candidate's tree. */
        Optional<Entry> verified() {
            return entries.stream().filter(e -> e.equal() && !e.rolledBack()).findFirst();
        }
    }

    Verification verification() {
        if (verification == null) {
            verification = verify();
        }
        return verification;
    }

    private Verification verify() {
        Built candidate = built(in.version(), Optional.empty());
        EnvironmentState source = in.state(in.policy().from());
        List<Entry> entries = new ArrayList<>();
        ServiceMatcher matcher = new ServiceMatcher(in.config().services().orElse(List.of(in.service())), List.of());
        List<Glob> ignore = in.policy().ignore().stream().map(Glob::compile).toList();
        List<DeployedVersion> history = source.history();
        for (int i = 0; i < Math.min(history.size(), MAX_HISTORY); i++) {
            DeployedVersion d = history.get(i);
            Built b = built(d.version(), d.built());
            boolean rolledBack = source.rolledBack(i);
            if (b.commit().isEmpty() || candidate.commit().isEmpty()) {
                entries.add(new Entry(i, d, b.commit(), b.commit().isEmpty() ? Optional.of(b.problem()) : Optional.empty(),
                        List.of(), false, rolledBack));
                continue;
            }
            List<String> differences = differences(matcher, ignore, b.commit().get(), candidate.commit().get());
            entries.add(new Entry(i, d, b.commit(), Optional.empty(), differences, differences.isEmpty(), rolledBack));
        }
        return new Verification(candidate, entries);
    }

    /** The service-tree paths that differ between two commits, bookkeeping left out. */
    private List<String> differences(ServiceMatcher matcher, List<Glob> ignore, CommitId a, CommitId b) {
        if (a.equals(b)) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String path : in.git().changedPaths(a, b)) {
            if (matcher.matches(in.service().path(), path) && ignore.stream().noneMatch(g -> g.matches(path))) {
                out.add(path);
            }
        }
        return out;
    }

    /** Which commit a version of the service was built from: recorded, a release tag's, or a staging version's SHA. */
    Built built(String version, Optional<CommitId> recorded) {
        Optional<Version> parsed = parse(version);
        if (parsed.isEmpty()) {
            return recorded.map(c -> new Built(Optional.of(c), "")).orElseGet(() -> new Built(Optional.empty(),
                    version + " names no commit: it is neither a release of " + in.service().path()
                            + " nor a staging version X.Y.Z-" + in.config().versioning().prerelease().pattern()
                            + ", and no Slipway-Commit trailer records what it was built from"));
        }
        Version v = parsed.get();
        if (!v.isPrerelease() && v.build().isEmpty()) {
            // the release tag is authoritative; a recorded commit only stands in when the tag is missing
            ReleaseTag tag = in.service().effectiveTag(in.config().versioning()).format(in.service().path(), v);
            Optional<CommitId> commit = resolveQuietly(tag.refName()).or(() -> recorded);
            return commit.map(c -> new Built(Optional.of(c), "")).orElseGet(() -> new Built(Optional.empty(),
                    "the release tag " + tag.name() + " of " + version + " does not exist in this repository"
                            + (in.git().isShallow() ? " (a shallow clone; fetch tags and history)" : "; fetch tags")));
        }
        Optional<StagingVersion> staging = in.config().versioning().prerelease().match(v);
        if (staging.isEmpty()) {
            return recorded.map(c -> new Built(Optional.of(c), "")).orElseGet(() -> new Built(Optional.empty(),
                    version + " names no commit: its pre-release is not of the staging scheme "
                            + in.config().versioning().prerelease().pattern()));
        }
        String sha = staging.get().sha();
        if (recorded.isPresent() && recorded.get().hex().startsWith(sha)) {
            return new Built(recorded, "");
        }
        // the version's own SHA names what was built; a recorded commit that disagrees is not trusted
        Optional<CommitId> commit;
        try {
            commit = in.git().resolve(sha);
        } catch (InvalidInputException e) {
            return new Built(Optional.empty(), "the short commit id " + sha + " of " + version + " is ambiguous in this"
                    + " repository (" + e.getMessage() + "); record the full id (Slipway-Commit) or use a longer {sha:N}");
        }
        if (commit.isEmpty()) {
            return new Built(Optional.empty(), "the commit " + sha + " of " + version + " is not in this repository"
                    + (in.git().isShallow() ? " (a shallow clone; fetch more history, fetch-depth: 0)" : "; fetch it"));
        }
        if (!commit.get().hex().startsWith(sha)) {
            return new Built(Optional.empty(), "the short commit id " + sha + " of " + version + " names a ref ("
                    + abbreviate(commit.get()) + "), not only a commit; it is ambiguous");
        }
        return new Built(commit, "");
    }

    private Optional<CommitId> resolveQuietly(String revision) {
        try {
            return in.git().resolve(revision);
        } catch (InvalidInputException e) {
            return Optional.empty();
        }
    }

    // ---------------------------------------------------------------- helpers

    private static Optional<Version> parse(String text) {
        try {
            return Optional.of(Version.parse(text));
        } catch (InvalidInputException e) {
            return Optional.empty();
        }
    }

    private static String abbreviate(CommitId c) {
        return c.abbreviate(7);
    }

    private static String paths(List<String> paths) {
        int shown = Math.min(3, paths.size());
        String list = String.join(", ", paths.subList(0, shown));
        return paths.size() > shown ? list + " and " + (paths.size() - shown) + " more" : list;
    }

    /** A duration rounded to what a person reads: 2d3h, 1h30m, 12m, 45s. */
    static String format(Duration d) {
        long seconds = Math.max(0, d.getSeconds());
        if (seconds >= 3600) {
            seconds -= seconds % 60;
        }
        return ConfigWriter.duration(Duration.ofSeconds(seconds == 0 ? 0 : seconds)).replace("0ms", "0s");
    }
}
