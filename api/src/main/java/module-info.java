/**
 * Slipway's host API and adapter SPI: the value types hosts and adapters share
 * ({@link dev.slipway.api.Version}, {@link dev.slipway.api.ServiceId}, {@link dev.slipway.api.ReleaseTag},
 * {@link dev.slipway.api.ImageTag}, ...), the exception family rooted at
 * {@link dev.slipway.api.SlipwayException}, and the interfaces backends implement. Depends on the JDK only.
 */
module dev.slipway.api {
    exports dev.slipway.api;
    exports dev.slipway.spi;
}
