/**
 * Slipway's engines and the {@link dev.slipway.core.Slipway} facade hosts embed. Depends on the api and
 * SnakeYAML Engine only.
 */
module dev.slipway.core {
    requires transitive dev.slipway.api;
    requires org.snakeyaml.engine;

    exports dev.slipway.core;
    exports dev.slipway.core.config;
    exports dev.slipway.core.manifest;
    exports dev.slipway.core.memory;
    exports dev.slipway.core.promotion;

    uses dev.slipway.spi.GitBackend;
    uses dev.slipway.spi.RegistryBackend;
    uses dev.slipway.spi.CdBackend;
}
