package org.askonce.nlp;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.dictionary.py.Pinyin;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Words typed in pinyin, whole or abbreviated, back to the knowledge base's words: input methods
 * leave "sbk" (社保卡), "gjj" (公积金), "shebao卡" (社保卡), "hukou" (户口). A run of Latin letters is
 * replaced by the dictionary word whose toneless pinyin it spells ("shebao" → 社保), or whose
 * syllables' initials it is (three letters or more: "sbk" → 社保卡), when exactly one dictionary word
 * (or one most-used word) fits. Ambiguous or unknown runs stay as typed.
 */
final class RomanisedStep implements Step {

    private static final Pattern LATIN = Pattern.compile("[a-z]{2,}");
    private static final int MIN_INITIALS = 3;
    private final Map<String, String> spelled = new HashMap<>();
    private final Map<String, String> initials = new HashMap<>();

    RomanisedStep(Map<String, String> params, Vocabulary vocabulary) {
        Step.checkParameters("romanised", params, Set.of());
        Set<String> ambiguousSpelled = new HashSet<>();
        Set<String> ambiguousInitials = new HashSet<>();
        for (String word : vocabulary.dictionary().keySet()) {
            if (word.length() < 2 || word.length() > 5 || !word.codePoints().allMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)) {
                continue;
            }
            List<Pinyin> pinyins = HanLP.convertToPinyinList(word);
            if (pinyins.stream().anyMatch(p -> p == Pinyin.none5)) {
                continue;
            }
            StringBuilder full = new StringBuilder();
            StringBuilder first = new StringBuilder();
            for (Pinyin p : pinyins) {
                String syllable = p.getPinyinWithoutTone().replace("v", "u");
                full.append(syllable);
                first.append(syllable.charAt(0));
            }
            put(spelled, ambiguousSpelled, full.toString(), word);
            if (first.length() >= MIN_INITIALS) {
                put(initials, ambiguousInitials, first.toString(), word);
            }
        }
        ambiguousSpelled.forEach(spelled::remove);
        ambiguousInitials.forEach(initials::remove);
    }

    private static void put(Map<String, String> table, Set<String> ambiguous, String key, String word) {
        String before = table.putIfAbsent(key, word);
        if (before != null && !before.equals(word)) {
            ambiguous.add(key);
        }
    }

    @Override
    public void apply(Analysis analysis) {
        String text = analysis.text();
        if (!LATIN.matcher(text).find()) {
            return;
        }
        Matcher m = LATIN.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String run = m.group();
            String word = spelled.getOrDefault(run, initials.get(run));
            m.appendReplacement(out, Matcher.quoteReplacement(word != null ? word : run));
        }
        m.appendTail(out);
        analysis.text(out.toString());
    }

    @Override
    public String toString() {
        return "romanised(" + spelled.size() + " spellings, " + initials.size() + " abbreviations)";
    }
}
