package dev.slipway.git.jgit.internal;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.eclipse.jgit.lib.Config;
import org.eclipse.jgit.lib.ConfigConstants;
import org.eclipse.jgit.storage.file.FileBasedConfig;
import org.eclipse.jgit.util.FS;
import org.eclipse.jgit.util.SystemReader;

/**
 * A JGit {@code SystemReader} that keeps JGit out of the user's home: empty in-memory user, system and
 * JGit configurations that are never saved, no XDG directories, and a fixed file-system timestamp
 * resolution so JGit never writes probe files to measure one.
 */
public final class IsolatedSystemReader extends SystemReader.Delegate {

    private IsolatedSystemReader(SystemReader delegate) {
        super(delegate);
    }

    /** Installs the isolating reader around the current one, unless it is installed already. */
    public static synchronized void install() {
        SystemReader current = SystemReader.getInstance();
        if (!(current instanceof IsolatedSystemReader)) {
            SystemReader.setInstance(new IsolatedSystemReader(current));
        }
    }

    /** Whether the current JGit {@code SystemReader} is the isolating one. */
    public static boolean isInstalled() {
        return SystemReader.getInstance() instanceof IsolatedSystemReader;
    }

    @Override
    public FileBasedConfig openUserConfig(Config parent, FS fs) {
        return new InMemoryConfig(parent, fs, "user");
    }

    @Override
    public FileBasedConfig openSystemConfig(Config parent, FS fs) {
        return new InMemoryConfig(parent, fs, "system");
    }

    @Override
    public FileBasedConfig openJGitConfig(Config parent, FS fs) {
        return new InMemoryConfig(parent, fs, "jgit");
    }

    @Override
    public Path getXdgConfigDirectory(FS fileSystem) {
        return null;
    }

    @Override
    public Path getXdgCacheDirectory(FS fileSystem) {
        return null;
    }

    /**
     * A configuration with no file behind it: loads nothing, is never outdated, saves nothing. It answers
     * JGit's question about a file store's timestamp resolution (section {@code filesystem}) with JGit's own
     * fallback of 2 seconds, the value JGit uses where it cannot measure, so JGit does not probe.
     */
    private static final class InMemoryConfig extends FileBasedConfig {

        private final String role;

        InMemoryConfig(Config parent, FS fs, String role) {
            super(parent, null, fs);
            this.role = role;
        }

        @Override
        public void load() {
            // nothing to read: the isolated configuration is empty
        }

        @Override
        public void save() {
            // nothing is persisted
        }

        @Override
        public boolean isOutdated() {
            return false;
        }

        @Override
        public long getTimeUnit(String section, String subsection, String name, long defaultValue, TimeUnit wantUnit) {
            if (ConfigConstants.CONFIG_FILESYSTEM_SECTION.equalsIgnoreCase(section)
                    && ConfigConstants.CONFIG_KEY_TIMESTAMP_RESOLUTION.equalsIgnoreCase(name)
                    && getString(section, subsection, name) == null) {
                return wantUnit.convert(FS.FileStoreAttributes.FALLBACK_TIMESTAMP_RESOLUTION.toNanos(), TimeUnit.NANOSECONDS);
            }
            return super.getTimeUnit(section, subsection, name, defaultValue, wantUnit);
        }

        @Override
        public String toString() {
            return "isolated empty " + role + " configuration";
        }
    }
}
