package dev.slipway.git.jgit.internal;

import dev.slipway.api.InvalidInputException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jgit.errors.AmbiguousObjectException;
import org.eclipse.jgit.errors.IncorrectObjectTypeException;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.errors.RevisionSyntaxException;
import org.eclipse.jgit.lib.AbbreviatedObjectId;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevObject;
import org.eclipse.jgit.revwalk.RevTag;
import org.eclipse.jgit.revwalk.RevWalk;

/**
 * Resolves revisions as {@code git rev-parse REV^{commit}} does. The common grammar ({@code NAME} followed
 * by {@code ~N}, {@code ^N} and {@code ^{TYPE}}) is parsed here, with git's rules: a full id first, then
 * the ref names {@code NAME}, {@code refs/NAME}, {@code refs/tags/NAME}, {@code refs/heads/NAME},
 * {@code refs/remotes/NAME}, {@code refs/remotes/NAME/HEAD}, then {@code describe} output, then an
 * abbreviation of at least 4 hex digits, disambiguated to the one commit (or tag of a commit) among the
 * objects it matches. Anything else ({@code @{...}}, {@code :path}, {@code ^{/text}}) goes to JGit's
 * {@link Repository#resolve(String)}.
 */
final class Revisions {

    /** git's minimum abbreviation length. */
    private static final int MINIMUM_ABBREVIATION = 4;

    private static final Pattern PSEUDO_REF = Pattern.compile("[A-Z_]+");
    private static final Pattern HEX = Pattern.compile("[0-9a-fA-F]+");
    private static final Pattern DESCRIBE = Pattern.compile(".*-g([0-9a-fA-F]{4,})");
    private static final Pattern OPERATIONS = Pattern.compile("(?:[~^][0-9]*|\\^\\{(?:|commit|tag|tree|blob|object)\\})*");

    private final Repository repository;
    private final RevWalk walk;
    private final ObjectReader reader;

    Revisions(Repository repository, RevWalk walk) {
        this.repository = repository;
        this.walk = walk;
        this.reader = walk.getObjectReader();
    }

    /**
     * The commit a revision names.
     *
     * @return the commit, or null when the revision names none
     * @throws InvalidInputException for an ambiguous abbreviation or a revision JGit cannot parse
     * @throws IOException when the repository cannot be read
     */
    RevCommit resolve(String revision) throws IOException {
        if (revision.isEmpty()) {
            return null;
        }
        int end = firstOperator(revision);
        String base = revision.substring(0, end);
        String operations = revision.substring(end);
        try {
            if (base.isEmpty() || base.contains(":") || base.contains("@{") || !OPERATIONS.matcher(operations).matches()) {
                return peelToCommit(fallback(revision));
            }
            RevObject object = resolveBase(revision, base.equals("@") ? "HEAD" : base);
            int i = 0;
            while (object != null && i < operations.length()) {
                char operator = operations.charAt(i++);
                if (operator == '^' && i < operations.length() && operations.charAt(i) == '{') {
                    int close = operations.indexOf('}', i);
                    object = peel(object, operations.substring(i + 1, close));
                    i = close + 1;
                    continue;
                }
                int digits = i;
                while (i < operations.length() && Character.isDigit(operations.charAt(i))) {
                    i++;
                }
                long n = digits == i ? 1 : parseCount(operations.substring(digits, i));
                object = operator == '~' ? firstParentAncestor(object, n) : parent(object, n);
            }
            return peelToCommit(object);
        } catch (MissingObjectException | IncorrectObjectTypeException e) {
            return null;
        }
    }

    private static int firstOperator(String revision) {
        for (int i = 0; i < revision.length(); i++) {
            char c = revision.charAt(i);
            if (c == '~' || c == '^') {
                return i;
            }
        }
        return revision.length();
    }

    private static long parseCount(String digits) {
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }

