package dev.slipway.git.jgit;

import dev.slipway.spi.GitBackend;
import dev.slipway.tck.git.GitBackendContract;
import org.junit.jupiter.api.BeforeAll;

/** The JGit backend passes the git contract, isolated from the user's home as the CLI runs it. */
class JGitBackendTest extends GitBackendContract {

    @BeforeAll
    static void isolateJGit() {
        JGitBackend.isolate();
    }

    @Override
    protected GitBackend createBackend() {
        return new JGitBackend();
    }
}
