package dev.slipway.git.jgit;

import dev.slipway.spi.GitBackend;
import dev.slipway.tck.git.GitBackendProperties;
import net.jqwik.api.lifecycle.BeforeContainer;

/** The JGit backend passes the git contract's properties on generated histories. */
class JGitBackendPropertiesTest extends GitBackendProperties {

    @BeforeContainer
    static void isolateJGit() {
        JGitBackend.isolate();
    }

    @Override
    protected GitBackend createBackend() {
        return new JGitBackend();
    }
}
