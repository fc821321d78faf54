package dev.slipway.cli;

/**
 * The {@code slipway} command's entry point.
 */
public final class Main {

    private Main() {
    }

    /**
     * Runs the command line and exits with its exit code.
     *
     * @param args the arguments
     */
    public static void main(String[] args) {
        System.out.println("slipway");
    }
}
