package org.askonce.evaluation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.askonce.knowledge.Element;

/** The figures of one system over one set of rows. */
public final class Report {

    private final String system;
    private final List<Outcome> outcomes;

    Report(String system, List<Outcome> outcomes) {
        this.system = system;
        this.outcomes = List.copyOf(outcomes);
    }

    /** One report over the rows of several (each row was run once, in its own set). */
    static Report combined(List<Report> reports) {
        List<Outcome> all = new ArrayList<>();
        reports.forEach(r -> all.addAll(r.outcomes));
        return new Report(reports.get(0).system, all);
    }

    /** The same system's outcomes on the rows of some kinds only. */
    Report only(java.util.Set<String> kinds) {
        return new Report(system, outcomes.stream().filter(o -> kinds.contains(o.row().kind())).toList());
    }

    public String system() {
        return system;
    }

    private List<Outcome> inDomain() {
        return outcomes.stream().filter(o -> !o.row().outOfDomain()).toList();
    }

    private List<Outcome> outOfDomain() {
        return outcomes.stream().filter(o -> o.row().outOfDomain()).toList();
    }

    private static double share(List<Outcome> rows, Predicate<Outcome> test) {
        return rows.isEmpty() ? 0 : (double) rows.stream().filter(test).count() / rows.size();
    }

    public int rows() {
        return outcomes.size();
    }

    public int inDomainRows() {
        return inDomain().size();
    }

    public int outOfDomainRows() {
        return outOfDomain().size();
    }

    /** In-domain rows whose first item (answer, or first menu option) is the expected one. */
    public double top1() {
        return share(inDomain(), Outcome::itemRight);
    }

    /** In-domain rows answered with the expected item and the expected element. */
    public double itemElement() {
        return share(inDomain(), Outcome::elementRight);
    }

    public double answerRate() {
        return share(inDomain(), Outcome::answered);
    }

    public double safeRate() {
        return share(outcomes, Outcome::safe);
    }

    /** Out-of-domain rows answered as if in domain. */
    public double confidentWrongOutOfDomain() {
        return share(outOfDomain(), Outcome::answered);
    }

    /** In-domain rows answered with a wrong item. */
    public double confidentWrongInDomain() {
        return share(inDomain(), Outcome::confidentWrong);
    }

    List<Outcome> misses() {
        List<Outcome> misses = new ArrayList<>();
        for (Outcome o : outcomes) {
            if (o.row().outOfDomain() ? o.answered() : !o.itemRight()) {
                misses.add(o);
            }
        }
        return misses;
    }

    static final String OUTCOME_HEADER = "set\tline\tkind\tcontext\tquestion\texpected item\texpected element\taction\titem\telements\tconfidence\tfaq\titem right\telement right\n";

    /** Every outcome as a TSV line (see {@link #OUTCOME_HEADER}). */
    String outcomesTsv() {
        return outcomesTsv("");
    }

    /** As {@link #outcomesTsv()}, each row's set named with a prefix ("guangdong/"). */
    String outcomesTsv(String setPrefix) {
        StringBuilder out = new StringBuilder();
        for (Outcome o : outcomes) {
            EvalRow r = o.row();
            out.append(String.join("\t", setPrefix + r.set(), String.valueOf(r.line()), r.kind(), String.join(" || ", r.context()), r.question(),
                    r.outOfDomain() ? "OOD" : r.item(), String.valueOf(r.element()), String.valueOf(o.action()),
                    o.action() == org.askonce.dialogue.Action.CLARIFY ? String.join(" | ", o.options()) : String.valueOf(o.itemName()),
                    o.elements().toString(), String.format("%.2f", o.confidence()), String.valueOf(o.faqAnswered()),
                    String.valueOf(o.itemRight()), String.valueOf(o.elementRight()))).append('\n');
        }
        return out.toString();
    }

    String summaryRow(String name) {
        return String.format("| %s | %d | %.1f%% | %.1f%% | %.1f%% | %.1f%% | %.1f%% | %.1f%% |", name, rows(), 100 * top1(),
                100 * itemElement(), 100 * answerRate(), 100 * safeRate(), 100 * confidentWrongOutOfDomain(),
                100 * confidentWrongInDomain());
    }

    Map<Element, double[]> perElement() {
        Map<Element, double[]> figures = new LinkedHashMap<>();
        for (Element e : Element.values()) {
            List<Outcome> rows = inDomain().stream().filter(o -> o.row().element() == e).toList();
            if (!rows.isEmpty()) {
                figures.put(e, new double[] {rows.size(), share(rows, Outcome::itemRight), share(rows, Outcome::elementRight)});
            }
        }
        return figures;
    }

    Map<String, double[]> perKind() {
        Map<String, double[]> figures = new LinkedHashMap<>();
        outcomes.stream().map(o -> o.row().kind()).distinct().sorted().forEach(kind -> {
            List<Outcome> rows = outcomes.stream().filter(o -> o.row().kind().equals(kind)).toList();
            boolean outOfDomain = rows.stream().allMatch(o -> o.row().outOfDomain());
            List<Outcome> inDomain = rows.stream().filter(o -> !o.row().outOfDomain()).toList();
            figures.put(kind, new double[] {rows.size(),
                outOfDomain ? share(rows, o -> !o.answered()) : share(inDomain, Outcome::itemRight), share(rows, Outcome::safe),
                inDomain.isEmpty() ? Double.NaN : share(inDomain, Outcome::elementRight)});
        });
        return figures;
    }
}
