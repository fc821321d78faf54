/**
 * Slipway's technology compatibility kit: the contract test suites every backend passes and jqwik
 * arbitraries for the api types, for adapter authors and hosts' property suites.
 */
module dev.slipway.tck {
    requires transitive dev.slipway.api;
    requires transitive org.junit.jupiter.api;
    requires transitive net.jqwik.api;
    requires transitive org.assertj.core;

    exports dev.slipway.tck;
    exports dev.slipway.tck.git;
    exports dev.slipway.tck.cd;
    exports dev.slipway.tck.registry;
    // JUnit and jqwik call the kits' package-private lifecycle methods and set their @TempDir fields
    opens dev.slipway.tck.git;
    opens dev.slipway.tck.cd;
    opens dev.slipway.tck.registry;
}
