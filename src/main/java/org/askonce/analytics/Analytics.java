package org.askonce.analytics;

import java.sql.Timestamp;
import java.text.Normalizer;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.askonce.analytics.AnalyticsReport.Counts;
import org.askonce.analytics.AnalyticsReport.Day;
import org.askonce.analytics.AnalyticsReport.DepartmentCount;
import org.askonce.analytics.AnalyticsReport.Handoffs;
import org.askonce.analytics.AnalyticsReport.ItemCount;
import org.askonce.analytics.AnalyticsReport.ReasonCount;
import org.askonce.analytics.AnalyticsReport.Satisfaction;
import org.askonce.analytics.AnalyticsReport.UnansweredQuestion;
import org.askonce.appointments.Appointments;
import org.askonce.dialogue.Action;
import org.askonce.dialogue.HandoffRequested;
import org.askonce.knowledge.KnowledgeBase;
import org.askonce.knowledge.KnowledgeSnapshot;
import org.askonce.knowledge.ServiceItem;
import org.askonce.privacy.PersonalData;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Counts what citizens asked and how it went, for a range of calendar days, from the stored
 * conversations, turns and hand-offs. The database does the counting (grouped by the hour the
 * timestamps are stored in, which is then placed on its day in the dashboard's zone), so a year of
 * traffic costs a few thousand rows, not a million. The SQL is plain enough for H2 and PostgreSQL.
 */
@Service
public class Analytics {

    /** The actions of a citizen's message that are questions for the bot (the base of the rates). */
    static final List<Action> QUESTIONS = List.of(Action.ANSWER, Action.CLARIFY, Action.HANDOFF, Action.UNKNOWN);
    /** The wording a group of questions is shown by: the most frequent, of those the shortest. */
    private static final Comparator<Map.Entry<String, Integer>> MOST_FREQUENT_THEN_SHORTEST =
            Comparator.<Map.Entry<String, Integer>>comparingInt(e -> -e.getValue())
                    .thenComparingInt(e -> e.getKey().length()).thenComparing(Map.Entry::getKey);
    private static final Pattern NOT_TEXT = Pattern.compile("[\\s\\p{P}\\p{S}]+");

    private final JdbcClient jdbc;
    private final KnowledgeBase knowledgeBase;
    private final AnalyticsSettings settings;
    /** The zone the database's timestamps (without time zone) are written in: this JVM's. */
    private final ZoneId storedZone = ZoneId.systemDefault();

    private final LifeEventUse lifeEvents;
    /** 预约办事's figures come from its module's API, never from its tables; null: the report has no such section. */
    private final Appointments appointments;

    Analytics(JdbcClient jdbc, KnowledgeBase knowledgeBase, AnalyticsSettings settings, LifeEventUse lifeEvents) {
        this(jdbc, knowledgeBase, settings, lifeEvents, null);
    }

    @org.springframework.beans.factory.annotation.Autowired
    Analytics(JdbcClient jdbc, KnowledgeBase knowledgeBase, AnalyticsSettings settings, LifeEventUse lifeEvents, Appointments appointments) {
        this.lifeEvents = lifeEvents;
        this.appointments = appointments;
        this.jdbc = jdbc;
        this.knowledgeBase = knowledgeBase;
        this.settings = settings;
    }

    public AnalyticsSettings settings() {
        return settings;
    }

    /** Today in the dashboard's zone. */
    public LocalDate today() {
        return LocalDate.now(settings.zone());
    }

    public AnalyticsReport report(DateRange range) {
        Timestamp start = Timestamp.from(range.start(settings.zone()));
        Timestamp end = Timestamp.from(range.end(settings.zone()));
        List<Day> days = days(range, start, end);
        Counts totals = days.stream().map(Day::counts).reduce(Counts.of(0, 0, 0, 0, 0, 0, 0, 0, 0), Counts::plus);
        Map<Action, Satisfaction> ratings = ratings(start, end);
        Satisfaction answers = ratings.getOrDefault(Action.ANSWER, Satisfaction.of(0, 0, 0));
        Satisfaction handoffs = ratings.getOrDefault(Action.RESOLVED, Satisfaction.of(0, 0, 0));
        List<ItemCount> items = items(start, end);
        AnalyticsReport report = new AnalyticsReport(range.from(), range.to(), totals, days, answers.plus(handoffs), answers, handoffs,
                handoffs(start, end), items.stream().limit(settings.top()).toList(), departments(items),
                unanswered(start, end), settings.lowConfidence(), lifeEvents.between(start, end), null);
        return appointments == null ? report : report.withBookings(appointments.statistics(range.from(), range.to()));
    }

    private List<Day> days(DateRange range, Timestamp start, Timestamp end) {
        Map<LocalDate, int[]> conversations = new TreeMap<>();
        jdbc.sql("""
                        SELECT CAST(started_at AS DATE) d, EXTRACT(HOUR FROM started_at) h, COUNT(*) n FROM conversation
                        WHERE started_at >= ? AND started_at < ? GROUP BY CAST(started_at AS DATE), EXTRACT(HOUR FROM started_at)""")
                .params(start, end)
                .query(rs -> {
                    conversations.computeIfAbsent(day(rs.getDate("d").toLocalDate(), rs.getInt("h")), d -> new int[1])[0] += rs.getInt("n");
                });
        Map<LocalDate, Map<Action, Integer>> actions = new TreeMap<>();
        jdbc.sql("""
                        SELECT CAST(created_at AS DATE) d, EXTRACT(HOUR FROM created_at) h, action, COUNT(*) n FROM chat_turn
                        WHERE question IS NOT NULL AND created_at >= ? AND created_at < ?
                        GROUP BY CAST(created_at AS DATE), EXTRACT(HOUR FROM created_at), action""")
                .params(start, end)
                .query(rs -> {
                    actions.computeIfAbsent(day(rs.getDate("d").toLocalDate(), rs.getInt("h")), d -> new EnumMap<>(Action.class))
                            .merge(Action.valueOf(rs.getString("action")), rs.getInt("n"), Integer::sum);
                });
        List<Day> days = new ArrayList<>();
        for (LocalDate date : range.dates()) {
            Map<Action, Integer> a = actions.getOrDefault(date, Map.of());
            int started = conversations.containsKey(date) ? conversations.get(date)[0] : 0;
            days.add(new Day(date, Counts.of(started, n(a, Action.ANSWER), n(a, Action.CLARIFY), n(a, Action.HANDOFF),
                    n(a, Action.UNKNOWN), n(a, Action.SMALLTALK), n(a, Action.WITH_AGENT), n(a, Action.RATED), n(a, Action.NOTICE))));
        }
        return days;
    }

    /** The dashboard's day of an hour as stored (the database's wall clock is this JVM's). */
    private LocalDate day(LocalDate storedDate, int storedHour) {
        return storedDate.atTime(LocalTime.of(storedHour, 0)).atZone(storedZone).withZoneSameInstant(settings.zone()).toLocalDate();
    }

    private static int n(Map<Action, Integer> counts, Action action) {
        return counts.getOrDefault(action, 0);
    }

    /** Ratings by what was rated: the bot's answer (ANSWER) or a finished hand-off (RESOLVED). */
    private Map<Action, Satisfaction> ratings(Timestamp start, Timestamp end) {
        Map<Action, int[]> counts = new EnumMap<>(Action.class);
        jdbc.sql("""
                        SELECT action, rating, COUNT(*) n FROM chat_turn WHERE rating IS NOT NULL AND created_at >= ? AND created_at < ?
                        GROUP BY action, rating""")
                .params(start, end)
                .query(rs -> {
                    int rating = rs.getInt("rating");
                    if (rating >= 1 && rating <= 3) {
                        counts.computeIfAbsent(Action.valueOf(rs.getString("action")), a -> new int[3])[rating - 1] += rs.getInt("n");
                    }
                });
        Map<Action, Satisfaction> out = new EnumMap<>(Action.class);
        counts.forEach((action, c) -> out.put(action, Satisfaction.of(c[0], c[1], c[2])));
        return out;
    }

    /** Every item asked about in the range, most asked first; an item no longer in the knowledge base keeps its id. */
    private List<ItemCount> items(Timestamp start, Timestamp end) {
        KnowledgeSnapshot kb = knowledgeBase.snapshot();
        return jdbc.sql("""
                        SELECT item_id, COUNT(*) n, SUM(CASE WHEN action = 'ANSWER' THEN 1 ELSE 0 END) answered FROM chat_turn
                        WHERE question IS NOT NULL AND item_id IS NOT NULL AND action IN (%s) AND created_at >= ? AND created_at < ?
                        GROUP BY item_id""".formatted(inList(QUESTIONS)))
                .params(start, end)
                .query((rs, i) -> {
                    String id = rs.getString("item_id");
                    ServiceItem item = kb.item(id).orElse(null);
                    return new ItemCount(id, item == null ? id + "（已不在知识库中）" : item.name(),
                            item == null ? "未知部门" : item.department(), rs.getInt("n"), rs.getInt("answered"));
                })
                .list().stream()
                .sorted(Comparator.comparingInt(ItemCount::questions).reversed().thenComparing(ItemCount::name))
                .toList();
    }

    private static List<DepartmentCount> departments(List<ItemCount> items) {
        Map<String, int[]> byDepartment = new LinkedHashMap<>();
        for (ItemCount item : items) {
            int[] c = byDepartment.computeIfAbsent(item.department(), d -> new int[3]);
            c[0]++;
            c[1] += item.questions();
            c[2] += item.answered();
        }
        return byDepartment.entrySet().stream()
                .map(e -> new DepartmentCount(e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2]))
                .sorted(Comparator.comparingInt(DepartmentCount::questions).reversed().thenComparing(DepartmentCount::department))
                .toList();
    }

    /**
     * Questions the bot said it did not know, handed over, or answered / clarified with a score
     * under the threshold; identical wordings after {@link #normalise} are one row.
     */
    private List<UnansweredQuestion> unanswered(Timestamp start, Timestamp end) {
        record Group(Map<String, Integer> wordings, int[] counts, Instant[] last) {
        }
        Map<String, Group> groups = new HashMap<>();
        jdbc.sql("""
                        SELECT question, action, COUNT(*) n, MAX(created_at) last_at FROM chat_turn
                        WHERE question IS NOT NULL AND created_at >= ? AND created_at < ?
                        AND (action IN ('UNKNOWN', 'HANDOFF') OR (action IN ('ANSWER', 'CLARIFY') AND confidence < ?))
                        GROUP BY question, action""")
                .params(start, end, settings.lowConfidence())
                .query(rs -> {
                    String question = rs.getString("question");
                    String key = normalise(question);
                    if (key.isEmpty()) {
                        return;
                    }
                    int n = rs.getInt("n");
                    Instant at = rs.getTimestamp("last_at").toInstant();
                    Group g = groups.computeIfAbsent(key, k -> new Group(new HashMap<>(), new int[3], new Instant[1]));
                    g.wordings().merge(question.strip(), n, Integer::sum);
                    g.counts()[switch (Action.valueOf(rs.getString("action"))) {
                        case UNKNOWN -> 0;
                        case HANDOFF -> 1;
                        default -> 2;
                    }] += n;
                    if (g.last()[0] == null || at.isAfter(g.last()[0])) {
                        g.last()[0] = at;
                    }
                });
        return groups.values().stream()
                .map(g -> new UnansweredQuestion(mask(g.wordings().entrySet().stream()
                        .min(MOST_FREQUENT_THEN_SHORTEST).orElseThrow().getKey()),
                        g.counts()[0] + g.counts()[1] + g.counts()[2], g.counts()[0], g.counts()[1], g.counts()[2], g.last()[0]))
                .sorted(Comparator.comparingInt(UnansweredQuestion::count).reversed()
                        .thenComparing(UnansweredQuestion::lastAsked, Comparator.reverseOrder()))
                .limit(settings.top())
                .toList();
    }

    private Handoffs handoffs(Timestamp start, Timestamp end) {
        int[] c = new int[7]; // requested, claimed, resolved, handed back, cancelled, open, after hours
        long[] wait = new long[4]; // seconds and count: all claimed, claimed in working hours
        Map<HandoffRequested.Reason, Integer> reasons = new EnumMap<>(HandoffRequested.Reason.class);
        jdbc.sql("SELECT state, reason, after_hours, created_at, claimed_at FROM handoff WHERE created_at >= ? AND created_at < ?")
                .params(start, end)
                .query(rs -> {
                    c[0]++;
                    switch (rs.getString("state")) {
                        case "RESOLVED" -> c[2]++;
                        case "HANDED_BACK" -> c[3]++;
                        case "CANCELLED" -> c[4]++;
                        default -> c[5]++;
                    }
                    boolean afterHours = rs.getBoolean("after_hours");
                    if (afterHours) {
                        c[6]++;
                    }
                    Timestamp claimed = rs.getTimestamp("claimed_at");
                    if (claimed != null) {
                        c[1]++;
                        long seconds = Math.max(0, Duration.between(rs.getTimestamp("created_at").toInstant(), claimed.toInstant()).toSeconds());
                        wait[0] += seconds;
                        wait[1]++;
                        if (!afterHours) {
                            wait[2] += seconds;
                            wait[3]++;
                        }
                    }
                    reasons.merge(HandoffRequested.Reason.valueOf(rs.getString("reason")), 1, Integer::sum);
                });
        List<ReasonCount> byReason = reasons.entrySet().stream().map(e -> new ReasonCount(e.getKey(), e.getValue()))
                .sorted(Comparator.comparingInt(ReasonCount::count).reversed()).toList();
        return new Handoffs(c[0], c[1], c[2], c[3], c[4], c[5], c[6], wait[1] == 0 ? null : Math.round((double) wait[0] / wait[1]),
                wait[3] == 0 ? null : Math.round((double) wait[2] / wait[3]), byReason);
    }

    /**
     * The text two wordings must share to be grouped: full-width to half-width (NFKC), lower case,
     * without spaces, punctuation and symbols. "社保卡怎么办？" and "社保卡 怎么办" are one group.
     */
    static String normalise(String question) {
        if (question == null) {
            return "";
        }
        return NOT_TEXT.matcher(Normalizer.normalize(question, Normalizer.Form.NFKC).toLowerCase()).replaceAll("");
    }

    /**
     * Personal numbers masked ({@link PersonalData}): turns are stored masked, this covers anything
     * stored before or written around the store.
     */
    static String mask(String text) {
        return PersonalData.mask(text);
    }

    private static String inList(List<Action> actions) {
        return String.join(", ", actions.stream().map(a -> "'" + a.name() + "'").toList());
    }
}
