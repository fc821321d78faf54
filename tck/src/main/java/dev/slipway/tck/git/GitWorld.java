package dev.slipway.tck.git;

import dev.slipway.tck.git.FastImport.Delete;
import dev.slipway.tck.git.FastImport.Put;
import dev.slipway.tck.git.FastImport.Rename;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The repositories the git contract kit runs against, built once per kit run with the git CLI and
 * only read afterwards. Each is built on first use.
 *
 * <p>The main repository ({@link #main()}), commit names in brackets:
 * <pre>
 * [m0] root: README.md, build.sh (executable), docs/guide.md, libs/common/util.txt
 * [m1] adds services/web               tags v0.1.0 (lightweight), v0.1.1 (annotated), nested (a tag of v0.1.1)
 * [m2] edits README.md, adds the file notes
 *   [f1] [f2] on feature from m2: add and edit services/api        tag feature-done (annotated) on f2
 *   [s1] [s2] on side from m1: edit docs, add services/side         tag side-tag (lightweight) on s1
 * [m3] edits services/web/app.txt      tags services/web@0.1.0 (annotated), release-1 (lightweight)
 * [m4] merges feature (f2)
 * [m5] merges side (s2)                tree-tag on m5's tree, blob-tag (annotated) on m5:README.md,
 *                                      blob-tag-tag (annotated) on blob-tag
 * [m6] renames services/web/Dockerfile to services/web/Containerfile
 * [m7] deletes services/api            [m8] adds services/api back
 *   [o1] [o2] on octo-a and octo-b from m8
 * [m9] octopus merge of o1 and o2 (three parents)
 * [m10] replaces the file notes by the directory notes/
 * [m11] makes build.sh non-executable
 * [m12] adds a binary file; its message has no trailing newline
 *   [x1] [x2] on cross-x and [y1] [y2] on cross-y from m12: a criss-cross (x2 merges y1, y2 merges x1)
 *   [u0] [u1] on orphan: an unrelated history with its own root  tag orphan-tag on u0
 * [m13] merges u1 (unrelated histories): the tip of main, checked out
 * </pre>
 */
final class GitWorld {

    private final Path root;
    private final GitCli git;
    private final Map<String, Path> built = new HashMap<>();
    private Map<String, String> commits;

    GitWorld(Path root) {
        this.root = root.toAbsolutePath();
        this.git = new GitCli(this.root.resolve("home"));
    }

    GitCli git() {
        return git;
    }

    /** The main repository: a work tree with the history described on the class. */
    synchronized Path main() {
        if (!built.containsKey("main")) {
            Path dir = root.resolve("main");
            git.text(root, "init", "-q", dir.toString());
            commits = buildMainHistory(dir);
            git.text(dir, "reset", "-q", "--hard", "main");
            git.text(dir, "tag", "-a", "-m", "a tag of a tag", "nested", "v0.1.1");
            git.text(dir, "tag", "tree-tag", commits.get("m5") + "^{tree}");
            git.text(dir, "tag", "-a", "-m", "a tag of a blob", "blob-tag", commits.get("m5") + ":README.md");
            git.text(dir, "tag", "-a", "-m", "a tag of a tag of a blob", "blob-tag-tag", "blob-tag");
            built.put("main", dir);
        }
        return built.get("main");
    }

    /** The full id of a named commit of the main repository. */
    synchronized String commit(String name) {
        main();
        String id = commits.get(name);
        if (id == null) {
            throw new IllegalArgumentException("no commit named " + name);
        }
        return id;
    }

    /** A clone of the main repository with HEAD detached at m4. */
    synchronized Path detached() {
        return built.computeIfAbsent("detached", name -> {
            Path dir = root.resolve(name);
            git.text(root, "clone", "-q", main().toString(), dir.toString());
            git.text(dir, "checkout", "-q", "--detach", commit("m4"));
            return dir;
        });
    }

    /** A linked work tree of the main repository ({@code git worktree add}), HEAD detached at m10. */
    synchronized Path linked() {
        return built.computeIfAbsent("linked", name -> {
            Path dir = root.resolve(name);
            git.text(main(), "worktree", "add", "-q", "--detach", dir.toString(), commit("m10"));
            return dir;
        });
    }

    /** A bare clone of the main repository: every ref and peeled tag in packed-refs. */
    synchronized Path bare() {
        return built.computeIfAbsent("bare", name -> {
            Path dir = root.resolve("bare.git");
            git.text(root, "clone", "-q", "--bare", "--no-local", main().toString(), dir.toString());
            return dir;
        });
    }

    /** A shallow clone of the main repository's main branch. */
    synchronized Path shallow(int depth) {
        return built.computeIfAbsent("shallow-" + depth, name -> {
            Path dir = root.resolve(name);
            git.text(root, "clone", "-q", "--depth", Integer.toString(depth), main().toUri().toString(), dir.toString());
            return dir;
        });
    }

    /** A blob-less partial clone of the main repository. */
    synchronized Path partial() {
        return built.computeIfAbsent("partial", name -> {
            Path dir = root.resolve(name);
            git.text(main(), "config", "uploadpack.allowFilter", "true");
            git.text(root, "clone", "-q", "--filter=blob:none", main().toUri().toString(), dir.toString());
            return dir;
        });
    }

    /** A repository without commits (HEAD is unborn). */
    synchronized Path empty() {
        return built.computeIfAbsent("empty", name -> {
            Path dir = root.resolve(name);
            git.text(root, "init", "-q", dir.toString());
            return dir;
        });
    }

    /** A directory in no repository (the kit checks with git that it is not inside one). */
    synchronized Path outside() {
        return built.computeIfAbsent("outside", name -> {
            try {
                return Files.createDirectories(root.resolve(name).resolve("plain"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /**
     * A repository of 1,500 small commits: enough objects that several 4-digit prefixes are shared by two
     * commits, and others by a commit and a tree or blob.
     */
    synchronized Path crowded() {
        return built.computeIfAbsent("crowded", name -> {
            Path dir = root.resolve(name);
            git.text(root, "init", "-q", "--bare", dir.toString());
            FastImport history = new FastImport(GitCli.EPOCH);
            List<String> parents = List.of();
            for (int i = 0; i < 1500; i++) {
                String mark = history.commit("refs/heads/main", parents, "commit " + i + "\n",
                        List.of(Put.of("file.txt", "content " + i + "\n")));
                parents = List.of(mark);
            }
            history.run(git, dir);
            return dir;
        });
    }

    /** A fresh repository of a few commits in a new directory, for tests that watch the file system. */
    Path fresh(Path parent) {
        Path dir = parent.resolve("repo");
        git.text(parent, "init", "-q", dir.toString());
        FastImport history = new FastImport(GitCli.EPOCH);
        String first = history.commit("refs/heads/main", List.of(), "first\n",
                List.of(Put.of("README.md", "hello\n"), Put.of("services/web/app.txt", "web\n")));
        String second = history.commit("refs/heads/main", List.of(first), "second\n",
                List.of(Put.of("README.md", "hello again\n")));
        history.annotatedTag("v1", second, "v1\n");
        history.run(git, dir);
        git.text(dir, "reset", "-q", "--hard", "main");
        return dir;
    }

    private Map<String, String> buildMainHistory(Path dir) {
        FastImport h = new FastImport(GitCli.EPOCH);
        Map<String, String> marks = new LinkedHashMap<>();
        String main = "refs/heads/main";
        marks.put("m0", h.commit(main, List.of(), "initial layout\n", List.of(
                Put.of("README.md", "# platform\n"),
                new Put("build.sh", "#!/bin/sh\necho build\n".getBytes(StandardCharsets.UTF_8), true),
                Put.of("docs/guide.md", "guide\n"),
                Put.of("libs/common/util.txt", "util\n"))));
        marks.put("m1", h.commit(main, List.of(marks.get("m0")), "feat(web): add the web service\n", List.of(
                Put.of("services/web/app.txt", "web 1\n"),
                Put.of("services/web/Dockerfile", "FROM scratch\n"))));
        h.ref("refs/tags/v0.1.0", marks.get("m1"));
        h.annotatedTag("v0.1.1", marks.get("m1"), "release 0.1.1\n");
        marks.put("m2", h.commit(main, List.of(marks.get("m1")), "docs: readme\n", List.of(
                Put.of("README.md", "# platform\n\nThe monorepo.\n"),
                Put.of("notes", "a file for now\n"))));
        marks.put("f1", h.commit("refs/heads/feature", List.of(marks.get("m2")), "feat(api): add the api service\n",
                List.of(Put.of("services/api/main.txt", "api 1\n"))));
        marks.put("f2", h.commit("refs/heads/feature", List.of(marks.get("f1")), "fix(api): handle errors\n",
                List.of(Put.of("services/api/main.txt", "api 2\n"))));
        h.annotatedTag("feature-done", marks.get("f2"), "feature done\n");
        marks.put("s1", h.commit("refs/heads/side", List.of(marks.get("m1")), "docs: side guide\n",
                List.of(Put.of("docs/guide.md", "guide from the side\n"))));
        h.ref("refs/tags/side-tag", marks.get("s1"));
        marks.put("s2", h.commit("refs/heads/side", List.of(marks.get("s1")), "feat(side): add the side service\n",
                List.of(Put.of("services/side/x.txt", "side\n"))));
        marks.put("m3", h.commit(main, List.of(marks.get("m2")), "fix(web): faster\n",
                List.of(Put.of("services/web/app.txt", "web 2\n"))));
        h.annotatedTag("services/web@0.1.0", marks.get("m3"), "services/web 0.1.0\n");
        h.ref("refs/tags/release-1", marks.get("m3"));
        marks.put("m4", h.commit(main, List.of(marks.get("m3"), marks.get("f2")), "Merge branch 'feature'\n",
                List.of(Put.of("services/api/main.txt", "api 2\n"))));
        marks.put("m5", h.commit(main, List.of(marks.get("m4"), marks.get("s2")), "Merge branch 'side'\n",
                List.of(Put.of("docs/guide.md", "guide from the side\n"), Put.of("services/side/x.txt", "side\n"))));
        marks.put("m6", h.commit(main, List.of(marks.get("m5")), "refactor(web): rename the Dockerfile\n",
                List.of(new Rename("services/web/Dockerfile", "services/web/Containerfile"))));
        marks.put("m7", h.commit(main, List.of(marks.get("m6")), "chore: remove api\n",
                List.of(new Delete("services/api"))));
        marks.put("m8", h.commit(main, List.of(marks.get("m7")), "feat(api): bring api back\n",
                List.of(Put.of("services/api/main.txt", "api 3\n"))));
        marks.put("o1", h.commit("refs/heads/octo-a", List.of(marks.get("m8")), "octo a\n",
                List.of(Put.of("octo/a.txt", "a\n"))));
        marks.put("o2", h.commit("refs/heads/octo-b", List.of(marks.get("m8")), "octo b\n",
                List.of(Put.of("octo/b.txt", "b\n"))));
        marks.put("m9", h.commit(main, List.of(marks.get("m8"), marks.get("o1"), marks.get("o2")), "Merge octo-a and octo-b\n",
                List.of(Put.of("octo/a.txt", "a\n"), Put.of("octo/b.txt", "b\n"))));
        marks.put("m10", h.commit(main, List.of(marks.get("m9")), "docs: notes become a directory\n",
                List.of(new Delete("notes"), Put.of("notes/today.txt", "today\n"))));
        marks.put("m11", h.commit(main, List.of(marks.get("m10")), "chore: build.sh is sourced\n",
                List.of(new Put("build.sh", "#!/bin/sh\necho build\n".getBytes(StandardCharsets.UTF_8), false))));
        byte[] binary = new byte[256];
        for (int i = 0; i < binary.length; i++) {
            binary[i] = (byte) i;
        }
        marks.put("m12", h.commit(main, List.of(marks.get("m11")), "feat(web): logo\n\nBody line.\nNo newline at the end",
                List.of(new Put("services/web/logo.bin", binary, false))));
        marks.put("x1", h.commit("refs/heads/cross-x", List.of(marks.get("m12")), "x1\n", List.of(Put.of("cross/x.txt", "x\n"))));
        marks.put("y1", h.commit("refs/heads/cross-y", List.of(marks.get("m12")), "y1\n", List.of(Put.of("cross/y.txt", "y\n"))));
        marks.put("x2", h.commit("refs/heads/cross-x", List.of(marks.get("x1"), marks.get("y1")), "x2 merges y1\n",
                List.of(Put.of("cross/y.txt", "y\n"))));
        marks.put("y2", h.commit("refs/heads/cross-y", List.of(marks.get("y1"), marks.get("x1")), "y2 merges x1\n",
                List.of(Put.of("cross/x.txt", "x\n"))));
        marks.put("u0", h.commit("refs/heads/orphan", List.of(), "an unrelated root\n", List.of(Put.of("other.txt", "other\n"))));
        h.ref("refs/tags/orphan-tag", marks.get("u0"));
        marks.put("u1", h.commit("refs/heads/orphan", List.of(marks.get("u0")), "unrelated work\n",
                List.of(Put.of("other.txt", "other 2\n"))));
        marks.put("m13", h.commit(main, List.of(marks.get("m12"), marks.get("u1")), "Merge unrelated history\n",
                List.of(Put.of("other.txt", "other 2\n"))));
        Map<String, String> ids = h.run(git, dir);
        Map<String, String> named = new LinkedHashMap<>();
        marks.forEach((name, mark) -> named.put(name, ids.get(mark)));
        return Collections.unmodifiableMap(named);
    }
}
