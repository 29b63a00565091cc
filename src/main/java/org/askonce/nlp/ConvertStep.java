package org.askonce.nlp;

import com.hankcs.hanlp.HanLP;
import java.util.Map;
import java.util.Set;

/** Traditional → simplified Chinese with HanLP's t2s table (護照 → 护照, 身份證 → 身份证). */
final class ConvertStep implements Step {

    ConvertStep(Map<String, String> params) {
        Step.checkParameters("convert", params, Set.of());
    }

    @Override
    public void apply(Analysis analysis) {
        analysis.text(HanLP.convertToSimplifiedChinese(analysis.text()));
    }

    @Override
    public String toString() {
        return "convert(traditional→simplified)";
    }
}
