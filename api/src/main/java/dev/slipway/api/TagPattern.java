package dev.slipway.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How release tags are named: literal text with exactly one {@code {version}} and at most one
 * {@code {service}} placeholder. The default is {@code {service}@{version}}
 * ({@code services/go-backend@0.2.3}); a per-service pattern without {@code {service}}, such as
 * {@code @sveltejs/kit@{version}}, names the tags of one service (changesets and lerna style).
 *
 * <p>A tag belongs to a service if and only if it matches that service's pattern exactly:
 * {@code services/web@1.2.3} is never a tag of {@code services/web-api}. Tags whose version part is not
 * a release {@code X.Y.Z} (pre-release, malformed) do not match.
 */
public final class TagPattern {

    /** The default pattern, {@code {service}@{version}}. */
    public static final TagPattern DEFAULT = new TagPattern("{service}@{version}");

    private static final String SERVICE = "{service}";
    private static final String VERSION = "{version}";

    /** A release version's text inside a tag name: three numbers (leading zeros are refused by Version.parse). */
    private static final String RELEASE_VERSION = "([0-9]+\\.[0-9]+\\.[0-9]+)";

    private final String pattern;
    private final boolean hasService;
    /** The literal text around the placeholders: {@code placeholders.size() + 1} entries. */
    private final List<String> literals;
    private final List<String> placeholders;
    /** Any text in place of each placeholder: tells what part of a name does not fit, for messages. */
    private final Pattern regex;
    /** A release version in place of {@code {version}}: reads the service from a name. */
    private final Pattern releaseRegex;
    private final int serviceGroup;
    private final int versionGroup;

    private TagPattern(String pattern) {
        this.pattern = Objects.requireNonNull(pattern, "pattern");
        List<String> placeholders = new ArrayList<>();
        List<String> literals = new ArrayList<>();
        literals.add("");
        StringBuilder re = new StringBuilder("^");
        StringBuilder releaseRe = new StringBuilder("^");
        boolean lastWasPlaceholder = false;
        int i = 0;
        while (i < pattern.length()) {
            char c = pattern.charAt(i);
            if (c == '{') {
                int end = pattern.indexOf('}', i);
                if (end < 0) {
                    throw invalid(pattern, "the '{' at index " + i + " is not closed");
                }
                String placeholder = pattern.substring(i, end + 1);
                if (!placeholder.equals(SERVICE) && !placeholder.equals(VERSION)) {
                    throw invalid(pattern, "unknown placeholder " + placeholder + "; only {service} and {version} exist");
                }
                if (placeholders.contains(placeholder)) {
                    throw invalid(pattern, placeholder + " appears more than once");
                }
                if (lastWasPlaceholder) {
                    throw invalid(pattern, "two placeholders with nothing between them cannot be told apart;"
                            + " put a separator such as '@' between them");
                }
                placeholders.add(placeholder);
                literals.add("");
                re.append("(.+)");
                releaseRe.append(placeholder.equals(VERSION) ? RELEASE_VERSION : "(.+)");
                lastWasPlaceholder = true;
                i = end + 1;
            } else if (c == '}') {
                throw invalid(pattern, "the '}' at index " + i + " closes no placeholder");
            } else {
                int next = i;
                while (next < pattern.length() && pattern.charAt(next) != '{' && pattern.charAt(next) != '}') {
                    next++;
                }
                String literal = pattern.substring(i, next);
                literals.set(literals.size() - 1, literal);
                re.append(Pattern.quote(literal));
                releaseRe.append(Pattern.quote(literal));
                lastWasPlaceholder = false;
                i = next;
            }
        }
        if (!placeholders.contains(VERSION)) {
            throw invalid(pattern, "it has no {version} placeholder; write for example {service}@{version}");
        }
        re.append('$');
        releaseRe.append('$');
        this.placeholders = List.copyOf(placeholders);
        this.literals = List.copyOf(literals);
        this.hasService = placeholders.contains(SERVICE);
        this.serviceGroup = hasService ? placeholders.indexOf(SERVICE) + 1 : 0;
        this.versionGroup = placeholders.indexOf(VERSION) + 1;
        this.regex = Pattern.compile(re.toString(), Pattern.DOTALL);
        this.releaseRegex = Pattern.compile(releaseRe.toString(), Pattern.DOTALL);
    }

