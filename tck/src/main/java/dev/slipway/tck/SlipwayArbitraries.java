package dev.slipway.tck;

import dev.slipway.api.ConventionalCommit;
import dev.slipway.api.Digest;
import dev.slipway.api.ImageRepository;
import dev.slipway.api.ImageTag;
import dev.slipway.api.ReleaseTag;
import dev.slipway.api.ServiceId;
import dev.slipway.api.StagingScheme;
import dev.slipway.api.StagingVersion;
import dev.slipway.api.TagPattern;
import dev.slipway.api.Version;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.Tuple;

/**
 * jqwik arbitraries for the api value types, for the property suites of hosts and adapters.
 *
 * <p>Every value they generate is valid: the factories never throw for it, and its text parses back to
 * an equal value. They lean towards the cases that break implementations: numbers beyond {@code long}
 * (SemVer numbers are unbounded), numeric and alphanumeric pre-release identifiers side by side, build
 * metadata, service paths holding {@code @} and {@code -}, counts at digit boundaries ({@code 9}, {@code 10},
 * {@code 999}, {@code 1000}) and at the largest count a scheme can express.
 *
 * <pre>{@code
 * @Property
 * void deployedVersionsAreImageTags(@ForAll("staging") StagingVersion version) { ... }
 *
 * @Provide
 * Arbitrary<StagingVersion> staging() {
 *     return SlipwayArbitraries.stagingVersions(StagingScheme.DEFAULT);
 * }
 * }</pre>
 */
public final class SlipwayArbitraries {

