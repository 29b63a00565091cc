package org.askonce;

/** Lets tests in other packages run the jar's commands as {@code main} would. */
public final class AskOnceApplicationTestAccess {

    private AskOnceApplicationTestAccess() {
    }

    public static int transfer(String... args) {
        return AskOnceApplication.transfer(args);
    }
}