    /** The name this pattern gives {@code service} (the path text) and {@code version} (the version text). */
    private String substitute(String service, String version) {
        StringBuilder sb = new StringBuilder(literals.get(0));
        for (int k = 0; k < placeholders.size(); k++) {
            sb.append(placeholders.get(k).equals(SERVICE) ? service : version).append(literals.get(k + 1));
        }
        return sb.toString();
    }

    private static InvalidPatternException invalid(String pattern, String problem) {
        return new InvalidPatternException(pattern, "invalid release tag pattern \"" + pattern + "\": " + problem);
    }

    /**
     * Parses a tag pattern.
     *
     * @param pattern for example {@code {service}@{version}}, {@code {service}/v{version}} or {@code @scope/pkg@{version}}
     * @return the pattern
     * @throws InvalidPatternException if it lacks {@code {version}}, repeats a placeholder, names an unknown one,
     *     or has unbalanced braces
     */
    public static TagPattern parse(String pattern) {
        Objects.requireNonNull(pattern, "pattern");
        return pattern.equals(DEFAULT.pattern) ? DEFAULT : new TagPattern(pattern);
    }

    /**
     * The pattern text.
     *
     * @return the pattern, as given
     */
    public String pattern() {
        return pattern;
    }

    /**
     * Whether the pattern holds {@code {service}}; one without it names the tags of a single service.
     *
     * @return true if the service path is part of the tag name
     */
    public boolean hasService() {
        return hasService;
    }

    /**
     * The release tag of a service's version.
     *
     * @param service the service
     * @param version a release version {@code X.Y.Z}
     * @return the tag
     * @throws InvalidReleaseTagException if the version is not a release or the name breaks git's ref name rules
     */
    public ReleaseTag format(ServiceId service, Version version) {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(version, "version");
        // substituted part by part: a service path may itself contain the text "{version}"
        return new ReleaseTag(substitute(service.path(), version.toString()), service, version);
    }

