package dev.slipway.core.config;

import java.nio.file.Path;
import java.util.Map;

/** PLACEHOLDER: replaced by the real configuration model. */
public final class SlipwayConfig {
    private SlipwayConfig() {
    }

    /** @param file f @return c */
    public static SlipwayConfig load(Path file) {
        throw new UnsupportedOperationException();
    }

    /** @param root r @return c */
    public static SlipwayConfig forRepository(Path root) {
        throw new UnsupportedOperationException();
    }

    /** @param root r @return c */
    public SlipwayConfig withDiscoveredServices(Path root) {
        throw new UnsupportedOperationException();
    }

    /** @return the configuration as nested maps and lists with kebab-case keys, ready for YAML or JSON */
    public Map<String, Object> toTree() {
        throw new UnsupportedOperationException();
    }

    /** @return the configuration as YAML */
    public String toYaml() {
        throw new UnsupportedOperationException();
    }
}
