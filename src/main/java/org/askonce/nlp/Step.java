package org.askonce.nlp;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** One step of the text pipeline. Steps are immutable and thread-safe once built. */
interface Step {

    void apply(Analysis analysis);

    /** Rejects settings a step does not know, naming them. */
    static void checkParameters(String step, Map<String, String> given, Set<String> known) {
        Set<String> unknown = new TreeSet<>(given.keySet());
        unknown.removeAll(known);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("Unknown parameters for step '" + step + "': " + unknown
                    + (known.isEmpty() ? " (it takes none)" : " (known: " + new TreeSet<>(known) + ")"));
        }
    }

    static boolean flag(String step, Map<String, String> params, String name, boolean defaultValue) {
        String value = params.get(name);
        if (value == null) {
            return defaultValue;
        }
        if (!value.equals("true") && !value.equals("false")) {
            throw new IllegalArgumentException("Parameter '" + name + "' of step '" + step + "' must be true or false, was '" + value + "'");
        }
        return Boolean.parseBoolean(value);
    }

    static int integer(String step, Map<String, String> params, String name, int defaultValue, int min, int max) {
        String value = params.get(name);
        if (value == null) {
            return defaultValue;
        }
        try {
            int parsed = Integer.parseInt(value.trim());
            if (parsed < min || parsed > max) {
                throw new NumberFormatException();
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Parameter '" + name + "' of step '" + step + "' must be a whole number from "
                    + min + " to " + max + ", was '" + value + "'");
        }
    }
}