    /**
     * The release tag a name denotes for a given service, if it is one: the name matches this pattern
     * exactly, with that service's path in place of {@code {service}} (when present) and a release
     * {@code X.Y.Z} in place of {@code {version}}.
     *
     * @param name a tag name, without {@code refs/tags/}
     * @param service the service whose tags are wanted
     * @return the tag, or empty when the name is not a release tag of that service
     */
    public Optional<ReleaseTag> match(String name, ServiceId service) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(service, "service");
        // the service is known, so only the version is open: the text before and after {version} is fixed,
        // which also finds the right split when the service path contains a literal of the pattern
        // ({version}-{service} with service a-b)
        StringBuilder before = new StringBuilder(literals.get(0));
        StringBuilder after = new StringBuilder();
        boolean afterVersion = false;
        for (int k = 0; k < placeholders.size(); k++) {
            StringBuilder sb = afterVersion ? after : before;
            if (placeholders.get(k).equals(VERSION)) {
                afterVersion = true;
                after.append(literals.get(k + 1));
            } else {
                sb.append(service.path()).append(literals.get(k + 1));
            }
        }
        if (name.length() <= before.length() + after.length()
                || !name.startsWith(before.toString()) || !name.endsWith(after.toString())) {
            return Optional.empty();
        }
        String version = name.substring(before.length(), name.length() - after.length());
        return releaseVersion(version).flatMap(v -> build(name, service, v));
    }

    /**
     * The release tag a name denotes, reading the service from the name. Only for patterns with
     * {@code {service}}.
     *
     * @param name a tag name, without {@code refs/tags/}
     * @return the tag, or empty when the name does not match, names an invalid service path, or carries a
     *     version that is not {@code X.Y.Z}
     * @throws IllegalStateException if the pattern has no {@code {service}}
     */
    public Optional<ReleaseTag> match(String name) {
        Objects.requireNonNull(name, "name");
        if (!hasService) {
            throw new IllegalStateException("the tag pattern \"" + pattern
                    + "\" has no {service}; match(name, service) says whose tag a name is");
        }
        Matcher m = releaseRegex.matcher(name);
        if (!m.matches()) {
            return Optional.empty();
        }
        Optional<Version> version = releaseVersion(m.group(versionGroup));
        if (version.isEmpty()) {
            return Optional.empty();
        }
        ServiceId service;
        try {
            service = ServiceId.of(m.group(serviceGroup));
        } catch (InvalidServiceIdException e) {
            return Optional.empty();
        }
        return build(name, service, version.get());
    }

    /**
     * Parses a tag name that must be a release tag under this pattern.
     *
     * @param name a tag name, without {@code refs/tags/}
     * @return the tag
     * @throws InvalidReleaseTagException saying what does not match
     * @throws IllegalStateException if the pattern has no {@code {service}}
     */
    public ReleaseTag parseTag(String name) {
        Objects.requireNonNull(name, "name");
        Optional<ReleaseTag> tag = match(name);
        if (tag.isPresent()) {
            return tag.get();
        }
        Matcher m = regex.matcher(name);
        String expected = " (expected " + pattern + " with a service path and a release version X.Y.Z,"
                + " such as " + substitute("services/go-backend", "0.2.3") + ")";
        if (!m.matches()) {
            throw new InvalidReleaseTagException(name, "invalid release tag \"" + name + "\": it does not have the shape "
                    + pattern + expected);
        }
        String v = m.group(versionGroup);
        Version version;
        try {
            version = Version.parse(v);
        } catch (InvalidVersionException e) {
            throw new InvalidReleaseTagException(name, "invalid release tag \"" + name + "\": \"" + v
                    + "\" is not a release version X.Y.Z: " + e.getMessage() + expected);
        }
        if (version.isPrerelease() || !version.build().isEmpty()) {
            throw new InvalidReleaseTagException(name, "invalid release tag \"" + name + "\": \"" + v
                    + "\" is not a release version X.Y.Z; release tags carry no pre-release and no build metadata"
                    + expected);
        }
        ServiceId service;
        try {
            service = ServiceId.of(m.group(serviceGroup));
        } catch (InvalidServiceIdException e) {
            throw new InvalidReleaseTagException(name, "invalid release tag \"" + name + "\": " + e.getMessage());
        }
        // the remaining reason is git's ref name rules, which the constructor reports
        ReleaseTag formatted = format(service, version);
        if (!formatted.name().equals(name)) {
            throw new InvalidReleaseTagException(name, "invalid release tag \"" + name + "\": it does not have the shape "
                    + pattern + expected);
        }
        return formatted;
    }

    private static Optional<Version> releaseVersion(String text) {
        try {
            Version v = Version.parse(text);
            return v.isPrerelease() || !v.build().isEmpty() ? Optional.empty() : Optional.of(v);
        } catch (InvalidVersionException e) {
            return Optional.empty();
        }
    }

    private static Optional<ReleaseTag> build(String name, ServiceId service, Version version) {
        try {
            return Optional.of(new ReleaseTag(name, service, version));
        } catch (InvalidReleaseTagException e) {
            return Optional.empty();
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TagPattern other && pattern.equals(other.pattern);
    }

    @Override
    public int hashCode() {
        return pattern.hashCode();
    }

    /**
     * The pattern text.
     *
     * @return the pattern
     */
    @Override
    public String toString() {
        return pattern;
    }
}
