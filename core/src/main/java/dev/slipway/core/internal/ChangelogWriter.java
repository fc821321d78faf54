package dev.slipway.core.internal;

import dev.slipway.api.ConventionalCommit;
import dev.slipway.api.Version;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * CHANGELOG entries in Release Please's format (its default changelog notes: the
 * conventional-changelog-conventionalcommits templates with Release Please's sections), and the update of a
 * {@code CHANGELOG.md} file with a new entry.
 *
 * <pre>
 * ## [1.3.0](https://github.com/acme/platform/compare/services/web@1.2.0...services/web@1.3.0) (2024-05-01)
 *
 *
 * ### ⚠ BREAKING CHANGES
 *
 * * **api:** the v1 routes are gone
 *
 * ### Features
 *
 * * **api:** drop v1 ([#12](https://github.com/acme/platform/issues/12)) ([abc1234](https://github.com/acme/platform/commit/abc1234...))
 * </pre>
 */
public final class ChangelogWriter {

    /** A changelog section: the types it gathers and whether it shows only breaking commits. */
    private record Section(String title, boolean hidden) {
    }

    /** Release Please's default sections, in order; {@code feature} is an alias of {@code feat}. */
    private static final Map<String, Section> SECTIONS = new LinkedHashMap<>();

    static {
        Section features = new Section("Features", false);
        SECTIONS.put("feat", features);
        SECTIONS.put("feature", features);
        SECTIONS.put("fix", new Section("Bug Fixes", false));
        SECTIONS.put("perf", new Section("Performance Improvements", false));
        SECTIONS.put("revert", new Section("Reverts", false));
        SECTIONS.put("chore", new Section("Miscellaneous Chores", true));
        SECTIONS.put("docs", new Section("Documentation", true));
        SECTIONS.put("style", new Section("Styles", true));
        SECTIONS.put("refactor", new Section("Code Refactoring", true));
        SECTIONS.put("test", new Section("Tests", true));
        SECTIONS.put("build", new Section("Build System", true));
        SECTIONS.put("ci", new Section("Continuous Integration", true));
    }

    /** Release Please's htmlEscape: {@code <} and {@code >} outside code spans. */
    private static final Pattern ESCAPE = Pattern.compile("``[^`].*[^`]``|`[^`]*`|<|>");
    private static final Pattern ISSUE = Pattern.compile("#([0-9]+)");
    private static final Pattern NOTE_ISSUE = Pattern.compile("\\(#([0-9]+)\\)");
    private static final Pattern REFERENCE = Pattern.compile("(?:^|#)([0-9]+)");
    private static final Pattern BREAKING_LINE = Pattern.compile("^(?:\\* )?BREAKING[ -]CHANGE: ?(.*)$");
    /** Release Please's DEFAULT_VERSION_HEADER_REGEX: where the newest entry of a CHANGELOG starts. */
    private static final Pattern VERSION_HEADER = Pattern.compile("\n###? v?[0-9\\[]");
    /** Where the entry after one ends: the next H2, or an H3 that names a version (older patch entries). */
    private static final Pattern NEXT_ENTRY = Pattern.compile("\n(?:## |### \\[?v?[0-9]+\\.[0-9]+\\.[0-9]+)");
    private static final Pattern SECTION_HEADER = Pattern.compile("\n###? ");
    private static final Pattern H1 = Pattern.compile("(?m)^#(\\s)");
    private static final List<String> CLOSING = List.of("close", "closes", "closed", "fix", "fixes", "fixed",
            "resolve", "resolves", "resolved");

    private ChangelogWriter() {
    }

    /**
     * A commit as the changelog shows it.
     *
     * @param sha the full commit id
     * @param firstLine the message's first line (shown when the description is empty)
     * @param commit the parsed message
     */
    public record Item(String sha, String firstLine, ConventionalCommit commit) {

        /** Checks the parts. */
        public Item {
            Objects.requireNonNull(sha, "sha");
            Objects.requireNonNull(firstLine, "firstLine");
            Objects.requireNonNull(commit, "commit");
        }
    }

    /**
     * A CHANGELOG entry.
     *
     * @param version the released version
     * @param date the release date (UTC)
     * @param repositoryUrl the repository's web address without a trailing slash, which enables links
     * @param previousTag the previous release's tag, which with the repository address gives a compare link
     * @param tag the new release's tag
     * @param items the service's commits since the previous release, newest first
     * @return the entry, without a trailing newline
     */
    public static String entry(Version version, LocalDate date, Optional<String> repositoryUrl,
            Optional<String> previousTag, String tag, List<Item> items) {
        StringBuilder out = new StringBuilder("## ");
        if (repositoryUrl.isPresent() && previousTag.isPresent()) {
            out.append('[').append(version).append("](").append(repositoryUrl.get()).append("/compare/")
                    .append(previousTag.get()).append("...").append(tag).append(')');
        } else {
            out.append(version);
        }
        out.append(" (").append(date).append(")\n");

        List<String> notes = new ArrayList<>();
        Map<String, List<String[]>> groups = new LinkedHashMap<>();
        for (Section s : SECTIONS.values()) {
            groups.putIfAbsent(s.title(), new ArrayList<>());
        }
        Map<String, List<String[]>> other = new java.util.TreeMap<>();
        for (Item item : items) {
            ConventionalCommit c = item.commit();
            for (String note : notes(c)) {
                notes.add("* " + scopePrefix(c) + linkNoteIssue(note, repositoryUrl));
            }
            Section section = SECTIONS.get(c.type().toLowerCase(Locale.ROOT));
            boolean shown = section != null ? !section.hidden() || c.isBreaking() || ReleaseRules.releaseAs(c).isPresent()
                    : c.isBreaking() || ReleaseRules.releaseAs(c).isPresent();
            if (!shown) {
                continue;
            }
            String subject = c.description().isEmpty() ? item.firstLine() : c.description();
            subject = linkIssues(htmlEscape(subject), repositoryUrl);
            StringBuilder line = new StringBuilder("* ").append(scopePrefix(c)).append(subject);
            String shortSha = item.sha().substring(0, Math.min(7, item.sha().length()));
            if (repositoryUrl.isPresent()) {
                line.append(" ([").append(shortSha).append("](").append(repositoryUrl.get()).append("/commit/")
                        .append(item.sha()).append("))");
            } else {
                line.append(' ').append(shortSha);
            }
            List<String> refs = closes(c, subject);
            if (!refs.isEmpty()) {
                line.append(", closes");
                for (String n : refs) {
                    line.append(' ');
                    line.append(repositoryUrl.isPresent()
                            ? "[#" + n + "](" + repositoryUrl.get() + "/issues/" + n + ")" : "#" + n);
                }
            }
            String[] sortable = {c.scope().orElse(""), subject, line.toString()};
            (section != null ? groups.get(section.title()) : other.computeIfAbsent(c.type(), k -> new ArrayList<>()))
                    .add(sortable);
        }
        groups.putAll(other);

        boolean first = true;
        if (!notes.isEmpty()) {
            out.append("\n\n### ⚠ BREAKING CHANGES\n\n");
            notes.forEach(n -> out.append(n).append('\n'));
        }
        for (Map.Entry<String, List<String[]>> g : groups.entrySet()) {
            if (g.getValue().isEmpty()) {
                continue;
            }
            out.append(first && !notes.isEmpty() ? "\n" : "\n\n").append("### ").append(g.getKey()).append("\n\n");
            first = false;
            List<String[]> lines = new ArrayList<>(g.getValue());
            lines.sort(Comparator.<String[], String>comparing(l -> l[0]).thenComparing(l -> l[1]));
            lines.forEach(l -> out.append(l[2]).append('\n'));
        }
        return out.toString().strip();
    }

    private static String scopePrefix(ConventionalCommit c) {
        return c.scope().map(s -> "**" + s + ":** ").orElse("");
    }

    /**
     * The breaking-change notes of a commit: its {@code BREAKING CHANGE} footers; else the text of a
     * {@code BREAKING CHANGE:} line of its body; else, for a {@code !} header, the description.
     */
    static List<String> notes(ConventionalCommit c) {
        if (!c.isBreaking()) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (ConventionalCommit.Footer f : c.footers()) {
            if (f.isBreakingChange()) {
                out.add(noteText(f.value()));
            }
        }
        if (out.isEmpty() && c.body().isPresent()) {
            for (String line : c.body().get().split("\n")) {
                Matcher m = BREAKING_LINE.matcher(line);
                if (m.matches() && !m.group(1).isBlank()) {
                    out.add(m.group(1).strip());
                    break;
                }
            }
        }
        if (out.isEmpty()) {
            out.add(c.description());
        }
        return out;
    }

    /** A note's lines: list items stay on their own (indented) lines, other lines join with a space. */
    private static String noteText(String value) {
        String[] lines = value.split("\n");
        StringBuilder sb = new StringBuilder(lines[0].strip());
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("- ") || line.startsWith("* ")) {
                sb.append("\n    ").append(line);
            } else {
                sb.append(' ').append(line);
            }
        }
        return sb.toString();
    }

    /**
     * Escapes {@code <} and {@code >} outside code spans, as Release Please does.
     *
     * @param text a description
     * @return the escaped text
     */
    public static String htmlEscape(String text) {
        Matcher m = ESCAPE.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String match = m.group();
            m.appendReplacement(sb, Matcher.quoteReplacement(match.length() > 1 ? match
                    : match.equals("<") ? "&lt;" : "&gt;"));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    private static String linkIssues(String text, Optional<String> url) {
        if (url.isEmpty()) {
            return text;
        }
        return ISSUE.matcher(text).replaceAll(m -> Matcher.quoteReplacement(
                "[#" + m.group(1) + "](" + url.get() + "/issues/" + m.group(1) + ")"));
    }

    private static String linkNoteIssue(String text, Optional<String> url) {
        if (url.isEmpty()) {
            return text;
        }
        return NOTE_ISSUE.matcher(text).replaceFirst(m -> Matcher.quoteReplacement(
                "([#" + m.group(1) + "](" + url.get() + "/issues/" + m.group(1) + "))"));
    }

    /** Issues the commit's closing footers ({@code Closes #12}, {@code Fixes: #3, #4}) name, minus those in the subject. */
    private static List<String> closes(ConventionalCommit c, String subject) {
        List<String> out = new ArrayList<>();
        for (ConventionalCommit.Footer f : c.footers()) {
            if (!CLOSING.contains(f.token().toLowerCase(Locale.ROOT))) {
                continue;
            }
            Matcher m = REFERENCE.matcher(f.value().strip());
            while (m.find()) {
                String n = m.group(1);
                if (!out.contains(n) && !Pattern.compile("#" + n + "(?![0-9])").matcher(subject).find()) {
                    out.add(n);
                }
            }
        }
        return out;
    }

    /**
     * A CHANGELOG with a new entry, as Release Please's changelog updater writes it: a missing or empty file
     * becomes {@code # Changelog}, a blank line and the entry; otherwise the entry goes before the first
     * version header ({@code ## 1.2.3}, {@code ### [1.2.3]}, {@code ## v1.2.3}). A file without one that starts
     * with no title gets {@code # Changelog} and the entry above its text (as Release Please does); one that
     * starts with a {@code # } title keeps its preamble on top, and the entry goes before its first {@code ##}
     * heading or at the end.
     *
     * @param existing the file's current text, empty when it does not exist
     * @param entry the entry, without a trailing newline
     * @return the new text, ending with one newline
     */
    public static String prepend(Optional<String> existing, String entry) {
        String content = existing.orElse("");
        if (content.isBlank()) {
            return "# Changelog\n\n" + entry + "\n";
        }
        Matcher m = VERSION_HEADER.matcher(content);
        if (!m.find()) {
            if (!content.startsWith("# ")) {
                // Release Please: older entries in another style, no title; they go below the new one
                return "# Changelog\n\n" + entry + "\n\n" + H1.matcher(content).replaceAll("##$1").strip() + "\n";
            }
            // a titled file without version entries yet: its preamble stays on top (Release Please would demote
            // the title and put it below the entry)
            Matcher section = SECTION_HEADER.matcher(content);
            if (!section.find()) {
                return content.strip() + "\n\n" + entry + "\n";
            }
            m = section;
        }
        String before = content.substring(0, m.start());
        String after = content.substring(m.start());
        return (before + "\n" + entry + "\n" + after).strip() + "\n";
    }

    /**
     * The entry of one version in a CHANGELOG: from its header ({@code ## [1.2.3](...)}, {@code ## 1.2.3 (...)})
     * up to the next {@code ##} heading or {@code ###} version heading (a section named after a type that
     * starts with a digit, {@code ### 0}, stays inside the entry).
     *
     * @param content the CHANGELOG's text
     * @param version the version
     * @return the entry, stripped, or empty when the CHANGELOG has none for that version
     */
    public static Optional<String> entryOf(String content, Version version) {
        String text = content.replace("\r\n", "\n");
        Matcher start = Pattern.compile("(?m)^###? \\[?v?" + Pattern.quote(version.toString()) + "(?:\\]|[ \\t]|$)")
                .matcher(text);
        if (!start.find()) {
            return Optional.empty();
        }
        Matcher next = NEXT_ENTRY.matcher(text);
        int end = next.find(start.end()) ? next.start() : text.length();
        return Optional.of(text.substring(start.start(), end).strip());
    }
}
