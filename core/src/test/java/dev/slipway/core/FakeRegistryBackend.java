package dev.slipway.core;

import dev.slipway.core.memory.InMemoryRegistry;
import dev.slipway.spi.ImageRegistry;
import dev.slipway.spi.RegistryBackend;
import dev.slipway.spi.RegistrySettings;
import java.util.ArrayList;
import java.util.List;

/**
 * A registry provider registered with ServiceLoader in the tests' class path (id {@code registry-fake}):
 * records the settings it was opened with and serves an in-memory store.
 */
public final class FakeRegistryBackend implements RegistryBackend {

    /** Settings of every open, across instances. */
    static final List<RegistrySettings> OPENED = new ArrayList<>();

    /** Public no-arg constructor, as ServiceLoader needs. */
    public FakeRegistryBackend() {
    }

    @Override
    public String id() {
        return "registry-fake";
    }

    @Override
    public ImageRegistry open(RegistrySettings settings) {
        synchronized (OPENED) {
            OPENED.add(settings);
        }
        return new InMemoryRegistry().open(settings);
    }
}
