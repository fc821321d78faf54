package dev.slipway.tck;

import dev.slipway.api.ConventionalCommit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The first, regex-based implementation of {@link ConventionalCommit#parse}, kept as the oracle of the
 * hand-written scanner that replaced it for speed: both must give equal results for every message.
 */
final class RegexConventionalCommitParser {

    private static final Pattern FOOTER = Pattern.compile("([A-Za-z0-9_-]+|BREAKING CHANGE)(: | #)(.*)", Pattern.DOTALL);
    private static final Pattern BREAKING_LINE = Pattern.compile("(?:\\* )?BREAKING[ -]CHANGE:(?: .*)?", Pattern.DOTALL);
    private static final Pattern REVERT_HEADER = Pattern.compile("Revert \"(.*)\"", Pattern.DOTALL);
    private static final Pattern REVERTS_LINE = Pattern.compile("This reverts commit ([0-9a-fA-F]{4,64})(?:[.,].*)?", Pattern.DOTALL);

    private RegexConventionalCommitParser() {
    }

    /**
     * Reads a commit message (see the class description for the rules).
     *
     * @param message the full commit message
     * @return the conventional commit, or empty if the message is not one (merges, fixups, free text)
     * @throws NullPointerException if the message is null
     */
    static Optional<ConventionalCommit> parse(String message) {
        Objects.requireNonNull(message, "message");
        List<String> raw = new ArrayList<>(List.of(message.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1)));
        int first = 0;
        while (first < raw.size() && raw.get(first).isBlank()) {
            first++;
        }
        if (first == raw.size()) {
            return Optional.empty();
        }
        String headerLine = raw.get(first);
        List<String> rest = new ArrayList<>();
        for (String line : raw.subList(first + 1, raw.size())) {
            rest.add(line.stripTrailing());
        }
        while (!rest.isEmpty() && rest.get(rest.size() - 1).isEmpty()) {
            rest.remove(rest.size() - 1);
        }
        while (!rest.isEmpty() && rest.get(0).isEmpty()) {
            rest.remove(0);
        }
        Optional<String> reverted = revertedIfAny(rest);
        int footerStart = footerStart(rest);
        List<String> bodyLines = new ArrayList<>(rest.subList(0, footerStart));
        while (!bodyLines.isEmpty() && bodyLines.get(bodyLines.size() - 1).isEmpty()) {
            bodyLines.remove(bodyLines.size() - 1);
        }
        Optional<String> body = bodyLines.isEmpty() ? Optional.empty() : Optional.of(String.join("\n", bodyLines));
        List<ConventionalCommit.Footer> footers = footers(rest.subList(footerStart, rest.size()));

        Matcher revert = REVERT_HEADER.matcher(headerLine.stripTrailing());
        if (revert.matches() && reverted.isPresent()) {
            return Optional.of(new ConventionalCommit("revert", Optional.empty(), false, revert.group(1), body, footers,
                    reverted));
        }
        return header(headerLine).map(h -> {
            boolean breaking = h.bang || rest.stream().anyMatch(line -> BREAKING_LINE.matcher(line).matches());
            return new ConventionalCommit(h.type, h.scope, breaking, h.description, body, footers,
                    h.type.equals("revert") ? reverted : Optional.empty());
        });
    }

    private static Optional<String> revertedIfAny(List<String> lines) {
        for (String line : lines) {
            Matcher m = REVERTS_LINE.matcher(line);
            if (m.matches()) {
                return Optional.of(m.group(1));
            }
        }
        return Optional.empty();
    }

    private record Header(String type, Optional<String> scope, boolean bang, String description) {
    }

    private static Optional<Header> header(String line) {
        if (line.startsWith("fixup! ") || line.startsWith("squash! ") || line.startsWith("amend! ") || line.startsWith("Merge ")) {
            return Optional.empty();
        }
        int i = 0;
        while (i < line.length() && isWordChar(line.charAt(i))) {
            i++;
        }
        if (i == 0) {
            return Optional.empty();
        }
        String type = line.substring(0, i).toLowerCase(Locale.ROOT);
        Optional<String> scope = Optional.empty();
        if (i < line.length() && line.charAt(i) == '(') {
            int depth = 0;
            int close = -1;
            for (int j = i; j < line.length(); j++) {
                char c = line.charAt(j);
                if (c == '(') {
                    depth++;
                } else if (c == ')') {
                    depth--;
                    if (depth == 0) {
                        close = j;
                        break;
                    }
                }
            }
            if (close < 0) {
                return Optional.empty();
            }
            String text = line.substring(i + 1, close);
            scope = text.isBlank() ? Optional.empty() : Optional.of(text);
            i = close + 1;
        }
        boolean bang = false;
        if (i < line.length() && line.charAt(i) == '!') {
            bang = true;
            i++;
        }
        if (!line.startsWith(": ", i)) {
            return Optional.empty();
        }
        String description = line.substring(i + 2).strip();
        return Optional.of(new Header(type, scope, bang, description));
    }

    private static boolean isWordChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    }

    private static boolean hasLineBreak(String text) {
        return text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0;
    }

    /** Where the footers begin: the first of the trailing paragraphs that all start with a footer line. */
    private static int footerStart(List<String> lines) {
        int start = lines.size();
        int end = lines.size();
        while (end > 0) {
            int paragraphStart = end;
            while (paragraphStart > 0 && !lines.get(paragraphStart - 1).isEmpty()) {
                paragraphStart--;
            }
            if (paragraphStart == end || footerLine(lines.get(paragraphStart)) == null) {
                break;
            }
            start = paragraphStart;
            end = paragraphStart;
            while (end > 0 && lines.get(end - 1).isEmpty()) {
                end--;
            }
        }
        return start;
    }

    /** A footer line's match, or null; a breaking-change token takes only the {@code ": "} separator. */
    private static Matcher footerLine(String line) {
        Matcher m = FOOTER.matcher(line);
        if (!m.matches()) {
            return null;
        }
        String token = m.group(1);
        boolean breakingToken = token.equals("BREAKING CHANGE") || token.equals("BREAKING-CHANGE");
        return breakingToken && m.group(2).equals(" #") ? null : m;
    }

    private static List<ConventionalCommit.Footer> footers(List<String> lines) {
        List<ConventionalCommit.Footer> footers = new ArrayList<>();
        String token = null;
        StringBuilder value = new StringBuilder();
        for (String line : lines) {
            if (line.isEmpty()) {
                continue;
            }
            Matcher m = footerLine(line);
            if (m != null) {
                if (token != null) {
                    footers.add(new ConventionalCommit.Footer(token, value.toString()));
                }
                token = m.group(1);
                value.setLength(0);
                value.append(m.group(3));
            } else if (token != null) {
                value.append('\n').append(line);
            }
        }
        if (token != null) {
            footers.add(new ConventionalCommit.Footer(token, value.toString()));
        }
        return footers;
    }

}
