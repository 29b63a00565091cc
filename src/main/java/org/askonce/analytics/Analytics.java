package org.askonce.analytics;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
import org.askonce.dialogue.ConversationStatistics;
import org.askonce.dialogue.HandoffRequested;
import org.askonce.handoff.HandoffStatistics;
import org.askonce.knowledge.KnowledgeBase;
import org.askonce.knowledge.KnowledgeSnapshot;
import org.askonce.knowledge.ServiceItem;
import org.askonce.nlp.TextNormaliser;
import org.askonce.privacy.PersonalData;
import org.springframework.stereotype.Service;

/**
 * Counts what citizens asked and how it went, for a range of calendar days. The figures come from the
 * modules that own them, never from their tables: conversations and turns from dialogue's
 * {@link ConversationStatistics} (counted by the hour, each hour then placed on its day in the
 * dashboard's zone), hand-offs from {@link HandoffStatistics}, bookings from {@link Appointments};
 * life-event use is recorded here ({@link LifeEventUse}).
 */
@Service
public class Analytics {

    /** The actions of a citizen's message that are questions for the bot (the base of the rates). */
    static final List<Action> QUESTIONS = List.of(Action.ANSWER, Action.CLARIFY, Action.HANDOFF, Action.UNKNOWN);
    /** The wording a group of questions is shown by: the most frequent, of those the shortest. */
    private static final Comparator<Map.Entry<String, Integer>> MOST_FREQUENT_THEN_SHORTEST =
            Comparator.<Map.Entry<String, Integer>>comparingInt(e -> -e.getValue())
                    .thenComparingInt(e -> e.getKey().length()).thenComparing(Map.Entry::getKey);

    private final ConversationStatistics conversationStatistics;
    private final HandoffStatistics handoffStatistics;
    private final KnowledgeBase knowledgeBase;
    private final AnalyticsSettings settings;

    private final LifeEventUse lifeEvents;
    /** 预约办事's figures come from its module's API, never from its tables; null: the report has no such section. */
    private final Appointments appointments;

    Analytics(ConversationStatistics conversationStatistics, HandoffStatistics handoffStatistics, KnowledgeBase knowledgeBase,
              AnalyticsSettings settings, LifeEventUse lifeEvents) {
        this(conversationStatistics, handoffStatistics, knowledgeBase, settings, lifeEvents, null);
    }

    @org.springframework.beans.factory.annotation.Autowired
    Analytics(ConversationStatistics conversationStatistics, HandoffStatistics handoffStatistics, KnowledgeBase knowledgeBase,
              AnalyticsSettings settings, LifeEventUse lifeEvents, Appointments appointments) {
        this.lifeEvents = lifeEvents;
        this.appointments = appointments;
        this.conversationStatistics = conversationStatistics;
        this.handoffStatistics = handoffStatistics;
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
        Instant start = range.start(settings.zone());
        Instant end = range.end(settings.zone());
        List<Day> days = days(range, start, end);
        Counts totals = days.stream().map(Day::counts).reduce(Counts.of(0, 0, 0, 0, 0, 0, 0, 0, 0), Counts::plus);
        Map<Action, Satisfaction> ratings = ratings(start, end);
        Satisfaction answers = ratings.getOrDefault(Action.ANSWER, Satisfaction.of(0, 0, 0));
        Satisfaction handoffs = ratings.getOrDefault(Action.RESOLVED, Satisfaction.of(0, 0, 0));
        List<ItemCount> items = items(start, end);
        AnalyticsReport report = new AnalyticsReport(range.from(), range.to(), totals, days, answers.plus(handoffs), answers, handoffs,
                handoffs(start, end), items.stream().limit(settings.top()).toList(), departments(items),
                unanswered(start, end), settings.lowConfidence(), lifeEvents.between(Timestamp.from(start), Timestamp.from(end)), null);
        return appointments == null ? report : report.withBookings(appointments.statistics(range.from(), range.to()));
    }

    private List<Day> days(DateRange range, Instant start, Instant end) {
        Map<LocalDate, Integer> conversations = new TreeMap<>();
        for (ConversationStatistics.StartedInHour h : conversationStatistics.startedByHour(start, end)) {
            conversations.merge(day(h.hour()), h.conversations(), Integer::sum);
        }
        Map<LocalDate, Map<Action, Integer>> actions = new TreeMap<>();
        for (ConversationStatistics.QuestionsInHour h : conversationStatistics.questionsByHour(start, end)) {
            actions.computeIfAbsent(day(h.hour()), d -> new EnumMap<>(Action.class)).merge(h.action(), h.questions(), Integer::sum);
        }
        List<Day> days = new ArrayList<>();
        for (LocalDate date : range.dates()) {
            Map<Action, Integer> a = actions.getOrDefault(date, Map.of());
            int started = conversations.getOrDefault(date, 0);
            days.add(new Day(date, Counts.of(started, n(a, Action.ANSWER), n(a, Action.CLARIFY), n(a, Action.HANDOFF),
                    n(a, Action.UNKNOWN), n(a, Action.SMALLTALK), n(a, Action.WITH_AGENT), n(a, Action.RATED), n(a, Action.NOTICE))));
        }
        return days;
    }

    /** The dashboard's day of an hour. */
    private LocalDate day(Instant hour) {
        return hour.atZone(settings.zone()).toLocalDate();
    }

