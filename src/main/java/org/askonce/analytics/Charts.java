package org.askonce.analytics;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import java.util.function.ToIntFunction;
import org.askonce.analytics.AnalyticsReport.Counts;
import org.askonce.analytics.AnalyticsReport.Day;
import org.askonce.analytics.AnalyticsReport.Satisfaction;

/**
 * The dashboard's charts as inline SVG, drawn on the server: nothing to download, readable without
 * JavaScript, and a {@code <title>} on every bar and point for the figure under the mouse.
 */
final class Charts {

    static final String ANSWERED = "#2e7d32";
    static final String CLARIFIED = "#1b6ef3";
    static final String HANDED_OFF = "#f59e0b";
    static final String UNKNOWN = "#c62828";
    static final String BASIC = "#7cb342";

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("M/d");
    private static final int WIDTH = 1000;
    private static final int HEIGHT = 280;
    private static final int LEFT = 48;
    private static final int RIGHT = 16;
    private static final int TOP = 36;
    private static final int BOTTOM = 32;

    private record Series(String label, String colour, ToIntFunction<Counts> value) {
    }

    private static final List<Series> STACK = List.of(
            new Series("已回答", ANSWERED, Counts::answered),
            new Series("澄清追问", CLARIFIED, Counts::clarified),
            new Series("转人工", HANDED_OFF, Counts::handedOff),
            new Series("未能回答", UNKNOWN, Counts::unknown));

    private Charts() {
    }

    /** Questions per day as stacked bars by what the bot did. */
    static String questionsPerDay(List<Day> days) {
        int max = days.stream().mapToInt(d -> d.counts().questions()).max().orElse(0);
        int top = niceCeiling(max);
        StringBuilder svg = open("每日提问数（按处理结果）");
        legend(svg, STACK.stream().map(s -> new String[] {s.label(), s.colour()}).toList(), false);
        for (int i = 0; i <= 4; i++) {
            int value = top * i / 4;
            double y = y(value, top);
            svg.append(line(LEFT, y, WIDTH - RIGHT, y, i == 0 ? "#c9cdd4" : "#eef0f3"));
            svg.append(text(LEFT - 6, y + 4, String.valueOf(value), "end", "#86909c"));
        }
        double slot = plotWidth() / (double) days.size();
        double bar = Math.max(1, Math.min(28, slot * 0.7));
        for (int i = 0; i < days.size(); i++) {
            Day day = days.get(i);
            double x = LEFT + slot * i + (slot - bar) / 2;
            double base = y(0, top);
            for (Series s : STACK) {
                int v = s.value().applyAsInt(day.counts());
                if (v == 0) {
                    continue;
                }
                double h = plotHeight() * v / (double) top;
                svg.append("<rect x=\"%s\" y=\"%s\" width=\"%s\" height=\"%s\" fill=\"%s\"><title>%s %s：%d</title></rect>"
                        .formatted(f(x), f(base - h), f(bar), f(h), s.colour(), day.date(), s.label(), v));
                base -= h;
            }
            if (day.counts().questions() > 0 && days.size() <= 31) {
                svg.append(text(x + bar / 2, base - 4, String.valueOf(day.counts().questions()), "middle", "#4e5969"));
            }
        }
        xLabels(svg, days, slot);
        return svg.append("</svg>").toString();
    }

    /** Answer rate and hand-off rate per day, 0–100 %; a day without questions leaves a gap. */
    static String ratesPerDay(List<Day> days) {
        StringBuilder svg = open("每日回答率与转人工率");
        legend(svg, List.of(new String[] {"回答率", ANSWERED}, new String[] {"转人工率", HANDED_OFF}), true);
        for (int i = 0; i <= 4; i++) {
            double y = y(25 * i, 100);
            svg.append(line(LEFT, y, WIDTH - RIGHT, y, i == 0 ? "#c9cdd4" : "#eef0f3"));
            svg.append(text(LEFT - 6, y + 4, (25 * i) + "%", "end", "#86909c"));
        }
        double slot = plotWidth() / (double) days.size();
        rateLine(svg, days, slot, "回答率", ANSWERED, c -> c.answerRate() == null ? Double.NaN : c.answerRate());
        rateLine(svg, days, slot, "转人工率", HANDED_OFF, c -> c.handoffRate() == null ? Double.NaN : c.handoffRate());
        xLabels(svg, days, slot);
        return svg.append("</svg>").toString();
    }

    private static void rateLine(StringBuilder svg, List<Day> days, double slot, String label, String colour,
                                 ToDoubleFunction<Counts> rate) {
        StringBuilder path = new StringBuilder();
        StringBuilder points = new StringBuilder();
        boolean pen = false;
        for (int i = 0; i < days.size(); i++) {
            double r = rate.applyAsDouble(days.get(i).counts());
            if (Double.isNaN(r)) {
                pen = false;
                continue;
            }
            double x = LEFT + slot * i + slot / 2;
            double y = y(r * 100, 100);
            path.append(pen ? " L" : " M").append(f(x)).append(' ').append(f(y));
            pen = true;
            points.append("<circle cx=\"%s\" cy=\"%s\" r=\"3\" fill=\"%s\"><title>%s %s：%s（%d 个问题）</title></circle>"
                    .formatted(f(x), f(y), colour, days.get(i).date(), label, percent(r), days.get(i).counts().questions()));
        }
        if (!path.isEmpty()) {
            svg.append("<path d=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\"/>".formatted(path.toString().strip(), colour));
        }
        svg.append(points);
    }

