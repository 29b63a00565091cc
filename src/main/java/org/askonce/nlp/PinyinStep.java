package org.askonce.nlp;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.dictionary.py.Pinyin;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Typo-tolerant keys from the topic words as written: character bigrams (社保卡 → 社保, 保卡) and
 * pinyin syllable bigrams without tones (犬正 and 犬证 both → quan_zheng), across token boundaries
 * so that a wrong segmentation of a misspelt word still matches.
 */
final class PinyinStep implements Step {

    PinyinStep(Map<String, String> params) {
        Step.checkParameters("pinyin", params, Set.of());
    }

    @Override
    public void apply(Analysis analysis) {
        StringBuilder chars = new StringBuilder();
        for (Token token : analysis.tokens()) {
            if (token.topic()) {
                chars.append(token.text());
            }
        }
        analysis.keys(charGrams(chars.toString()), pinyinGrams(chars.toString()));
    }

    static List<String> charGrams(String text) {
        Set<String> grams = new LinkedHashSet<>();
        if (text.length() == 1) {
            grams.add(text);
        }
        for (int i = 0; i + 1 < text.length(); i++) {
            grams.add(text.substring(i, i + 2));
        }
        return new ArrayList<>(grams);
    }

    static List<String> pinyinGrams(String text) {
        List<String> syllables = new ArrayList<>();
        List<Pinyin> pinyins = HanLP.convertToPinyinList(text);
        for (int i = 0; i < text.length() && i < pinyins.size(); i++) {
            Pinyin p = pinyins.get(i);
            if (p == Pinyin.none5) {
                syllables.add(String.valueOf(text.charAt(i)));
            } else {
                syllables.add(p.getPinyinWithoutTone());
            }
        }
        Set<String> grams = new LinkedHashSet<>();
        if (syllables.size() == 1) {
            grams.add(syllables.get(0));
        }
        for (int i = 0; i + 1 < syllables.size(); i++) {
            grams.add(syllables.get(i) + "_" + syllables.get(i + 1));
        }
        return new ArrayList<>(grams);
    }

    @Override
    public String toString() {
        return "pinyin(char bigrams, toneless syllable bigrams)";
    }
}
