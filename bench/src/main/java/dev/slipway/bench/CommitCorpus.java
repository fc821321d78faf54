package dev.slipway.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A deterministic corpus of commit messages shaped like a service monorepo's history: mostly Conventional
 * Commits headers (feat and fix the most common, scopes on about half), a quarter with bodies and trailers
 * ({@code Signed-off-by}, {@code Co-authored-by}, {@code Refs: #123}), some breaking ({@code !} or a
 * {@code BREAKING CHANGE:} footer), squash merges that list their commits as bullets, merge commits, git
 * reverts, fixups and free text, a few with CRLF line ends. Written to a file with the messages separated by
 * NUL bytes, which both parsers read.
 */
public final class CommitCorpus {

    /** The number of messages benchmarked. */
    public static final int SIZE = 100_000;
    private static final long SEED = 20240501L;

    private static final String[] TYPES = weighted(
            "feat", 25, "fix", 30, "chore", 14, "docs", 8, "refactor", 7, "test", 5, "ci", 3, "build", 3, "perf", 2,
            "style", 2, "revert", 1);
    private static final String[] SCOPES = {"api", "web", "auth", "deps", "ui", "db", "billing", "k8s", "ci", "core",
        "go-backend", "payments/v2", "@acme/ui", "api,web", "ng:list"};
    private static final String[] VERBS = {"add", "remove", "fix", "update", "support", "handle", "drop", "rename",
        "move", "improve", "simplify", "use", "avoid", "allow", "validate", "retry", "cache", "log", "expose", "bump"};
    private static final String[] OBJECTS = {"the health endpoint", "token refresh", "pagination of `GET /users`",
        "retry on 503", "the `Result<T>` wrapper", "dark mode", "CSV export", "rate limiting", "the login form",
        "Helm values for staging", "graceful shutdown", "OpenTelemetry spans", "the invoice PDF", "N+1 queries",
        "a race in the worker pool", "timezone handling", "Go 1.22", "react-router to v6", "the <Select> component",
        "empty search results", "SQL migrations", "feature flags", "the Dockerfile", "webhook signatures"};
    private static final String[] WORDS = ("the a this that service request response handler client server cache "
            + "queue worker database schema migration config value error timeout retry token user session order "
            + "payment invoice report metric log trace span test build image deploy staging production because so "
            + "when if while before after instead now no longer still also only should must can will was were is")
            .split(" ");
    private static final String[] PEOPLE = {"Ada Lovelace <ada@example.com>", "Grace Hopper <grace@example.com>",
        "Linus T <linus@example.org>", "Margaret H <mh@example.net>", "dependabot[bot] <49699333+dependabot[bot]@users.noreply.github.com>"};

    private CommitCorpus() {
    }

    private static String[] weighted(Object... pairs) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < pairs.length; i += 2) {
            for (int k = 0; k < (Integer) pairs[i + 1]; k++) {
                out.add((String) pairs[i]);
            }
        }
        return out.toArray(String[]::new);
    }

    /**
     * The corpus's messages.
     *
     * @return {@link #SIZE} messages, the same on every call
     */
    public static List<String> messages() {
        SplittableRandom r = new SplittableRandom(SEED);
        List<String> out = new ArrayList<>(SIZE);
        for (int i = 0; i < SIZE; i++) {
            out.add(message(r, i));
        }
        return out;
    }

    private static String pick(SplittableRandom r, String[] a) {
        return a[r.nextInt(a.length)];
    }

    private static String description(SplittableRandom r) {
        String d = pick(r, VERBS) + " " + pick(r, OBJECTS);
        int roll = r.nextInt(100);
        if (roll < 12) {
            d += " (#" + (100 + r.nextInt(9000)) + ")";
        } else if (roll < 16) {
            d += " for " + pick(r, SCOPES);
        }
        return d;
    }

    private static String header(SplittableRandom r, boolean bang) {
        String type = pick(r, TYPES);
        String scope = r.nextInt(100) < 48 ? "(" + pick(r, SCOPES) + ")" : "";
        return type + scope + (bang ? "!" : "") + ": " + description(r);
    }

    private static String paragraph(SplittableRandom r) {
        StringBuilder sb = new StringBuilder();
        int lines = 1 + r.nextInt(4);
        for (int l = 0; l < lines; l++) {
            if (l > 0) {
                sb.append('\n');
            }
            int words = 6 + r.nextInt(8);
            for (int w = 0; w < words; w++) {
                if (w > 0) {
                    sb.append(' ');
                }
                sb.append(pick(r, WORDS));
            }
            sb.append(l == lines - 1 ? "." : "");
        }
        return sb.toString();
    }

    private static String trailers(SplittableRandom r, boolean breaking) {
        List<String> t = new ArrayList<>();
        if (breaking) {
            t.add((r.nextBoolean() ? "BREAKING CHANGE: " : "BREAKING-CHANGE: ") + pick(r, VERBS) + " " + pick(r, OBJECTS)
                    + (r.nextInt(4) == 0 ? "\nclients must " + pick(r, VERBS) + " " + pick(r, OBJECTS) : ""));
        }
        if (r.nextInt(3) == 0) {
            t.add("Refs: #" + (100 + r.nextInt(9000)));
        }
        if (r.nextInt(4) == 0) {
            t.add("Closes #" + (100 + r.nextInt(9000)));
        }
        if (r.nextInt(3) == 0) {
            t.add("Co-authored-by: " + pick(r, PEOPLE));
        }
        if (r.nextInt(2) == 0) {
            t.add("Signed-off-by: " + pick(r, PEOPLE));
        }
        return String.join("\n", t);
    }

    private static String message(SplittableRandom r, int i) {
        int kind = r.nextInt(1000);
        String m;
        if (kind < 560) {
            // a bare header, sometimes breaking with '!'
            m = header(r, r.nextInt(100) < 3);
        } else if (kind < 800) {
            // header, body paragraphs, trailers
            boolean bang = r.nextInt(100) < 2;
            boolean footer = r.nextInt(100) < 4;
            StringBuilder sb = new StringBuilder(header(r, bang));
            int paragraphs = 1 + r.nextInt(3);
            for (int p = 0; p < paragraphs; p++) {
                sb.append("\n\n").append(paragraph(r));
            }
            String t = trailers(r, footer);
            if (!t.isEmpty()) {
                sb.append("\n\n").append(t);
            }
            m = sb.toString();
        } else if (kind < 880) {
            // a squash merge: the PR title, then its commits as bullets
            StringBuilder sb = new StringBuilder(pick(r, TYPES) + ": " + description(r) + " (#" + (1000 + r.nextInt(9000)) + ")");
            int commits = 2 + r.nextInt(5);
            for (int c = 0; c < commits; c++) {
                sb.append("\n\n* ").append(header(r, false));
                if (r.nextInt(5) == 0) {
                    sb.append("\n\n").append(paragraph(r));
                }
            }
            if (r.nextInt(30) == 0) {
                sb.append("\n\n* BREAKING CHANGE: ").append(pick(r, VERBS)).append(' ').append(pick(r, OBJECTS));
            }
            sb.append("\n\n---------\n\nCo-authored-by: ").append(pick(r, PEOPLE));
            m = sb.toString();
        } else if (kind < 930) {
            // merge commits
            m = r.nextBoolean()
                    ? "Merge pull request #" + (1000 + r.nextInt(9000)) + " from acme/" + pick(r, VERBS) + "-" + i
                            + "\n\n" + header(r, false)
                    : "Merge branch 'main' into " + pick(r, SCOPES).replace('/', '-') + "-" + i;
        } else if (kind < 955) {
            // git reverts
            m = "Revert \"" + header(r, false) + "\"\n\nThis reverts commit " + hex(r, 40) + ".";
        } else {
            // free text, fixups, WIP
            int f = r.nextInt(5);
            m = switch (f) {
                case 0 -> "fixup! " + header(r, false);
                case 1 -> "WIP";
                case 2 -> "Update " + pick(r, new String[] {"README.md", "values.yaml", "go.mod", "package.json"});
                case 3 -> "squash! " + header(r, false);
                default -> pick(r, VERBS) + " " + pick(r, OBJECTS) + "\n\n" + paragraph(r);
            };
        }
        if (r.nextInt(100) < 2) {
            m = m.replace("\n", "\r\n");
        }
        return m + "\n";
    }

    private static String hex(SplittableRandom r, int n) {
        char[] c = new char[n];
        for (int i = 0; i < n; i++) {
            c[i] = "0123456789abcdef".charAt(r.nextInt(16));
        }
        return new String(c);
    }

    /**
     * The corpus as a file (NUL-separated messages), written once under the cache directory.
     *
     * @param dir the directory
     * @return the file
     */
    public static Path ensure(Path dir) {
        Path file = dir.resolve("commit-messages-" + SIZE + "-" + SEED + ".txt");
        if (Files.isRegularFile(file)) {
            return file;
        }
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, "corpus", ".tmp");
            Files.writeString(tmp, String.join("\0", messages()), StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads a corpus file.
     *
     * @param file the file
     * @return its messages
     */
    public static List<String> read(Path file) {
        try {
            return Arrays.asList(Files.readString(file, StandardCharsets.UTF_8).split("\0", -1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