    private static int n(Map<Action, Integer> counts, Action action) {
        return counts.getOrDefault(action, 0);
    }

    /** Ratings by what was rated: the bot's answer (ANSWER) or a finished hand-off (RESOLVED). */
    private Map<Action, Satisfaction> ratings(Instant start, Instant end) {
        Map<Action, int[]> counts = new EnumMap<>(Action.class);
        for (ConversationStatistics.RatingCount r : conversationStatistics.ratings(start, end)) {
            if (r.rating() >= 1 && r.rating() <= 3) {
                counts.computeIfAbsent(r.action(), a -> new int[3])[r.rating() - 1] += r.count();
            }
        }
        Map<Action, Satisfaction> out = new EnumMap<>(Action.class);
        counts.forEach((action, c) -> out.put(action, Satisfaction.of(c[0], c[1], c[2])));
        return out;
    }

    /** Every item asked about in the range, most asked first; an item no longer in the knowledge base keeps its id. */
    private List<ItemCount> items(Instant start, Instant end) {
        KnowledgeSnapshot kb = knowledgeBase.snapshot();
        return conversationStatistics.itemQuestions(start, end, QUESTIONS).stream()
                .map(q -> {
                    ServiceItem item = kb.item(q.itemId()).orElse(null);
                    return new ItemCount(q.itemId(), item == null ? q.itemId() + "（已不在知识库中）" : item.name(),
                            item == null ? "未知部门" : item.department(), q.questions(), q.answered());
                })
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
     * under the threshold; identical wordings after {@link TextNormaliser#compact} are one row.
     */
    private List<UnansweredQuestion> unanswered(Instant start, Instant end) {
        record Group(Map<String, Integer> wordings, int[] counts, Instant[] last) {
        }
        Map<String, Group> groups = new HashMap<>();
        for (ConversationStatistics.Asked asked : conversationStatistics.notAnsweredForSure(start, end,
                List.of(Action.UNKNOWN, Action.HANDOFF), List.of(Action.ANSWER, Action.CLARIFY), settings.lowConfidence())) {
            String question = asked.question();
            String key = TextNormaliser.compact(question); // "社保卡怎么办？" and "社保卡 怎么办" are one group
            if (key.isEmpty()) {
                continue;
            }
            int n = asked.count();
            Instant at = asked.lastAsked();
            Group g = groups.computeIfAbsent(key, k -> new Group(new HashMap<>(), new int[3], new Instant[1]));
            g.wordings().merge(question.strip(), n, Integer::sum);
            g.counts()[switch (asked.action()) {
                case UNKNOWN -> 0;
                case HANDOFF -> 1;
                default -> 2;
            }] += n;
            if (g.last()[0] == null || at.isAfter(g.last()[0])) {
                g.last()[0] = at;
            }
        }
        return groups.values().stream()
                .map(g -> new UnansweredQuestion(mask(g.wordings().entrySet().stream()
                        .min(MOST_FREQUENT_THEN_SHORTEST).orElseThrow().getKey()),
                        g.counts()[0] + g.counts()[1] + g.counts()[2], g.counts()[0], g.counts()[1], g.counts()[2], g.last()[0]))
                .sorted(Comparator.comparingInt(UnansweredQuestion::count).reversed()
                        .thenComparing(UnansweredQuestion::lastAsked, Comparator.reverseOrder()))
                .limit(settings.top())
                .toList();
    }

    private Handoffs handoffs(Instant start, Instant end) {
        int[] c = new int[7]; // requested, claimed, resolved, handed back, cancelled, open, after hours
        long[] wait = new long[4]; // seconds and count: all claimed, claimed in working hours
        Map<HandoffRequested.Reason, Integer> reasons = new EnumMap<>(HandoffRequested.Reason.class);
        for (HandoffStatistics.Requested h : handoffStatistics.requestedBetween(start, end)) {
            c[0]++;
            switch (h.state()) {
                case RESOLVED -> c[2]++;
                case HANDED_BACK -> c[3]++;
                case CANCELLED -> c[4]++;
                default -> c[5]++;
            }
            if (h.afterHours()) {
                c[6]++;
            }
            if (h.claimedAt() != null) {
                c[1]++;
                long seconds = Math.max(0, Duration.between(h.createdAt(), h.claimedAt()).toSeconds());
                wait[0] += seconds;
                wait[1]++;
                if (!h.afterHours()) {
                    wait[2] += seconds;
                    wait[3]++;
                }
            }
            reasons.merge(h.reason(), 1, Integer::sum);
        }
        List<ReasonCount> byReason = reasons.entrySet().stream().map(e -> new ReasonCount(e.getKey(), e.getValue()))
                .sorted(Comparator.comparingInt(ReasonCount::count).reversed()).toList();
        return new Handoffs(c[0], c[1], c[2], c[3], c[4], c[5], c[6], wait[1] == 0 ? null : Math.round((double) wait[0] / wait[1]),
                wait[3] == 0 ? null : Math.round((double) wait[2] / wait[3]), byReason);
    }

    /**
     * Personal numbers masked ({@link PersonalData}): turns are stored masked, this covers anything
     * stored before or written around the store.
     */
    static String mask(String text) {
        return PersonalData.mask(text);
    }
}
