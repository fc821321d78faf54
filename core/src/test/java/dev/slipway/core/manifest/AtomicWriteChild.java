package dev.slipway.core.manifest;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The child process of {@link AtomicFilesKillTest}: writes {@code size} bytes of {@code fill} to the target
 * with {@link AtomicFiles}; with {@code stop}, announces "HALFWAY" when half the bytes are in the temporary
 * file and waits (reading stdin) to be killed.
 */
public final class AtomicWriteChild {

    private AtomicWriteChild() {
    }

    /**
     * Runs the write.
     *
     * @param args target, size, fill byte, "stop" or "finish"
     * @throws IOException never in practice
     */
    public static void main(String[] args) throws IOException {
        Path target = Path.of(args[0]);
        byte[] content = new byte[Integer.parseInt(args[1])];
        Arrays.fill(content, (byte) args[2].charAt(0));
        boolean stop = args[3].equals("stop");
        AtomicFiles.write(target, content, () -> {
            if (stop) {
                System.out.println("HALFWAY");
                System.out.flush();
                try {
                    while (System.in.read() >= 0) {
                        // wait to be killed
                    }
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
        });
        System.out.println("DONE");
    }
}
