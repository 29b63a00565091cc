package org.askonce.nlp;

import com.hankcs.hanlp.dictionary.DynamicCustomDictionary;
import com.hankcs.hanlp.seg.Segment;
import com.hankcs.hanlp.seg.Viterbi.ViterbiSegment;
import com.hankcs.hanlp.seg.common.Term;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * HanLP word segmentation (Viterbi, core dictionary) with a custom dictionary built from the
 * knowledge base ({@link Vocabulary}): item words tagged {@code kb}, lexicon words tagged {@code lex}. The dictionary
 * belongs to this step alone, not to HanLP's global state, so two pipelines can live side by side.
 */
final class SegmentStep implements Step {

    private final Segment segment;
    private final int words;
    private final boolean forcing;
    private final boolean posTagging;

    SegmentStep(Map<String, String> params, Vocabulary vocabulary) {
        Step.checkParameters("segment", params, Set.of("custom-dictionary-forcing", "pos-tagging"));
        this.forcing = Step.flag("segment", params, "custom-dictionary-forcing", true);
        // Without the POS-tagging pass each word keeps its dictionary's first tag (ns for places,
        // kb for ours), which is all the chain needs, and segmentation is about 10x faster.
        this.posTagging = Step.flag("segment", params, "pos-tagging", false);
        DynamicCustomDictionary dictionary = new DynamicCustomDictionary();
        vocabulary.dictionary().forEach((word, nature) -> dictionary.insert(word, nature + " 1000"));
        this.words = vocabulary.dictionary().size();
        this.segment = new ViterbiSegment()
                .enableCustomDictionary(dictionary)
                .enableCustomDictionaryForcing(forcing)
                .enablePartOfSpeechTagging(posTagging);
    }

    @Override
    public void apply(Analysis analysis) {
        List<Token> tokens = new ArrayList<>();
        for (Term term : segment.seg(analysis.text())) {
            if (term.word.isBlank()) {
                continue;
            }
            String nature = term.nature == null ? "x" : term.nature.toString();
            tokens.add(new Token(term.word, nature, term.word, List.of(), false, false));
        }
        analysis.tokens(tokens);
    }

    @Override
    public String toString() {
        return "segment(hanlp viterbi, custom dictionary " + words + " words, forcing=" + forcing + ")";
    }
}
