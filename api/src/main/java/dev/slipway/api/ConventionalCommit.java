package dev.slipway.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

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
            if (!isToken(token)) {
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
        if (!isType(type)) {
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
            if (sha.length() < 4 || sha.length() > 64 || !sha.chars().allMatch(c -> c >= '0' && c <= '9'
                    || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F')) {
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
     * <p>One pass over the message finds the lines; the header, the footer paragraphs and the breaking-change
     * lines are then recognised by scanning characters, without regular expressions or per-line strings, so
     * that parsing a whole history stays cheap (the {@code bench} module measures it).
     *
     * @param message the full commit message
     * @return the conventional commit, or empty if the message is not one (merges, fixups, free text)
     * @throws NullPointerException if the message is null
     */
    public static Optional<ConventionalCommit> parse(String message) {
        Objects.requireNonNull(message, "message");
        String text = message.indexOf('\r') < 0 ? message : message.replace("\r\n", "\n").replace('\r', '\n');
        Lines lines = new Lines(text);
        int n = lines.count;
        int first = 0;
        while (first < n && lines.isEmpty(first)) {
            first++;
        }
        if (first == n) {
            return Optional.empty();
        }
        int restStart = first + 1;
        int restEnd = n;
        while (restEnd > restStart && lines.isEmpty(restEnd - 1)) {
            restEnd--;
        }
        while (restStart < restEnd && lines.isEmpty(restStart)) {
            restStart++;
        }
        int footerStart = lines.footerStart(restStart, restEnd);
        int bodyEnd = footerStart;
        while (bodyEnd > restStart && lines.isEmpty(bodyEnd - 1)) {
            bodyEnd--;
        }
        int headerStart = lines.start[first];
        int headerEnd = lines.rawEnd[first];
        if (text.startsWith("Revert \"", headerStart)) {
            int end = lines.end[first];
            if (end - headerStart >= 9 && text.charAt(end - 1) == '"') {
                Optional<String> reverted = lines.reverted(restStart, restEnd);
                if (reverted.isPresent()) {
                    return Optional.of(new ConventionalCommit("revert", Optional.empty(), false,
                            text.substring(headerStart + 8, end - 1), lines.join(restStart, bodyEnd),
                            lines.footers(footerStart, restEnd), reverted));
                }
            }
        }
        // header: type(scope)!: description
        if (text.startsWith("fixup! ", headerStart) || text.startsWith("squash! ", headerStart)
                || text.startsWith("amend! ", headerStart) || text.startsWith("Merge ", headerStart)) {
            return Optional.empty();
        }
        int i = headerStart;
        boolean upper = false;
        while (i < headerEnd) {
            char c = text.charAt(i);
            if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_') {
                i++;
            } else if (c >= 'A' && c <= 'Z') {
                upper = true;
                i++;
            } else {
                break;
            }
        }
        if (i == headerStart) {
            return Optional.empty();
        }
        String type = text.substring(headerStart, i);
        if (upper) {
            type = type.toLowerCase(Locale.ROOT);
        }
        Optional<String> scope = Optional.empty();
        if (i < headerEnd && text.charAt(i) == '(') {
            int depth = 0;
            int close = -1;
            for (int j = i; j < headerEnd; j++) {
                char c = text.charAt(j);
                if (c == '(') {
                    depth++;
                } else if (c == ')' && --depth == 0) {
                    close = j;
                    break;
                }
            }
            if (close < 0) {
                return Optional.empty();
            }
            if (!isBlank(text, i + 1, close)) {
                scope = Optional.of(text.substring(i + 1, close));
            }
            i = close + 1;
        }
        boolean bang = false;
        if (i < headerEnd && text.charAt(i) == '!') {
            bang = true;
            i++;
        }
        if (i + 1 >= headerEnd || text.charAt(i) != ':' || text.charAt(i + 1) != ' ') {
            return Optional.empty();
        }
        int d = i + 2;
        int e = lines.end[first];
        while (d < e && isWhitespace(text.charAt(d))) {
            d++;
        }
        String description = d >= e ? "" : text.substring(d, e);
        boolean breaking = bang || lines.anyBreakingLine(restStart, restEnd);
        Optional<String> reverted = type.equals("revert") ? lines.reverted(restStart, restEnd) : Optional.empty();
        return Optional.of(new ConventionalCommit(type, scope, breaking, description, lines.join(restStart, bodyEnd),
                lines.footers(footerStart, restEnd), reverted));
    }

    private static boolean hasLineBreak(String text) {
        return text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0;
    }

    /** {@code [a-z0-9_]+}. */
    private static boolean isType(String type) {
        if (type.isEmpty()) {
            return false;
        }
        for (int k = 0; k < type.length(); k++) {
            char c = type.charAt(k);
            if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_')) {
                return false;
            }
        }
        return true;
    }

    /** {@code [A-Za-z0-9_-]+} or {@code BREAKING CHANGE}. */
    private static boolean isToken(String token) {
        if (token.equals("BREAKING CHANGE")) {
            return true;
        }
        if (token.isEmpty()) {
            return false;
        }
        for (int k = 0; k < token.length(); k++) {
            char c = token.charAt(k);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    /** {@link Character#isWhitespace}, with printable ASCII answered without the call. */
    private static boolean isWhitespace(char c) {
        return (c <= ' ' || c >= 0x7f) && Character.isWhitespace(c);
    }

    private static boolean isBlank(String text, int from, int to) {
        for (int k = from; k < to; k++) {
            if (!isWhitespace(text.charAt(k))) {
                return false;
            }
        }
        return true;
    }

    /**
     * The lines of a message ({@code \n}-separated, {@code \r} already normalised) as offsets: where each
     * starts, where it ends, and where it ends without trailing whitespace.
     */
    private static final class Lines {

        private static final int[] NONE = new int[0];

        final String text;
        int count;
        int[] start = NONE;
        int[] rawEnd = NONE;
        /** End without trailing whitespace ({@code stripTrailing}); equal to the start for a blank line. */
        int[] end = NONE;

        Lines(String text) {
            this.text = text;
            int len = text.length();
            int capacity = 8;
            start = new int[capacity];
            rawEnd = new int[capacity];
            end = new int[capacity];
            int s = 0;
            while (true) {
                int nl = text.indexOf('\n', s);
                int re = nl < 0 ? len : nl;
                if (count == capacity) {
                    capacity *= 2;
                    start = java.util.Arrays.copyOf(start, capacity);
                    rawEnd = java.util.Arrays.copyOf(rawEnd, capacity);
                    end = java.util.Arrays.copyOf(end, capacity);
                }
                int te = re;
                while (te > s && isWhitespace(text.charAt(te - 1))) {
                    te--;
                }
                start[count] = s;
                rawEnd[count] = re;
                end[count] = te;
                count++;
                if (nl < 0) {
                    break;
                }
                s = nl + 1;
            }
        }

        boolean isEmpty(int line) {
            return end[line] == start[line];
        }

        boolean startsWith(int line, String prefix) {
            return end[line] - start[line] >= prefix.length() && text.startsWith(prefix, start[line]);
        }

        /** The lines joined by {@code \n}, each without trailing whitespace; empty for no lines. */
        Optional<String> join(int from, int to) {
            if (from >= to) {
                return Optional.empty();
            }
            boolean exact = true;
            for (int k = from; k < to - 1; k++) {
                if (end[k] != rawEnd[k]) {
                    exact = false;
                    break;
                }
            }
            if (exact) {
                return Optional.of(text.substring(start[from], end[to - 1]));
            }
            StringBuilder sb = new StringBuilder(end[to - 1] - start[from]);
            for (int k = from; k < to; k++) {
                if (k > from) {
                    sb.append('\n');
                }
                sb.append(text, start[k], end[k]);
            }
            return Optional.of(sb.toString());
        }

        /**
         * Where the footers begin: the first of the trailing paragraphs that all start with a footer line
         * ({@code to} when there are none).
         */
        int footerStart(int from, int to) {
            int footers = to;
            int stop = to;
            while (stop > from) {
                int paragraph = stop;
                while (paragraph > from && !isEmpty(paragraph - 1)) {
                    paragraph--;
                }
                if (paragraph == stop || separator(paragraph) < 0) {
                    break;
                }
                footers = paragraph;
                stop = paragraph;
                while (stop > from && isEmpty(stop - 1)) {
                    stop--;
                }
            }
            return footers;
        }

        /**
         * Where a footer line's token ends ({@code Token: value}, {@code Token #value}, the token of letters,
         * digits, {@code _} and {@code -}, or {@code BREAKING CHANGE}, which takes only {@code ": "}), or -1.
         */
        int separator(int line) {
            int s = start[line];
            int e = end[line];
            int k = s;
            while (k < e) {
                char c = text.charAt(k);
                if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-') {
                    k++;
                } else {
                    break;
                }
            }
            if (k > s && k + 1 < e) {
                char c0 = text.charAt(k);
                char c1 = text.charAt(k + 1);
                if (c0 == ':' && c1 == ' ' || c0 == ' ' && c1 == '#') {
                    boolean breakingToken = k - s == 15 && text.startsWith("BREAKING-CHANGE", s);
                    return breakingToken && c0 == ' ' ? -1 : k;
                }
            }
            if (k - s == 8 && e - s >= 17 && text.startsWith("BREAKING CHANGE", s)) {
                char c0 = text.charAt(s + 15);
                char c1 = text.charAt(s + 16);
                return c0 == ':' && c1 == ' ' ? s + 15 : -1;
            }
            return -1;
        }

        /** The footers of the lines (blank lines skipped, other lines continue the previous footer's value). */
        List<Footer> footers(int from, int to) {
            if (from >= to) {
                return List.of();
            }
            List<Footer> out = new ArrayList<>(2);
            String token = null;
            int valueStart = 0;
            int valueEnd = 0;
            StringBuilder more = null;
            for (int k = from; k < to; k++) {
                if (isEmpty(k)) {
                    continue;
                }
                int sep = separator(k);
                if (sep >= 0) {
                    if (token != null) {
                        out.add(new Footer(token, value(valueStart, valueEnd, more)));
                    }
                    token = text.substring(start[k], sep);
                    valueStart = sep + 2;
                    valueEnd = end[k];
                    more = null;
                } else {
                    if (more == null) {
                        more = new StringBuilder();
                    }
                    more.append('\n').append(text, start[k], end[k]);
                }
            }
            if (token != null) {
                out.add(new Footer(token, value(valueStart, valueEnd, more)));
            }
            return out;
        }

        private String value(int from, int to, StringBuilder more) {
            String first = from >= to ? "" : text.substring(from, to);
            return more == null ? first : first + more;
        }

        /** Whether a line is {@code BREAKING CHANGE:} or {@code BREAKING-CHANGE:} (optionally after {@code "* "}), alone or before a space. */
        boolean anyBreakingLine(int from, int to) {
            for (int k = from; k < to; k++) {
                int s = start[k];
                int e = end[k];
                if (e - s < 16) {
                    continue;
                }
                char c = text.charAt(s);
                if (c == '*' && text.charAt(s + 1) == ' ') {
                    s += 2;
                } else if (c != 'B') {
                    continue;
                }
                if (e - s >= 16 && text.startsWith("BREAKING", s) && (text.charAt(s + 8) == ' ' || text.charAt(s + 8) == '-')
                        && text.startsWith("CHANGE:", s + 9) && (e == s + 16 || text.charAt(s + 16) == ' ')) {
                    return true;
                }
            }
            return false;
        }

        /** The id of the first {@code This reverts commit <sha>} line (4 to 64 hex digits, then the end, '.' or ','). */
        Optional<String> reverted(int from, int to) {
            for (int k = from; k < to; k++) {
                if (!startsWith(k, "This reverts commit ")) {
                    continue;
                }
                int s = start[k] + 20;
                int e = end[k];
                int h = s;
                while (h < e && isHex(text.charAt(h))) {
                    h++;
                }
                int digits = h - s;
                if (digits >= 4 && digits <= 64 && (h == e || text.charAt(h) == '.' || text.charAt(h) == ',')) {
                    return Optional.of(text.substring(s, h));
                }
            }
            return Optional.empty();
        }

        private static boolean isHex(char c) {
            return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
        }
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