    private RevObject resolveBase(String revision, String base) throws IOException {
        int hexLength = Constants.OBJECT_ID_STRING_LENGTH;
        if (base.length() == hexLength && HEX.matcher(base).matches()) {
            return parse(ObjectId.fromString(base.toLowerCase(Locale.ROOT)));
        }
        for (String candidate : refCandidates(base)) {
            Ref ref = repository.getRefDatabase().exactRef(candidate);
            if (ref != null && ref.getObjectId() != null) {
                return parse(ref.getObjectId());
            }
        }
        Matcher describe = DESCRIBE.matcher(base);
        if (describe.matches()) {
            RevObject described = abbreviation(revision, describe.group(1));
            if (described != null) {
                return described;
            }
        }
        if (base.length() >= MINIMUM_ABBREVIATION && base.length() < hexLength && HEX.matcher(base).matches()) {
            return abbreviation(revision, base);
        }
        return null;
    }

    private static List<String> refCandidates(String base) {
        List<String> candidates = new ArrayList<>();
        if (PSEUDO_REF.matcher(base).matches() || (base.startsWith("refs/") && Repository.isValidRefName(base))) {
            candidates.add(base);
        }
        for (String prefix : List.of("refs/", "refs/tags/", "refs/heads/", "refs/remotes/")) {
            if (Repository.isValidRefName(prefix + base)) {
                candidates.add(prefix + base);
            }
        }
        if (Repository.isValidRefName("refs/remotes/" + base + "/HEAD")) {
            candidates.add("refs/remotes/" + base + "/HEAD");
        }
        return candidates;
    }

    /** git's committish disambiguation: one match wins; else the one commit (or tag of a commit) among them. */
    private RevObject abbreviation(String revision, String hex) throws IOException {
        AbbreviatedObjectId abbreviated = AbbreviatedObjectId.fromString(hex.toLowerCase(Locale.ROOT));
        Collection<ObjectId> matches = reader.resolve(abbreviated);
        if (matches.isEmpty()) {
            return null;
        }
        if (matches.size() == 1) {
            return parse(matches.iterator().next());
        }
        List<RevObject> committish = new ArrayList<>();
        for (ObjectId match : matches) {
            RevObject object = parse(match);
            if (object != null && peelToCommit(object) != null) {
                committish.add(object);
            }
        }
        if (committish.size() == 1) {
            return committish.get(0);
        }
        throw ambiguous(revision, hex, matches.size());
    }

    static InvalidInputException ambiguous(String revision, String hex, int matches) {
        return new InvalidInputException(revision, "ambiguous abbreviated commit id \"" + hex + "\" in revision \""
                + revision + "\": it matches " + matches + " objects; give more hex digits of the commit id");
    }

    private RevObject parse(ObjectId id) throws IOException {
        try {
            return walk.parseAny(id);
        } catch (MissingObjectException e) {
            return null;
        }
    }

    private RevObject peel(RevObject object, String type) throws IOException {
        switch (type) {
            case "":
                return walk.peel(object);
            case "commit":
                return peelToCommit(object);
            case "tag":
                return object instanceof RevTag ? object : null;
            case "object":
                return object;
            default:
                // ^{tree} and ^{blob} name no commit
                return null;
        }
    }

    private RevCommit peelToCommit(RevObject object) throws IOException {
        if (object == null) {
            return null;
        }
        RevObject peeled = walk.peel(object);
        if (peeled instanceof RevCommit commit) {
            walk.parseHeaders(commit);
            return commit;
        }
        return null;
    }

    private RevObject firstParentAncestor(RevObject object, long generations) throws IOException {
        RevCommit commit = peelToCommit(object);
        for (long i = 0; commit != null && i < generations; i++) {
            commit = commit.getParentCount() == 0 ? null : walk.parseCommit(commit.getParent(0));
        }
        return commit;
    }

    private RevObject parent(RevObject object, long n) throws IOException {
        RevCommit commit = peelToCommit(object);
        if (commit == null || n == 0) {
            return commit;
        }
        if (n > commit.getParentCount()) {
            return null;
        }
        return walk.parseCommit(commit.getParent((int) n - 1));
    }

    private RevObject fallback(String revision) throws IOException {
        try {
            ObjectId id = repository.resolve(revision);
            return id == null ? null : parse(id);
        } catch (AmbiguousObjectException e) {
            throw ambiguous(revision, e.getAbbreviatedObjectId().name(), e.getCandidates().size());
        } catch (RevisionSyntaxException e) {
            throw new InvalidInputException(revision, "invalid revision \"" + revision + "\": " + e.getMessage()
                    + "; expected a commit id, a branch or tag name, or NAME~N / NAME^N");
        }
    }
}
