package dev.slipway.tck.git;

import dev.slipway.api.CommitId;
import dev.slipway.spi.GitTag;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** What the git command line answers for each rule of the git contract: the kit's oracle. */
final class GitOracle {

    /** One commit as {@code git rev-list --parents --timestamp} and {@code git cat-file} report it. */
    record Commit(String id, List<String> parents, long commitTime) {
    }

    private final GitCli git;

    GitOracle(GitCli git) {
        this.git = git;
    }

    GitCli git() {
        return git;
    }

    /** {@code git rev-parse --verify REV^{commit}}; empty when git finds nothing. */
    Optional<String> resolve(Path repo, String revision) {
        GitCli.Result result = git.run(repo, "rev-parse", "--verify", "--quiet", "--end-of-options", revision + "^{commit}");
        return result.ok() ? Optional.of(result.text()) : Optional.empty();
    }

    /** The result of {@code git rev-parse --verify REV^{commit}}, failures included (for error messages). */
    GitCli.Result resolveVerbose(Path repo, String revision) {
        return git.run(repo, "rev-parse", "--verify", "--end-of-options", revision + "^{commit}");
    }

    /** Every tag under refs/tags/ that peels to a commit, in name order. */
    List<GitTag> tags(Path repo) {
        List<String> refs = git.lines(repo, "for-each-ref", "--format=%(objecttype) %(refname)", "refs/tags/");
        if (refs.isEmpty()) {
            return List.of();
        }
        StringBuilder queries = new StringBuilder();
        for (String ref : refs) {
            queries.append(ref.substring(ref.indexOf(' ') + 1)).append("^{commit}\n");
        }
        List<String> peeled = git.run(repo, queries.toString().getBytes(StandardCharsets.UTF_8),
                List.of("cat-file", "--batch-check=%(objectname) %(objecttype)")).requireSuccess().lines();
        Map<String, GitTag> tags = new TreeMap<>();
        for (int i = 0; i < refs.size(); i++) {
            String type = refs.get(i).substring(0, refs.get(i).indexOf(' '));
            String name = refs.get(i).substring(refs.get(i).indexOf(' ') + 1).substring("refs/tags/".length());
            String answer = peeled.get(i);
            if (answer.endsWith(" commit")) {
                tags.put(name, new GitTag(name, CommitId.of(answer.substring(0, answer.indexOf(' '))), type.equals("tag")));
            }
        }
        return List.copyOf(tags.values());
    }

    /** {@code git rev-list --count INCLUDE... ^EXCLUDE...}. */
    long count(Path repo, Collection<String> include, Collection<String> exclude) {
        if (include.isEmpty()) {
            return 0;
        }
        List<String> args = new ArrayList<>(List.of("rev-list", "--count"));
        args.addAll(include);
        exclude.forEach(id -> args.add("^" + id));
        args.add("--");
        return Long.parseLong(git.run(repo, new byte[0], args).requireSuccess().text());
    }

    /** {@code git rev-list --parents --timestamp INCLUDE... ^EXCLUDE...}, in git's order. */
    List<Commit> revList(Path repo, Collection<String> include, Collection<String> exclude) {
        if (include.isEmpty()) {
            return List.of();
        }
        List<String> args = new ArrayList<>(List.of("rev-list", "--parents", "--timestamp"));
        args.addAll(include);
        exclude.forEach(id -> args.add("^" + id));
        args.add("--");
        List<Commit> commits = new ArrayList<>();
        for (String line : git.run(repo, new byte[0], args).requireSuccess().lines()) {
            String[] fields = line.split(" ");
            commits.add(new Commit(fields[1], List.of(fields).subList(2, fields.length), Long.parseLong(fields[0])));
        }
        return commits;
    }