    private static final String DIGITS = "0123456789";
    private static final String LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static final String IDENTIFIER_CHARS = DIGITS + LETTERS + "-";
    private static final String LOWER_HEX = "0123456789abcdef";
    private static final int SHA1_HEX_DIGITS = 40;
    private static final int SHA256_HEX_DIGITS = 64;
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);
    private static final BigInteger HUGE = BigInteger.TEN.pow(40);

    private SlipwayArbitraries() {
    }

    /**
     * Numbers as SemVer allows them in {@code MAJOR}, {@code MINOR}, {@code PATCH} and numeric pre-release
     * identifiers: mostly small, with the boundaries of {@code int} and {@code long} and numbers of up to 41
     * digits.
     *
     * @return non-negative numbers
     */
    public static Arbitrary<BigInteger> versionNumbers() {
        Arbitrary<BigInteger> boundaries = Arbitraries.of(BigInteger.valueOf(9), BigInteger.TEN, BigInteger.valueOf(99),
                BigInteger.valueOf(100), BigInteger.valueOf(Integer.MAX_VALUE), BigInteger.valueOf(Integer.MAX_VALUE).add(BigInteger.ONE),
                LONG_MAX, LONG_MAX.add(BigInteger.ONE), new BigInteger("99999999999999999999999"), HUGE);
        return Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.bigIntegers().between(BigInteger.ZERO, BigInteger.valueOf(20))),
                Tuple.of(2, Arbitraries.bigIntegers().between(BigInteger.ZERO, LONG_MAX)),
                Tuple.of(1, Arbitraries.bigIntegers().between(BigInteger.ZERO, HUGE)),
                Tuple.of(1, boundaries));
    }

    /**
     * Pre-release identifiers: numeric ones (no leading zero, possibly huge) and alphanumeric ones over
     * {@code [0-9A-Za-z-]} with at least one non-digit ({@code rc}, {@code 0a}, {@code -}, {@code x-Y9}).
     *
     * @return valid pre-release identifiers
     */
    public static Arbitrary<String> prereleaseIdentifiers() {
        Arbitrary<String> numeric = versionNumbers().map(BigInteger::toString);
        Arbitrary<String> alphanumeric = Arbitraries.strings().withChars(IDENTIFIER_CHARS).ofMinLength(1).ofMaxLength(12)
                .filter(s -> !isDigits(s));
        Arbitrary<String> usual = Arbitraries.of("alpha", "beta", "rc", "SNAPSHOT", "DEV", "-", "--", "0a", "a0", "x-y");
        return Arbitraries.frequencyOf(Tuple.of(3, numeric), Tuple.of(4, alphanumeric), Tuple.of(2, usual));
    }

    /**
     * Build metadata identifiers: anything over {@code [0-9A-Za-z-]}, leading zeros included ({@code 007}).
     *
     * @return valid build identifiers
     */
    public static Arbitrary<String> buildIdentifiers() {
        return Arbitraries.oneOf(
                Arbitraries.strings().withChars(IDENTIFIER_CHARS).ofMinLength(1).ofMaxLength(12),
                Arbitraries.strings().withChars(DIGITS).ofMinLength(1).ofMaxLength(6));
    }

    /**
     * SemVer versions: releases, pre-releases and build metadata, in any combination, with numbers beyond
     * {@code long} now and then.
     *
     * @return valid versions
     */
    public static Arbitrary<Version> versions() {
        return Combinators.combine(versionNumbers(), versionNumbers(), versionNumbers(),
                        prereleaseIdentifiers().list().ofMaxSize(4), buildIdentifiers().list().ofMaxSize(3))
                .as(Version::new);
    }

    /**
     * Release versions {@code X.Y.Z}: no pre-release, no build metadata.
     *
     * @return valid release versions
     */
    public static Arbitrary<Version> releaseVersions() {
        return Combinators.combine(versionNumbers(), versionNumbers(), versionNumbers())
                .as((major, minor, patch) -> new Version(major, minor, patch, List.of(), List.of()));
    }

    /**
     * The text of valid SemVer versions, written from the grammar of SemVer 2.0.0 (not by
     * {@link Version#toString()}), so that it can check a parser from the text side.
     *
     * @return texts that {@link Version#parse} accepts and that {@code toString()} gives back unchanged
     */
    public static Arbitrary<String> versionText() {
        Arbitrary<String> number = versionNumbers().map(BigInteger::toString);
        Arbitrary<String> core = Combinators.combine(number, number, number).as((a, b, c) -> a + "." + b + "." + c);
        Arbitrary<String> prerelease = prereleaseIdentifiers().list().ofMaxSize(4)
                .map(ids -> ids.isEmpty() ? "" : "-" + String.join(".", ids));
        Arbitrary<String> build = buildIdentifiers().list().ofMaxSize(3)
                .map(ids -> ids.isEmpty() ? "" : "+" + String.join(".", ids));
        return Combinators.combine(core, prerelease, build).as((c, p, b) -> c + p + b);
    }

    /**
     * Service paths: one to four segments of {@code [a-z0-9._@-]}, npm-style scopes ({@code @scope/pkg})
     * and the usual {@code services/<name>}. Every path generated also makes a valid tag name under
     * {@link TagPattern#DEFAULT} and the other patterns of {@link #tagPatterns()}: no segment starts or ends
     * with {@code .}, holds {@code ..} or ends with {@code .lock}.
     *
     * @return valid service ids
     */
    public static Arbitrary<ServiceId> serviceIds() {
        Arbitrary<String> segment = Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyz0123456789-_.@")
                .ofMinLength(1).ofMaxLength(12)
                .filter(SlipwayArbitraries::isTagSafeSegment);
        Arbitrary<String> nested = segment.list().ofMinSize(1).ofMaxSize(4).map(segments -> String.join("/", segments));
        Arbitrary<String> scoped = Combinators.combine(segment, segment).as((scope, name) -> "@" + scope + "/" + name);
        Arbitrary<String> services = segment.map(name -> "services/" + name);
        Arbitrary<String> usual = Arbitraries.of("services/go-backend", "services/web", "services/web-api", "packages/kit",
                "@sveltejs/kit", "libs/common", "a", "a@b");
        return Arbitraries.frequencyOf(Tuple.of(4, nested), Tuple.of(1, scoped), Tuple.of(3, services), Tuple.of(1, usual))
                .map(ServiceId::of);
    }

    /**
     * Release tags under the default pattern {@code {service}@{version}}, such as
     * {@code services/go-backend@0.2.3} or {@code @scope/pkg@1.2.3}.
     *
     * @return valid release tags
     */
    public static Arbitrary<ReleaseTag> releaseTags() {
        return Combinators.combine(serviceIds(), releaseVersions()).as(ReleaseTag::of);
    }

    /**
     * Release tag patterns: {@link TagPattern#DEFAULT}, other separators between {@code {service}} and
     * {@code {version}} in either order ({@code {service}/v{version}}, {@code {version}-{service}}), and
     * patterns of one service without {@code {service}} ({@code @sveltejs/kit@{version}}). Their literals
     * hold no digit and no {@code .}, so a name splits one way only, and every name they give to a service of
     * {@link #serviceIds()} and a release version is a valid git tag name.
     *
     * @return valid tag patterns
     */
    public static Arbitrary<TagPattern> tagPatterns() {
        Arbitrary<String> lead = Arbitraries.of("", "", "release-", "tags/", "@acme/");
        Arbitrary<String> separator = Arbitraries.of("@", "/v", "-", "_", "/", "@v", "--", "-v-");
        Arbitrary<String> tail = Arbitraries.of("", "", "-release", "@x");
        Arbitrary<String> both = Combinators.combine(lead, separator, tail, Arbitraries.of(true, false))
                .as((l, s, t, serviceFirst) -> serviceFirst
                        ? l + "{service}" + s + "{version}" + t
                        : l + "{version}" + s + "{service}" + t);
        Arbitrary<String> single = Combinators.combine(Arbitraries.of("", "v", "@sveltejs/kit@", "kit-", "tools/cli/v"), tail)
                .as((l, t) -> l + "{version}" + t);
        return Arbitraries.frequencyOf(
                        Tuple.of(2, Arbitraries.just("{service}@{version}")), Tuple.of(5, both), Tuple.of(2, single))
                .map(TagPattern::parse);
    }

    /**
     * Staging schemes: {@link StagingScheme#DEFAULT}, {@code rc{count:5}-g{sha:10}}, and schemes with other
     * literals ({@code [0-9A-Za-z-]}, at least one non-digit) and widths, up to the widest count (18 digits)
     * and the longest commit prefix (64 hex digits); placeholders with and without explicit widths.
     *
     * @return valid staging schemes
     */
    public static Arbitrary<StagingScheme> stagingSchemes() {
        Arbitrary<String> literal = Arbitraries.strings().withChars(IDENTIFIER_CHARS).ofMaxLength(4);
        Arbitrary<Integer> countWidth = Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.integers().between(1, 6)),
                Tuple.of(1, Arbitraries.integers().between(1, StagingScheme.MAX_COUNT_WIDTH)));
        Arbitrary<Integer> shaLength = Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.integers().between(StagingScheme.MIN_SHA_LENGTH, 12)),
                Tuple.of(1, Arbitraries.integers().between(StagingScheme.MIN_SHA_LENGTH, StagingScheme.MAX_SHA_LENGTH)));
        Arbitrary<String> custom = Combinators.combine(literal, countWidth, literal, shaLength, literal, Arbitraries.of(true, false))
                .as((prefix, width, middle, length, suffix, explicit) -> prefix
                        + (explicit || width != 4 ? "{count:" + width + "}" : "{count}") + middle
                        + (explicit || length != 7 ? "{sha:" + length + "}" : "{sha}") + suffix)
                .filter(pattern -> hasNonDigit(pattern.replaceAll("\\{[^}]*}", "")));
        return Arbitraries.frequencyOf(
                        Tuple.of(1, Arbitraries.just("rc{count:4}-g{sha:7}")),
                        Tuple.of(1, Arbitraries.just("rc{count:5}-g{sha:10}")),
                        Tuple.of(6, custom))
                .map(StagingScheme::parse);
    }

    /**
     * Commit counts a scheme can express: from 0 to {@link StagingScheme#maxCount()}, often at a digit
     * boundary ({@code 9}, {@code 10}, {@code 99}, {@code 100}, ...) or at either end.
     *
     * @param scheme the scheme whose counts are wanted
     * @return counts that fit the scheme
     */
    public static Arbitrary<Long> counts(StagingScheme scheme) {
        Objects.requireNonNull(scheme, "scheme");
        long max = scheme.maxCount();
        List<Long> boundaries = new ArrayList<>(List.of(0L, max));
        for (long power = 10; power <= max && power > 0; power *= 10) {
            boundaries.add(power - 1);
            boundaries.add(power);
        }
        return Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.longs().between(0, Math.min(max, 100))),
                Tuple.of(3, Arbitraries.longs().between(0, max).withDistribution(RandomDistribution.uniform())),
                Tuple.of(2, Arbitraries.of(boundaries)));
    }

    /**
     * Staging versions of one scheme: any release base, any count the scheme can express (see
     * {@link #counts}), any commit (see {@link #commitIds(StagingScheme)}).
     *
     * @param scheme the scheme that shapes the versions
     * @return valid staging versions of that scheme
     */
    public static Arbitrary<StagingVersion> stagingVersions(StagingScheme scheme) {
        Objects.requireNonNull(scheme, "scheme");
        return Combinators.combine(releaseVersions(), counts(scheme), commitIds(scheme))
                .as((base, count, commitId) -> scheme.version(base, count, commitId));
    }

    /**
     * Staging versions of the schemes of {@link #stagingSchemes()}, with counts spread as {@link #counts} spreads
     * them.
     *
     * @return valid staging versions
     */
    public static Arbitrary<StagingVersion> stagingVersions() {
        // combined, not flat-mapped: a fresh inner arbitrary per sample is slow and starts on its edge cases
        return Combinators.combine(stagingSchemes(), releaseVersions(), countChoices(), longCommitIds())
                .as((scheme, base, choice, commitId) -> scheme.version(base, choice.count(scheme), commitId));
    }

    /**
     * Build histories: two to ten staging versions of one scheme and one base, in no particular order, as the
     * builds of one service between two releases.
     *
     * @return lists of staging versions that share scheme and base
     */
    public static Arbitrary<List<StagingVersion>> stagingHistories() {
        Arbitrary<List<Tuple.Tuple2<CountChoice, String>>> builds = Combinators.combine(countChoices(), longCommitIds())
                .as(Tuple::of).list().ofMinSize(2).ofMaxSize(10);
        return Combinators.combine(stagingSchemes(), releaseVersions(), builds)
                .as((scheme, base, list) -> list.stream()
                        .map(build -> scheme.version(base, build.get1().count(scheme), build.get2()))
                        .toList());
    }

    /** How a count is picked for a scheme not known yet: small, anywhere, at a digit boundary, or at an end. */
    private record CountChoice(int kind, long raw, int digits) {

        long count(StagingScheme scheme) {
            long max = scheme.maxCount();
            int width = scheme.countWidth();
            int k = 1 + Math.floorMod(digits, width);
            return switch (kind) {
                case 0 -> 0;
                case 1 -> max;
                case 2 -> Math.floorMod(raw, Math.min(max, 100) + 1);
                case 3 -> pow10(k) - 1;                          // 9, 99, 999, ...
                case 4 -> k < width ? pow10(k) : 0;             // 10, 100, 1000, ...
                default -> Math.floorMod(raw, max + 1);
            };
        }

        private static long pow10(int exponent) {
            long p = 1;
            for (int i = 0; i < exponent; i++) {
                p *= 10;
            }
            return p;
        }
    }

    private static Arbitrary<CountChoice> countChoices() {
        Arbitrary<Integer> kind = Arbitraries.frequency(
                Tuple.of(1, 0), Tuple.of(1, 1), Tuple.of(3, 2), Tuple.of(1, 3), Tuple.of(1, 4), Tuple.of(3, 5));
        return Combinators.combine(kind, Arbitraries.longs().withDistribution(RandomDistribution.uniform()).withoutEdgeCases(),
                        Arbitraries.integers().between(0, StagingScheme.MAX_COUNT_WIDTH))
                .as(CountChoice::new);
    }

    /** SHA-256-length ids: long enough for every scheme, since a scheme takes a prefix. */
    private static Arbitrary<String> longCommitIds() {
        return Arbitraries.strings().withChars(LOWER_HEX).ofLength(SHA256_HEX_DIGITS);
    }

    /**
     * Image tags of the OCI grammar {@code [A-Za-z0-9_][A-Za-z0-9._-]{0,127}}: arbitrary ones up to the
     * 128-character limit, and the tags Slipway itself deploys (release versions, staging versions).
     *
     * @return valid image tags
     */
    public static Arbitrary<ImageTag> imageTags() {
        Arbitrary<String> first = Arbitraries.strings().withChars(DIGITS + LETTERS + "_").ofLength(1);
        Arbitrary<String> rest = Arbitraries.strings().withChars(DIGITS + LETTERS + "_.-").ofMaxLength(ImageTag.MAX_LENGTH - 1);
        Arbitrary<String> grammar = Combinators.combine(first, rest).as(String::concat);
        Arbitrary<String> versionTags = Arbitraries.oneOf(
                        releaseVersions().map(Version::toString),
                        stagingVersions(StagingScheme.DEFAULT).map(StagingVersion::toString))
                .filter(tag -> tag.length() <= ImageTag.MAX_LENGTH);
        Arbitrary<String> usual = Arbitraries.of("latest", "hotfix-123", "_", "a".repeat(ImageTag.MAX_LENGTH));
        return Arbitraries.frequencyOf(Tuple.of(5, grammar), Tuple.of(3, versionTags), Tuple.of(1, usual))
                .map(ImageTag::of);
    }

    /**
     * Image repositories: an optional registry host (public registries, ECR, loopback with a port,
     * {@code localhost}) and one to four path components using every separator the grammar allows
     * ({@code .}, {@code _}, {@code __}, runs of {@code -}), up to the 255-character limit. Without a host, the
     * first of several components holds no {@code .} (it would name a host).
     *
     * @return valid image repositories
     */
    public static Arbitrary<ImageRepository> imageRepositories() {
        Arbitrary<String> alnum = Arbitraries.strings().withChars(DIGITS + "abcdefghijklmnopqrstuvwxyz").ofMinLength(1).ofMaxLength(8);
        Arbitrary<String> separator = Arbitraries.of(".", "_", "__", "-", "--", "---");
        Arbitrary<String> component = Combinators.combine(alnum, Combinators.combine(separator, alnum).as(String::concat)
                .list().ofMaxSize(3)).as((head, tail) -> head + String.join("", tail));
        Arbitrary<String> path = component.list().ofMinSize(1).ofMaxSize(4).map(parts -> String.join("/", parts));
        Arbitrary<Optional<String>> host = Arbitraries.of(Optional.empty(), Optional.of("ghcr.io"),
                Optional.of("docker.io"), Optional.of("123456789012.dkr.ecr.us-east-1.amazonaws.com"),
                Optional.of("127.0.0.1:5000"), Optional.of("localhost"), Optional.of("localhost:5000"),
                Optional.of("Registry.Example.com:443"));
        // without a host, a first component holding '.' would read as a host (Docker's rule): use '-' there
        return Combinators.combine(host, path).as((h, p) -> h.map(x -> x + "/" + p).orElse(p.indexOf('/') < 0 ? p
                        : p.substring(0, p.indexOf('/')).replace('.', '-') + p.substring(p.indexOf('/'))))
                .filter(name -> name.length() <= ImageRepository.MAX_LENGTH)
                .map(ImageRepository::of);
    }

    /**
     * Content digests: the sha256 of arbitrary bytes, and now and then a sha512-shaped digest.
     *
     * @return valid digests
     */
    public static Arbitrary<Digest> digests() {
        Arbitrary<Digest> sha256 = Arbitraries.bytes().array(byte[].class).ofMaxSize(64).map(Digest::sha256);
        Arbitrary<Digest> sha512 = Arbitraries.strings().withChars(LOWER_HEX).ofLength(128).map(h -> Digest.of("sha512:" + h));
        return Arbitraries.frequencyOf(Tuple.of(9, sha256), Tuple.of(1, sha512));
    }

    /**
     * Full SHA-1 commit ids: 40 lower-case hex digits.
     *
     * @return commit ids
     */
    public static Arbitrary<String> commitIds() {
        return Arbitraries.strings().withChars(LOWER_HEX).ofLength(SHA1_HEX_DIGITS);
    }

    /**
     * Full commit ids long enough for a scheme: SHA-1 ids (40 hex digits) when its commit prefix fits in
     * them, SHA-256 ids (64 hex digits) when it is longer.
     *
     * @param scheme the scheme the ids are for
     * @return lower-case hex commit ids of at least {@link StagingScheme#shaLength()} digits
     */
    public static Arbitrary<String> commitIds(StagingScheme scheme) {
        Objects.requireNonNull(scheme, "scheme");
        return scheme.shaLength() <= SHA1_HEX_DIGITS
                ? commitIds()
                : Arbitraries.strings().withChars(LOWER_HEX).ofLength(SHA256_HEX_DIGITS);
    }

    private static boolean isDigits(String s) {
        return !s.isEmpty() && s.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    private static boolean hasNonDigit(String s) {
        return s.chars().anyMatch(c -> c < '0' || c > '9');
    }

    private static boolean isTagSafeSegment(String segment) {
        return !segment.startsWith(".") && !segment.endsWith(".") && !segment.contains("..") && !segment.endsWith(".lock");
    }

    private static final String PLAIN_CHARS = "abcdefghijklmnopqrstuvwxyz0123456789 .,;()[]<>/'\"!?*_=+-\u00e9\u00fc\u65e5";
    private static final String DESCRIPTION_CHARS = PLAIN_CHARS + "ABCDEFGHIJKLMNOPQRSTUVWXYZ:#@`\t\u2003";
    private static final String SCOPE_CHARS = "abcdefghijklmnopqrstuvwxyz0123456789/,:@*-_. ";

    /**
     * Conventional commits that {@link ConventionalCommit#parse(String)} reads back from
     * {@link #commitMessage(ConventionalCommit)}: types as written lower-cased ({@code feat}, {@code fix},
     * {@code feature}, {@code revert}, arbitrary words), scopes with {@code /}, {@code ,}, {@code :}, {@code @},
     * {@code *}, spaces and balanced parentheses, breaking by {@code !} or by a {@code BREAKING CHANGE} /
     * {@code BREAKING-CHANGE} footer, descriptions full of colons, quotes and parentheses (possibly empty),
     * bodies of several paragraphs (footer-looking lines among them, never in the last paragraph's first
     * line), footers with continuation lines, and git's reverts ({@code Revert "..."} with a
     * {@code This reverts commit <sha>.} line).
     *
     * @return conventional commits whose canonical message parses back to them
     */
    public static Arbitrary<ConventionalCommit> conventionalCommits() {
        Arbitrary<String> type = Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.of("feat", "fix", "chore", "docs", "refactor", "feature", "perf", "revert", "ci_2")),
                Tuple.of(2, Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyz0123456789_").ofMinLength(1).ofMaxLength(10)));
        Arbitrary<List<ConventionalCommit.Footer>> footers = footers().list().ofMaxSize(4);
        Arbitrary<ConventionalCommit> conventional = Combinators.combine(type, scopes().optional(0.6),
                        Arbitraries.of(true, false).withoutEdgeCases(), descriptions(), bodies().optional(0.5), footers)
                .as((t, scope, bang, description, body, list) -> new ConventionalCommit(t, scope,
                        bang || list.stream().anyMatch(ConventionalCommit.Footer::isBreakingChange),
                        description, body, list, Optional.empty()));
        Arbitrary<String> sha = Arbitraries.integers().between(4, SHA1_HEX_DIGITS)
                .flatMap(n -> Arbitraries.strings().withChars(LOWER_HEX + "ABCDEF").ofLength(n));
        Arbitrary<ConventionalCommit> reverts = Combinators.combine(conventional, sha, bodies().optional(0.3), footers)
                .as((reverted, id, more, list) -> new ConventionalCommit("revert", Optional.empty(), false,
                        commitMessage(reverted).lines().findFirst().orElseThrow(),
                        Optional.of("This reverts commit " + id + "." + more.map(b -> "\n\n" + b).orElse("")),
                        list, Optional.of(id)));
        return Arbitraries.frequencyOf(Tuple.of(6, conventional), Tuple.of(1, reverts));
    }

    /**
     * The canonical message of a conventional commit: {@code type(scope)!: description} ({@code !} whenever
     * it is breaking), or {@code Revert "description"} when it names a reverted commit; then the body and the
     * footers ({@code Token: value}), each after a blank line.
     *
     * @param commit the commit to write
     * @return its message, with {@code \n} line ends
     */
    public static String commitMessage(ConventionalCommit commit) {
        Objects.requireNonNull(commit, "commit");
        StringBuilder text = new StringBuilder(header(commit, commit.type()));
        commit.body().ifPresent(b -> text.append("\n\n").append(b));
        if (!commit.footers().isEmpty()) {
            text.append("\n");
            for (ConventionalCommit.Footer footer : commit.footers()) {
                text.append('\n').append(footer.token()).append(": ").append(footer.value());
            }
        }
        return text.toString();
    }

    /**
     * The messages that say the same conventional commit in different words: the type in any case,
     * footers as {@code Token #value} where that is not a breaking change, blank lines between footers,
     * leading and trailing blank lines, and trailing whitespace on lines.
     *
     * @param commit the commit to write
     * @return messages that all parse to the commit
     */
    public static Arbitrary<String> commitMessages(ConventionalCommit commit) {
        Objects.requireNonNull(commit, "commit");
        Arbitrary<String> typeCase = Arbitraries.of(commit.type(), commit.type().toUpperCase(Locale.ROOT),
                commit.type().isEmpty() ? commit.type()
                        : commit.type().substring(0, 1).toUpperCase(Locale.ROOT) + commit.type().substring(1));
        int n = commit.footers().size();
        Arbitrary<List<Boolean>> hashes = Arbitraries.of(true, false).list().ofSize(n);
        Arbitrary<List<Boolean>> gaps = Arbitraries.of(true, false).list().ofSize(n);
        Arbitrary<String> padding = Arbitraries.of("", "", "\n", "\n \n", "\t\n\n");
        Arbitrary<String> trailing = Arbitraries.of("", "", " ", "\t", "  ");
        return Combinators.combine(typeCase, hashes, gaps, padding, padding, trailing).as((t, hash, gap, lead, tail, ws) -> {
            StringBuilder text = new StringBuilder(lead).append(header(commit, t));
            commit.body().ifPresent(b -> text.append("\n\n").append(b));
            if (n > 0) {
                text.append("\n");
            }
            for (int i = 0; i < n; i++) {
                ConventionalCommit.Footer footer = commit.footers().get(i);
                boolean useHash = hash.get(i) && !footer.isBreakingChange();
                text.append(gap.get(i) && i > 0 ? "\n\n" : "\n").append(footer.token())
                        .append(useHash ? " #" : ": ").append(footer.value());
            }
            text.append(tail);
            return ws.isEmpty() ? text.toString() : text.toString().replace("\n", ws + "\n");
        });
    }

    /**
     * Canonical messages of {@link #conventionalCommits()}.
     *
     * @return commit messages that parse as conventional commits
     */
    public static Arbitrary<String> commitMessages() {
        return conventionalCommits().map(SlipwayArbitraries::commitMessage);
    }

    private static String header(ConventionalCommit commit, String type) {
        if (commit.revertedCommit().isPresent()) {
            return "Revert \"" + commit.description() + "\"";
        }
        return type + commit.scope().map(s -> "(" + s + ")").orElse("") + (commit.isBreaking() ? "!" : "") + ": "
                + commit.description();
    }

    private static Arbitrary<String> scopes() {
        Arbitrary<String> text = Arbitraries.strings().withChars(SCOPE_CHARS).ofMinLength(1).ofMaxLength(10);
        Arbitrary<String> nested = Combinators.combine(text, text.optional(), text.optional())
                .as((a, b, c) -> a + "(" + b.orElse("") + ")" + c.orElse(""));
        return Arbitraries.frequencyOf(Tuple.of(4, text), Tuple.of(1, nested),
                        Tuple.of(2, Arbitraries.of("api", "a/b,c", "ng:list", "@org/x", "*", "deps-dev")))
                .map(String::strip).filter(s -> !s.isEmpty());
    }

    private static Arbitrary<String> descriptions() {
        return Arbitraries.frequencyOf(
                Tuple.of(5, Arbitraries.strings().withChars(DESCRIPTION_CHARS).ofMaxLength(40).map(String::strip)),
                Tuple.of(1, Arbitraries.of("", "add login", "a: b", "feat: nested", "\"quoted\" (x)!", "BREAKING CHANGE: no")));
    }

    /** A body line that looks like nothing: no colon, no hash, never blank, no trailing whitespace. */
    private static Arbitrary<String> plainLines() {
        return Combinators.combine(Arbitraries.of("", "", "  ", "* ", "- "),
                        Arbitraries.strings().withChars(PLAIN_CHARS).ofMinLength(1).ofMaxLength(30).map(String::strip)
                                .filter(s -> !s.isEmpty()))
                .as(String::concat);
    }

    private static Arbitrary<String> tokens() {
        return Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.of("Refs", "Signed-off-by", "Reviewed-by", "Co-authored-by", "Closes", "Acked_by")),
                Tuple.of(1, Arbitraries.strings().withChars(LETTERS + DIGITS + "_-").ofMinLength(1).ofMaxLength(12)));
    }

    private static Arbitrary<String> bodies() {
        Arbitrary<String> footerLooking = Combinators.combine(tokens(), plainLines()).as((t, v) -> t + ": " + v);
        Arbitrary<String> anyLine = Arbitraries.frequencyOf(Tuple.of(5, plainLines()), Tuple.of(1, footerLooking));
        Arbitrary<List<String>> paragraph = anyLine.list().ofMinSize(1).ofMaxSize(3);
        Arbitrary<List<String>> lastParagraph = Combinators.combine(plainLines(), anyLine.list().ofMaxSize(2))
                .as((first, more) -> {
                    List<String> lines = new ArrayList<>(List.of(first));
                    lines.addAll(more);
                    return lines;
                });
        return Combinators.combine(paragraph.list().ofMaxSize(3), lastParagraph, Arbitraries.of("\n\n", "\n\n", "\n\n\n"))
                .as((paragraphs, last, gap) -> {
                    List<String> all = new ArrayList<>();
                    paragraphs.forEach(p -> all.add(String.join("\n", p)));
                    all.add(String.join("\n", last));
                    return String.join(gap, all);
                });
    }

    private static Arbitrary<ConventionalCommit.Footer> footers() {
        Arbitrary<String> token = Arbitraries.frequencyOf(Tuple.of(6, tokens()),
                Tuple.of(1, Arbitraries.of("BREAKING CHANGE", "BREAKING-CHANGE")));
        Arbitrary<String> firstLine = Arbitraries.strings().withChars(DESCRIPTION_CHARS).ofMinLength(1).ofMaxLength(30)
                .map(String::strip).filter(s -> !s.isEmpty());
        Arbitrary<String> value = Combinators.combine(firstLine, plainLines().list().ofMaxSize(2))
                .as((first, more) -> more.isEmpty() ? first : first + "\n" + String.join("\n", more));
        return Combinators.combine(token, value).as(ConventionalCommit.Footer::new);
    }
}
