package dev.slipway.core.internal;

import dev.slipway.core.ServiceRelease;
import java.util.List;

/**
 * The release pull request's title, body and branch, in Release Please's layout: a header, a {@code ---}
 * line, one {@code <details><summary><service>: <version></summary>} block per release holding its CHANGELOG
 * entry, another {@code ---} line and a footer. Release Please's own reader of such bodies (and tools built
 * on it) parses this layout back.
 */
public final class ReleasePullRequest {

    /** Release Please's header line, kept so that readers keyed on it keep working. */
    static final String HEADER = ":robot: I have created a release *beep* *boop*";
    static final String FOOTER = "This PR was generated with Slipway (`slipway release-plan`); merging it records the"
            + " releases in `.slipway/versions.json`, and `slipway release` then tags them.";
    private static final String DELIMITER = "---";

    private ReleasePullRequest() {
    }

    /**
     * The title: {@code chore(<branch>): release <service> <version>} for one release,
     * {@code chore: release <branch>} for several.
     *
     * @param branch the branch released from
     * @param releases the releases, at least one
     * @return the title
     */
    public static String title(String branch, List<ServiceRelease> releases) {
        if (releases.size() == 1) {
            ServiceRelease r = releases.get(0);
            return "chore(" + branch + "): release " + r.service() + " " + r.next();
        }
        return "chore: release " + branch;
    }

    /**
     * The body.
     *
     * @param releases the releases, in the order shown
     * @return the body, without a trailing newline
     */
    public static String body(List<ServiceRelease> releases) {
        StringBuilder notes = new StringBuilder();
        for (ServiceRelease r : releases) {
            if (notes.length() > 0) {
                notes.append("\n\n");
            }
            notes.append("<details><summary>").append(r.service()).append(": ").append(r.next())
                    .append("</summary>\n\n").append(r.changelog()).append("\n</details>");
        }
        return HEADER + "\n" + DELIMITER + "\n\n\n" + notes + "\n\n" + DELIMITER + "\n" + FOOTER;
    }

    /**
     * The pull request's head branch: {@code slipway--branches--<branch>}, the same for every plan of a branch.
     *
     * @param branch the branch released from
     * @return the branch name
     */
    public static String branch(String branch) {
        return "slipway--branches--" + branch;
    }
}
