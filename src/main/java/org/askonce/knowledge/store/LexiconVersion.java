package org.askonce.knowledge.store;

import java.time.Instant;
import org.askonce.knowledge.Lexicon;

/**
 * One publication of the lexicon: the whole lexicon as published, its number, who published it
 * when and why; {@code current} for the one citizens get now.
 */
public record LexiconVersion(int version, Lexicon lexicon, String publishedBy, Instant publishedAt, String note, boolean current) {

    /**
     * One term that differs: what it was and what it is ({@code null}: not in the lexicon), and for a
     * draft change who made it when (null when comparing versions).
     */
    public record Change(String term, Lexicon.Entry before, Lexicon.Entry after, String changedBy, Instant changedAt) {

        public enum Kind {
            ADDED, REMOVED, CHANGED;

            public String label() {
                return switch (this) {
                    case ADDED -> "新增";
                    case REMOVED -> "删除";
                    case CHANGED -> "修改";
                };
            }
        }

        public Kind kind() {
            return before == null ? Kind.ADDED : after == null ? Kind.REMOVED : Kind.CHANGED;
        }

        /** What the term was, in words staff read: "→ 养犬登记", "词典词" or "—". */
        public String beforeText() {
            return describe(before);
        }

        public String afterText() {
            return describe(after);
        }

        /** One line for the audit log: "新增 汪汪证 → 养犬登记". */
        public String summary() {
            return switch (kind()) {
                case ADDED -> "新增 " + term + " " + describe(after);
                case REMOVED -> "删除 " + term + "（原" + describe(before) + "）";
                case CHANGED -> "修改 " + term + "：" + describe(before) + " 改为 " + describe(after);
            };
        }

        private static String describe(Lexicon.Entry entry) {
            return entry == null ? "—" : entry.plainWord() ? "词典词" : "→ " + entry.official();
        }
    }
}
