package org.askonce.nlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The OpenNLP intent model alone, trained on the tiny literal set in {@code src/test/resources/nlp/intents}
 * (three examples an intent, words separated by spaces), in the style of OpenNLP's DocumentCategorizerMETest.
 */
class IntentModelTests {

    private static final Path INTENTS = Path.of("src/test/resources/nlp/intents");
    private static final Function<String, String[]> WORDS = text -> text.split(" ");
    private static final IntentModel MODEL = IntentModel.train(INTENTS, WORDS, 100, 1);

    private static String[] words(String text) {
        return WORDS.apply(text);
    }

    @Test
    void learnsEveryExampleOfTheSet() {
        assertThat(MODEL.examples()).isEqualTo(17 * 3);
    }

    @Test
    void recognisesMaterialsForAnItemItWasNotTaught() {
        assertThat(MODEL.classify(words("驾照 要 带 什么 材料")).getKey()).isEqualTo(Intent.MATERIALS);
    }

    @Test
    void recognisesLocationForAnItemItWasNotTaught() {
        assertThat(MODEL.classify(words("驾照 在哪 办")).getKey()).isEqualTo(Intent.LOCATION);
    }

    @Test
    void recognisesAskingForAHuman() {
        assertThat(MODEL.classify(words("转 人工")).getKey()).isEqualTo(Intent.HUMAN);
    }

    @Test
    void givesEveryIntentAProbabilityThatSumToOne() {
        Map<Intent, Double> probabilities = MODEL.probabilities(words("护照 要 带 什么 材料"));
        assertThat(probabilities).hasSize(Intent.values().length);
        assertThat(probabilities.values()).allSatisfy(p -> assertThat(p).isBetween(0.0, 1.0));
        assertThat(probabilities.values().stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void classifiesWithTheHighestProbabilityAndIsSureOfATaughtExample() {
        String[] taught = words("护照 要 带 什么 材料");
        Map.Entry<Intent, Double> best = MODEL.classify(taught);
        assertThat(best.getValue()).isEqualTo(MODEL.probabilities(taught).get(Intent.MATERIALS));
        assertThat(best.getValue()).isGreaterThan(0.5);
    }

    @Test
    void theSameDataTrainsTheSameModel() {
        IntentModel once = IntentModel.fit(IntentModel.samples(INTENTS, WORDS), 100, 1);
        IntentModel again = IntentModel.fit(IntentModel.samples(INTENTS, WORDS), 100, 1);
        for (String text : new String[] {"驾照 要 带 什么 材料", "驾照 在哪 办", "转 人工", "今天 天气"}) {
            assertThat(again.probabilities(words(text))).isEqualTo(once.probabilities(words(text)));
        }
    }

    @Test
    void trainingAgainOnTheSameFeaturesGivesTheModelAlreadyTrained() {
        assertThat(IntentModel.train(INTENTS, text -> text.split(" "), 100, 1)).isSameAs(MODEL);
    }

    @Test
    void otherFeaturesOrParametersTrainAnotherModel() {
        Function<String, String[]> wordsAndLength = text -> (text + " #" + text.length()).split(" ");
        assertThat(IntentModel.train(INTENTS, wordsAndLength, 100, 1)).isNotSameAs(MODEL);
        assertThat(IntentModel.train(INTENTS, WORDS, 101, 1)).isNotSameAs(MODEL);
        assertThat(IntentModel.train(INTENTS, WORDS, 100, 0)).isNotSameAs(MODEL);
    }

    @Test
    void theModelAlreadyTrainedAnswersAsAFreshlyTrainedOne() {
        IntentModel fresh = IntentModel.fit(IntentModel.samples(INTENTS, WORDS), 100, 1);
        for (String text : new String[] {"驾照 要 带 什么 材料", "驾照 在哪 办", "转 人工", "今天 天气"}) {
            assertThat(fresh.probabilities(words(text))).isEqualTo(MODEL.probabilities(words(text)));
        }
    }

    @Test
    void rejectsAFolderThatLacksAnIntentNamingIt(@TempDir Path folder) throws IOException {
        Files.writeString(folder.resolve("GREETING.txt"), "你好\n");
        assertThatThrownBy(() -> IntentModel.train(folder, WORDS, 100, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("No training examples for intent MATERIALS in " + folder + " (expected MATERIALS.txt with one example a line)");
    }

    @Test
    void rejectsAFileWhoseNameIsNoIntent(@TempDir Path folder) throws IOException {
        Files.writeString(folder.resolve("WEATHER.txt"), "今天 天气\n");
        assertThatThrownBy(() -> IntentModel.train(folder, WORDS, 100, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Unknown intent label file " + folder.resolve("WEATHER.txt"));
    }
}