    /** One bar split 满意 / 基本满意 / 不满意, with the counts and shares. */
    static String satisfaction(Satisfaction s) {
        int width = 480; // drawn in a half-width card: a narrower box keeps the captions readable
        int height = 48;
        StringBuilder svg = new StringBuilder("<svg class=\"chart\" viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"满意度\" xmlns=\"http://www.w3.org/2000/svg\">"
                .formatted(width, height));
        if (s.total() == 0) {
            svg.append("<rect x=\"0\" y=\"8\" width=\"%d\" height=\"32\" rx=\"6\" fill=\"#f2f3f5\"/>".formatted(width));
            svg.append(text(width / 2.0, 28, "暂无评价", "middle", "#86909c"));
            return svg.append("</svg>").toString();
        }
        String[] labels = {"满意", "基本满意", "不满意"};
        String[] colours = {ANSWERED, BASIC, UNKNOWN};
        int[] values = {s.satisfied(), s.basicallySatisfied(), s.dissatisfied()};
        double x = 0;
        for (int i = 0; i < 3; i++) {
            if (values[i] == 0) {
                continue;
            }
            double w = width * values[i] / (double) s.total();
            String share = percent(values[i] / (double) s.total());
            svg.append("<rect x=\"%s\" y=\"8\" width=\"%s\" height=\"32\" fill=\"%s\"><title>%s：%d（%s）</title></rect>"
                    .formatted(f(x), f(w), colours[i], labels[i], values[i], share));
            String caption = labels[i] + " " + values[i] + "（" + share + "）";
            if (w >= caption.length() * 12 + 8) {
                svg.append(text(x + w / 2, 28, caption, "middle", "#ffffff"));
            } else if (w >= 44) {
                svg.append(text(x + w / 2, 28, share, "middle", "#ffffff"));
            }
            x += w;
        }
        return svg.append("</svg>").toString();
    }

    private static StringBuilder open(String title) {
        return new StringBuilder("<svg class=\"chart\" viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"%s\" xmlns=\"http://www.w3.org/2000/svg\">"
                .formatted(WIDTH, HEIGHT, escape(title)));
    }

    private static void legend(StringBuilder svg, List<String[]> entries, boolean lines) {
        double x = LEFT;
        for (String[] e : entries) {
            if (lines) {
                svg.append(line(x, 14, x + 16, 14, e[1]).replace("stroke-width=\"1\"", "stroke-width=\"3\""));
            } else {
                svg.append("<rect x=\"%s\" y=\"8\" width=\"12\" height=\"12\" rx=\"2\" fill=\"%s\"/>".formatted(f(x), e[1]));
            }
            svg.append(text(x + 20, 18, e[0], "start", "#4e5969"));
            x += 28 + e[0].length() * 13;
        }
    }

    /** Dates under the bars, thinned out to at most about 15 labels. */
    private static void xLabels(StringBuilder svg, List<Day> days, double slot) {
        int every = Math.max(1, (int) Math.ceil(days.size() / 15.0));
        for (int i = 0; i < days.size(); i += every) {
            svg.append(text(LEFT + slot * i + slot / 2, HEIGHT - BOTTOM + 18, days.get(i).date().format(DAY), "middle", "#86909c"));
        }
    }

    /** 1, 2, 5 × 10ⁿ at or above the value (at least 4, so that the four grid steps are whole numbers). */
    static int niceCeiling(int max) {
        if (max <= 4) {
            return 4;
        }
        int step = (int) Math.ceil(max / 4.0);
        int magnitude = (int) Math.pow(10, Math.floor(Math.log10(step)));
        for (int m : new int[] {1, 2, 5, 10}) {
            if (m * magnitude >= step) {
                return m * magnitude * 4;
            }
        }
        return step * 4;
    }

    private static double plotWidth() {
        return WIDTH - LEFT - RIGHT;
    }

    private static double plotHeight() {
        return HEIGHT - TOP - BOTTOM;
    }

    private static double y(double value, double top) {
        return TOP + plotHeight() * (1 - value / top);
    }

    private static String line(double x1, double y1, double x2, double y2, String colour) {
        return "<line x1=\"%s\" y1=\"%s\" x2=\"%s\" y2=\"%s\" stroke=\"%s\" stroke-width=\"1\"/>"
                .formatted(f(x1), f(y1), f(x2), f(y2), colour);
    }

    private static String text(double x, double y, String s, String anchor, String colour) {
        return "<text x=\"%s\" y=\"%s\" text-anchor=\"%s\" fill=\"%s\" font-size=\"12\">%s</text>"
                .formatted(f(x), f(y), anchor, colour, escape(s));
    }

    static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f%%", share * 100);
    }

    private static String f(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
