package dev.slipway.cli.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/**
 * Supplies {@code slipway --version}: the build's version from a resource Maven filters, so that it is
 * the same from the class path (tests, IDEs) and from the shaded jar; the jar manifest's
 * {@code Implementation-Version} is the fallback.
 */
final class VersionProvider implements IVersionProvider {

    private static final String RESOURCE = "version.properties";

    VersionProvider() {
    }

    @Override
    public String[] getVersion() {
        return new String[] {"slipway " + version()};
    }

    /**
     * The version of this build.
     *
     * @return the version, or {@code unknown} when neither the resource nor the manifest has it
     */
    static String version() {
        String version = fromResource();
        if (version == null) {
            version = VersionProvider.class.getPackage().getImplementationVersion();
        }
        return version == null || version.isBlank() ? "unknown" : version.strip();
    }

    private static String fromResource() {
        try (InputStream in = VersionProvider.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return null;
            }
            Properties properties = new Properties();
            properties.load(in);
            String version = properties.getProperty("version");
            // an unfiltered copy (a build that skipped resource filtering) is no version
            return version == null || version.contains("${") ? null : version;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}
