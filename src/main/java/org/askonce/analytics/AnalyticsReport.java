package org.askonce.analytics;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.askonce.appointments.BookingStatistics;
import org.askonce.dialogue.HandoffRequested;

/**
 * The dashboard's figures for the calendar days {@code from}..{@code to} (both included, in the
 * zone of {@link AnalyticsSettings}). What each figure means is written on its record; rates are
 * {@code null} when there is nothing to divide by.
 *
 * @param totals        the whole range
 * @param days          one entry per day of the range, days without traffic included
 * @param satisfaction  all ratings; {@code answerSatisfaction} of the bot's answers,
 *                      {@code handoffSatisfaction} of finished hand-offs
 * @param topItems      the most asked service items (at most {@link AnalyticsSettings#top()})
 * @param departments   every department with a question about one of its items, most asked first
 * @param unanswered    questions the bot could not answer well, identical wordings (after
 *                      normalising) grouped, most frequent first (at most {@link AnalyticsSettings#top()})
 * @param lowConfidence the score under which an answer or menu counts as unsure
 * @param lifeEvents    every published life event (一件事) and its use, most used first
 * @param bookings      预约办事 over the same days, as the appointments module counts them; {@code null} when
 *                      the report was made without it
 */
public record AnalyticsReport(LocalDate from, LocalDate to, Counts totals, List<Day> days, Satisfaction satisfaction,
                              Satisfaction answerSatisfaction, Satisfaction handoffSatisfaction, Handoffs handoffs,
                              List<ItemCount> topItems, List<DepartmentCount> departments,
                              List<UnansweredQuestion> unanswered, double lowConfidence, List<EventUse> lifeEvents,
                              BookingStatistics bookings) {

    /** The same report with the 预约办事 section. */
    AnalyticsReport withBookings(BookingStatistics statistics) {
        return new AnalyticsReport(from, to, totals, days, satisfaction, answerSatisfaction, handoffSatisfaction, handoffs, topItems,
                departments, unanswered, lowConfidence, lifeEvents, statistics);
    }

    public AnalyticsReport {
        days = List.copyOf(days);
        topItems = List.copyOf(topItems);
        departments = List.copyOf(departments);
        unanswered = List.copyOf(unanswered);
        lifeEvents = List.copyOf(lifeEvents);
    }

    public record Day(LocalDate date, Counts counts) {
    }

    /**
     * Conversations and citizens' messages. {@code messages}: every message a citizen wrote (a turn
     * with a question). {@code questions}: the messages the bot had to answer from the knowledge base,
     * that is {@code answered + clarified + handedOff + unknown}; not counted as questions are small
     * talk, ratings, messages to an agent and notices (cancelling a hand-off).
     * {@code answerRate = answered / questions}, {@code handoffRate = handedOff / questions}.
     */
    public record Counts(int conversations, int messages, int questions, int answered, int clarified, int handedOff,
                         int unknown, int smalltalk, int withAgent, int rated, int notices, Double answerRate,
                         Double handoffRate) {

        public static Counts of(int conversations, int answered, int clarified, int handedOff, int unknown, int smalltalk,
                                int withAgent, int rated, int notices) {
            int questions = answered + clarified + handedOff + unknown;
            int messages = questions + smalltalk + withAgent + rated + notices;
            return new Counts(conversations, messages, questions, answered, clarified, handedOff, unknown, smalltalk,
                    withAgent, rated, notices, ratio(answered, questions), ratio(handedOff, questions));
        }

        Counts plus(Counts o) {
            return of(conversations + o.conversations, answered + o.answered, clarified + o.clarified, handedOff + o.handedOff,
                    unknown + o.unknown, smalltalk + o.smalltalk, withAgent + o.withAgent, rated + o.rated, notices + o.notices);
        }
    }

    /**
     * Ratings 1 满意, 2 基本满意, 3 不满意; {@code rate = (satisfied + basicallySatisfied) / total}.
     * A rating counts on the day of what was rated (the answer, or the end of the hand-off).
     */
    public record Satisfaction(int satisfied, int basicallySatisfied, int dissatisfied, int total, Double rate) {

        public static Satisfaction of(int satisfied, int basicallySatisfied, int dissatisfied) {
            int total = satisfied + basicallySatisfied + dissatisfied;
            return new Satisfaction(satisfied, basicallySatisfied, dissatisfied, total, ratio(satisfied + basicallySatisfied, total));
        }

        Satisfaction plus(Satisfaction o) {
            return of(satisfied + o.satisfied, basicallySatisfied + o.basicallySatisfied, dissatisfied + o.dissatisfied);
        }
    }

    /**
     * Hand-offs requested in the range and how they stand now. {@code averageWaitSeconds}: from the
     * request to an agent claiming it, over the claimed ones; {@code averageWaitInHoursSeconds} the
     * same over those asked in working hours only (a request after hours waits for the next opening
     * by design). {@code null} when none was claimed.
     */
    public record Handoffs(int requested, int claimed, int resolved, int handedBack, int cancelled, int open, int afterHours,
                           Long averageWaitSeconds, Long averageWaitInHoursSeconds, List<ReasonCount> reasons) {

        public Handoffs {
            reasons = List.copyOf(reasons);
        }
    }

    public record ReasonCount(HandoffRequested.Reason reason, int count) {
    }

    /** Questions whose turn was about the item (any action but small talk, ratings, agent messages). */
    public record ItemCount(String itemId, String name, String department, int questions, int answered) {
    }

    public record DepartmentCount(String department, int items, int questions, int answered) {
    }

    /**
     * A wording citizens used that the bot did not answer well: {@code unknown} times it said it did
     * not know, {@code handedOff} times it handed over to a person, {@code lowConfidence} times it
     * answered or offered a menu with a score under the threshold. {@code question} is the most
     * frequent original wording, personal numbers (phone, ID-card, bank-card numbers, e-mail) masked.
     */
    public record UnansweredQuestion(String question, int count, int unknown, int handedOff, int lowConfidence,
                                     Instant lastAsked) {
    }

    /**
     * A life event's use: {@code answers} times the bot answered with it, in {@code conversations}
     * conversations; in {@code followed} of those answers the citizen then asked about one of its steps
     * ({@code stepQuestions} such questions in all). {@code followRate = followed / answers}.
     */
    public record EventUse(String eventId, String name, int answers, int conversations, int followed, int stepQuestions) {

        public Double followRate() {
            return ratio(followed, answers);
        }
    }

    static Double ratio(int part, int whole) {
        return whole == 0 ? null : (double) part / whole;
    }
}