    /** The messages of commits, exactly as stored, by id ({@code git cat-file --batch}). */
    Map<String, String> messages(Path repo, Collection<String> ids) {
        Map<String, String> messages = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return messages;
        }
        byte[] in = (String.join("\n", ids) + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] out = git.run(repo, in, List.of("cat-file", "--batch")).requireSuccess().stdout();
        int pos = 0;
        for (String id : ids) {
            int headerEnd = indexOf(out, (byte) '\n', pos);
            String header = new String(out, pos, headerEnd - pos, StandardCharsets.UTF_8);
            int size = Integer.parseInt(header.substring(header.lastIndexOf(' ') + 1));
            int start = headerEnd + 1;
            String raw = new String(out, start, size, StandardCharsets.UTF_8);
            messages.put(id, raw.substring(raw.indexOf("\n\n") + 2));
            pos = start + size + 1;
        }
        return messages;
    }

    /**
     * The changed paths of each commit of a range against its first parent (all paths for a root commit):
     * {@code git log --diff-merges=first-parent --no-renames --name-only}.
     */
    Map<String, List<String>> changedPathsPerCommit(Path repo, Collection<String> include, Collection<String> exclude) {
        Map<String, List<String>> paths = new LinkedHashMap<>();
        if (include.isEmpty()) {
            return paths;
        }
        List<String> args = new ArrayList<>(List.of("-c", "core.quotePath=false", "-c", "log.showRoot=true", "log",
                "--diff-merges=first-parent", "--no-renames", "--name-only", "--format=%x01%H"));
        args.addAll(include);
        exclude.forEach(id -> args.add("^" + id));
        args.add("--");
        String out = git.run(repo, new byte[0], args).requireSuccess().text();
        for (String block : out.split("\u0001")) {
            if (block.isBlank()) {
                continue;
            }
            List<String> lines = block.lines().filter(line -> !line.isEmpty()).toList();
            paths.put(lines.get(0), lines.subList(1, lines.size()).stream().sorted().toList());
        }
        return paths;
    }

    /** {@code git diff --no-renames --name-only FROM TO}, sorted. */
    List<String> diff(Path repo, String from, String to) {
        return git.lines(repo, "-c", "core.quotePath=false", "diff", "--no-renames", "--name-only", from, to, "--")
                .stream().sorted().toList();
    }

    /** {@code git cat-file blob COMMIT:PATH}; empty when git has no blob there. */
    Optional<byte[]> file(Path repo, String commit, String path) {
        GitCli.Result type = git.run(repo, "cat-file", "-t", commit + ":" + path);
        if (!type.ok() || !type.text().equals("blob")) {
            return Optional.empty();
        }
        return Optional.of(git.run(repo, "cat-file", "blob", commit + ":" + path).requireSuccess().stdout());
    }

    /** {@code git rev-parse COMMIT:PATH}; empty when the path does not exist. */
    Optional<String> objectId(Path repo, String commit, String path) {
        GitCli.Result result = git.run(repo, "rev-parse", "--verify", "--quiet", commit + ":" + path);
        return result.ok() ? Optional.of(result.text()) : Optional.empty();
    }

    /**
     * For each path, how many commits of {@code git rev-list HEAD} pass {@code git cat-file -e COMMIT:PATH}.
     */
    /** {@code git ls-tree -d COMMIT DIR/}: the names of a directory's subdirectories. */
    List<String> subdirectories(Path repo, String commit, String directory) {
        String treeish = directory.isEmpty() ? commit : commit + ":" + directory;
        GitCli.Result result = git.run(repo, "ls-tree", "-d", "--name-only", treeish);
        if (!result.ok()) {
            return List.of();
        }
        return result.text().lines().filter(l -> !l.isEmpty()).sorted().toList();
    }

    Map<String, Long> countCommitsHolding(Path repo, String head, Collection<String> paths) {
        List<String> commits = git.lines(repo, "rev-list", head, "--");
        StringBuilder queries = new StringBuilder();
        for (String path : paths) {
            for (String commit : commits) {
                queries.append(commit).append(':').append(path).append('\n');
            }
        }
        List<String> answers = git.run(repo, queries.toString().getBytes(StandardCharsets.UTF_8),
                List.of("cat-file", "--batch-check=%(objecttype)")).requireSuccess().lines();
        Map<String, Long> counts = new LinkedHashMap<>();
        int i = 0;
        for (String path : paths) {
            long count = 0;
            for (int c = 0; c < commits.size(); c++, i++) {
                if (!answers.get(i).endsWith("missing")) {
                    count++;
                }
            }
            counts.put(path, count);
        }
        return counts;
    }

    /** {@code git merge-base A B}; empty when the histories are unrelated. */
    Optional<String> mergeBase(Path repo, String a, String b) {
        GitCli.Result result = git.run(repo, "merge-base", a, b);
        if (result.exitCode() == 1) {
            return Optional.empty();
        }
        return Optional.of(result.requireSuccess().text());
    }

    /** {@code git merge-base --is-ancestor A B}. */
    boolean isAncestor(Path repo, String ancestor, String descendant) {
        GitCli.Result result = git.run(repo, "merge-base", "--is-ancestor", ancestor, descendant);
        if (result.exitCode() > 1) {
            result.requireSuccess();
        }
        return result.ok();
    }

    /** The names of the tags whose commits are reachable from a commit: {@code git tag --merged COMMIT}. */
    List<String> tagsMerged(Path repo, String commit) {
        return git.lines(repo, "tag", "--merged", commit);
    }

    /** Every object of the repository with its type, from {@code git cat-file --batch-all-objects}. */
    Map<String, String> objects(Path repo) {
        Map<String, String> objects = new TreeMap<>();
        for (String line : git.lines(repo, "cat-file", "--batch-all-objects", "--batch-check=%(objectname) %(objecttype)")) {
            objects.put(line.substring(0, line.indexOf(' ')), line.substring(line.indexOf(' ') + 1));
        }
        return objects;
    }

    /** Whether git sees the directory inside a repository. */
    boolean insideRepository(Path directory) {
        return git.run(directory, "rev-parse", "--git-dir").ok();
    }

    private static int indexOf(byte[] bytes, byte b, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        throw new IllegalStateException("malformed git cat-file output");
    }
}
