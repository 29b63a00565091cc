package org.askonce.evaluation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.askonce.knowledge.Element;
import org.askonce.knowledge.KnowledgeSnapshot;

/**
 * One row of an eval set ({@code training/eval/*.tsv}: kind, context, question, item, element).
 * {@code item} is null for an out-of-domain row ({@code OOD}, or blank in an {@code event-ood} row);
 * {@code context} holds the earlier questions of a follow-up. In an {@code event} row, {@code item}
 * is a life event's name (一件事) and the row is right when the reply is about that event.
 */
public record EvalRow(String set, int line, String kind, List<String> context, String question, String item, Element element) {

    /** The kind of a row about a life event as a whole: its {@code item} is the event's name. */
    public static final String EVENT = "event";

    public boolean outOfDomain() {
        return item == null;
    }

    /** Whether the row asks about a life event as a whole ({@code item} is the event's name). */
    public boolean aboutEvent() {
        return EVENT.equals(kind);
    }

    /** Reads an eval set, checking every row against the knowledge base's item names. */
    public static List<EvalRow> read(Path file, KnowledgeSnapshot kb) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String set = file.getFileName().toString().replace(".tsv", "");
        List<EvalRow> rows = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split("\t", -1);
            if (f.length != 5) {
                problems.add(file + " line " + (i + 1) + ": expected 5 tab-separated columns, found " + f.length);
                continue;
            }
            String item = f[3].strip();
            if (item.equals("OOD") || (item.isEmpty() && f[0].strip().equals("event-ood"))) {
                item = null;
            } else if (f[0].strip().equals(EVENT)) {
                String name = item;
                if (kb.events().stream().noneMatch(e -> e.name().equals(name))) {
                    problems.add(file + " line " + (i + 1) + ": unknown life event '" + item + "'");
                    continue;
                }
            } else if (kb.itemByName(item).isEmpty()) {
                problems.add(file + " line " + (i + 1) + ": unknown item '" + item + "'");
                continue;
            }
            Element element = null;
            if (!f[4].isBlank()) {
                try {
                    element = Element.valueOf(f[4].strip());
                } catch (IllegalArgumentException e) {
                    problems.add(file + " line " + (i + 1) + ": unknown element '" + f[4] + "'");
                    continue;
                }
            }
            List<String> context = f[1].isBlank() ? List.of()
                    : Arrays.stream(f[1].split("\\|\\|")).map(String::strip).filter(s -> !s.isEmpty()).toList();
            rows.add(new EvalRow(set, i + 1, f[0].strip(), context, f[2].strip(), item, element));
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("Bad eval set " + file + ":\n  " + String.join("\n  ", problems));
        }
        return rows;
    }
}
