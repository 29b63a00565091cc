package org.askonce.nlp;

import java.util.regex.Pattern;

/**
 * The question in a long message: citizens tell a story (work, family, an earlier wasted trip) and
 * ask at the end, or in the middle. The clause that asks is the last one with a question word or
 * mark; the intent is read from it, not from the story around it.
 */
final class QuestionClause {

    /** Shorter messages are the question. */
    static final int LONG = 40;
    private static final Pattern CLAUSES = Pattern.compile("(?<=[。！？!?；;，,\\s])");
    private static final Pattern ASKS = Pattern.compile("[？?吗么呢]|哪|啥|什么|多少|多久|几|怎|能否|可否|是否|能不能|可不可以|有没有|要不要|请问");

    private QuestionClause() {
    }

    /** The clause of a long text that asks (with the one before it when it is short); the text itself when short or no clause asks. */
    static String of(String text) {
        if (text.length() < LONG) {
            return text;
        }
        String[] clauses = CLAUSES.split(text);
        for (int i = clauses.length - 1; i >= 0; i--) {
            String clause = clauses[i].strip();
            if (ASKS.matcher(clause).find()) {
                // "请问，要带什么？" or "我这种情况，去哪里办？": the clause before carries the subject
                if (i > 0 && clause.length() < 12) {
                    return clauses[i - 1].strip() + clause;
                }
                return clause;
            }
        }
        return text;
    }
}
