package dev.slipway.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A commit message under <a href="https://www.conventionalcommits.org/en/v1.0.0/">Conventional Commits
 * 1.0.0</a>, as {@link #parse(String)} reads it: {@code type(scope)!: description}, an optional body, and
 * footers ({@code Token: value} or {@code Token #value}).
 *
 * <p>How {@link #parse(String)} reads a message:
 * <ul>
 *   <li>{@code \r\n} reads as {@code \n}, and so does a lone {@code \r}; leading and trailing blank
 *       lines and trailing whitespace on lines are ignored.</li>
 *   <li>The header is {@code type}, a word of ASCII letters, digits and {@code _} (lower-cased in
 *       {@link #type()}), then an optional scope in parentheses (balanced inner parentheses allowed, empty
 *       parentheses mean no scope), an optional {@code !}, then {@code ": "} and the description, which may
 *       be empty.</li>
 *   <li>Footers are the last paragraphs of the message whose first lines are footer lines
 *       ({@code Token: value} or {@code Token #value}, the token of word characters and {@code -}, or
 *       {@code BREAKING CHANGE}; {@code BREAKING CHANGE} and {@code BREAKING-CHANGE} take only
 *       {@code ": "}); a footer's value runs over the following lines up to the next footer line.
 *       Everything between the header and the footers is the body, so footer-looking lines followed by a
 *       plain paragraph are body.</li>
 *   <li>A commit is breaking with {@code !} before the colon, or with a line anywhere after the header
 *       that starts with {@code BREAKING CHANGE:} or {@code BREAKING-CHANGE:} in upper case, optionally
 *       after a {@code "* "} bullet as squash merges write it. {@code BREAKING CHANGES:}, other cases and
 *       the words without a colon are not breaking.</li>
 *   <li>Git's reverts ({@code Revert "feat: x"} with a body line {@code This reverts commit <sha>.})
 *       read as type {@code revert}, the quoted header as description, the sha as
 *       {@link #revertedCommit()}, not breaking.</li>
 *   <li>Merge commits ({@code Merge branch ...}, {@code Merge pull request ...}), {@code fixup!},
 *       {@code squash!} and {@code amend!} commits and every other message are not conventional.</li>
 * </ul>
 *
 * @param type the type as written, lower-cased ({@code feat}, {@code fix}, {@code revert}, ...)
 * @param scope the scope, when the header names one
 * @param breaking whether the commit announces a breaking change
 * @param description the header's description, possibly empty
 * @param body the body, when there is one, with its lines joined by {@code \n}
 * @param footers the footers in message order
 * @param revertedCommit the (possibly abbreviated) id of the commit a revert reverts
 */
public record ConventionalCommit(String type, Optional<String> scope, boolean breaking, String description,
        Optional<String> body, List<Footer> footers, Optional<String> revertedCommit) {

    private static final Pattern TYPE = Pattern.compile("[a-z0-9_]+");
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]+|BREAKING CHANGE");
    private static final Pattern FOOTER = Pattern.compile("([A-Za-z0-9_-]+|BREAKING CHANGE)(: | #)(.*)", Pattern.DOTALL);
    private static final Pattern BREAKING_LINE = Pattern.compile("(?:\\* )?BREAKING[ -]CHANGE:(?: .*)?", Pattern.DOTALL);
    private static final Pattern REVERT_HEADER = Pattern.compile("Revert \"(.*)\"", Pattern.DOTALL);
    private static final Pattern REVERTS_LINE = Pattern.compile("This reverts commit ([0-9a-fA-F]{4,64})(?:[.,].*)?", Pattern.DOTALL);
    private static final Pattern HEX = Pattern.compile("[0-9a-fA-F]{4,64}");

    /**
     * A footer: a token and its value.
     *
     * @param token the token, such as {@code Refs}, {@code Signed-off-by} or {@code BREAKING CHANGE}
     * @param value the value; continuation lines are joined with {@code \n}
     */
    public record Footer(String token, String value) {

        /**
         * Validates the footer.
         *
         * @throws InvalidInputException if the token is not a word of letters, digits, {@code _} and
         *     {@code -} (or {@code BREAKING CHANGE})
         */
        public Footer {
            Objects.requireNonNull(token, "token");
            Objects.requireNonNull(value, "value");
            if (!TOKEN.matcher(token).matches()) {
                throw new InvalidInputException(token, "invalid footer token \"" + token
                        + "\": expected letters, digits, '_' and '-' (such as Signed-off-by) or BREAKING CHANGE");
            }
        }

        /**
         * Whether this footer announces a breaking change: its token is {@code BREAKING CHANGE} or
         * {@code BREAKING-CHANGE}.
         *
         * @return true for a breaking-change footer
         */
        public boolean isBreakingChange() {
            return token.equals("BREAKING CHANGE") || token.equals("BREAKING-CHANGE");
        }
    }

    /**
     * Validates the parts and copies the footers.
     *
     * @throws InvalidInputException if the type is not a lower-case word, the scope is blank or spans lines,
     *     the description spans lines, the body is blank, or a reverted commit is not a hex id or is given
     *     for a type other than {@code revert}
     */
    public ConventionalCommit {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(revertedCommit, "revertedCommit");
        footers = List.copyOf(footers);
        if (!TYPE.matcher(type).matches()) {
            throw new InvalidInputException(type, "invalid commit type \"" + type
                    + "\": expected a lower-case word of letters, digits and '_', such as feat");
        }
        if (scope.isPresent() && (scope.get().isBlank() || hasLineBreak(scope.get()))) {
            throw new InvalidInputException(scope.get(), "invalid scope \"" + scope.get()
                    + "\": expected non-blank text on one line, or no scope");
        }
        if (hasLineBreak(description)) {
            throw new InvalidInputException(description, "invalid description \"" + description
                    + "\": a description is the rest of the header line and holds no line break");
        }
        if (body.isPresent() && body.get().isBlank()) {
            throw new InvalidInputException(body.get(), "invalid body: it is blank; give no body instead");
        }
        if (revertedCommit.isPresent()) {
            String sha = revertedCommit.get();
            if (!HEX.matcher(sha).matches()) {
                throw new InvalidInputException(sha, "invalid reverted commit \"" + sha
                        + "\": expected 4 to 64 hex digits");
            }
            if (!type.equals("revert")) {
                throw new InvalidInputException(type, "a reverted commit needs type revert, not \"" + type + "\"");
            }
        }
    }

    /**
     * Reads a commit message (see the class description for the rules).
     *
     * @param message the full commit message
     * @return the conventional commit, or empty if the message is not one (merges, fixups, free text)
     * @throws NullPointerException if the message is null
     */
    public static Optional<ConventionalCommit> parse(String message) {
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
        List<Footer> footers = footers(rest.subList(footerStart, rest.size()));

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

    private static List<Footer> footers(List<String> lines) {
        List<Footer> footers = new ArrayList<>();
        String token = null;
        StringBuilder value = new StringBuilder();
        for (String line : lines) {
            if (line.isEmpty()) {
                continue;
            }
            Matcher m = footerLine(line);
            if (m != null) {
                if (token != null) {
                    footers.add(new Footer(token, value.toString()));
                }
                token = m.group(1);
                value.setLength(0);
                value.append(m.group(3));
            } else if (token != null) {
                value.append('\n').append(line);
            }
        }
        if (token != null) {
            footers.add(new Footer(token, value.toString()));
        }
        return footers;
    }

    /**
     * Whether the commit announces a breaking change.
     *
     * @return true for {@code !} in the header or a {@code BREAKING CHANGE:} line
     */
    public boolean isBreaking() {
        return breaking;
    }

    /**
     * Whether the commit adds a feature: type {@code feat} or its alias {@code feature}.
     *
     * @return true for a feature
     */
    public boolean isFeature() {
        return type.equals("feat") || type.equals("feature");
    }

    /**
     * Whether the commit fixes a bug: type {@code fix}.
     *
     * @return true for a fix
     */
    public boolean isFix() {
        return type.equals("fix");
    }

    /**
     * Whether the commit reverts another: type {@code revert}, as git's own reverts ({@code Revert "..."})
     * read, and conventional {@code revert:} commits.
     *
     * @return true for a revert
     */
    public boolean isRevert() {
        return type.equals("revert");
    }
}
