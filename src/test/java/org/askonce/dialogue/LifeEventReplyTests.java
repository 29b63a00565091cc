package org.askonce.dialogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.askonce.knowledge.ServiceItem.Material;
import org.askonce.knowledge.ServiceItem.Online;
import org.askonce.knowledge.ServiceItem;
import org.junit.jupiter.api.Test;

/** The wording of a life event's reply: merged materials, steps that go together. */
class LifeEventReplyTests {

    private static ServiceItem item(String id, String name, String department, Online online, Material... materials) {
        return new ServiceItem(id, name, List.of(), List.of(), department, "个人", null, null, List.of(materials), null, null, null,
                List.of(), online, null, null, List.of(), List.of(), null, null, null, "示例", List.of());
    }

    private static Material material(String name, String form, int copies) {
        return new Material(name, form, copies, true, null, null, null);
    }

    @Test
    void aMaterialSeveralStepsNeedIsListedOnceWithWhatEachNeeds() {
        String text = LifeEventReply.materials(List.of(
                item("a", "甲", "公安局", null, material("居民身份证", "原件", 1), material("照片", "原件", 2)),
                item("b", "乙", "民政局", null, material("居民身份证", "复印件", 1))));
        assertThat(text).contains("· 居民身份证（第1步原件1份；第2步复印件1份）", "· 照片（第1步原件2份）");
        assertThat(text.indexOf("居民身份证")).isEqualTo(text.lastIndexOf("居民身份证"));
    }

    @Test
    void stepsOfOneDepartmentAreSaidToGoTogether() {
        assertThat(LifeEventReply.together(List.of(item("a", "甲", "公安局", null), item("b", "乙", "民政局", null),
                item("c", "丙", "公安局", null)))).isEqualTo("第1、3步都由公安局办理，可在同一窗口一并办。");
    }

    @Test
    void stepsThatCanAllBeDoneOnlineAreSaid() {
        Online online = new Online("https://www.zjzwfw.gov.cn/x", "浙里办");
        assertThat(LifeEventReply.together(List.of(item("a", "甲", "公安局", online), item("b", "乙", "民政局", online))))
                .isEqualTo("全部2步都可在网上办理（浙里办）。");
    }

    @Test
    void stepsOfDifferentDepartmentsOfflineAreNotSaidToGoTogether() {
        assertThat(LifeEventReply.together(List.of(item("a", "甲", "公安局", null), item("b", "乙", "民政局", null)))).isEmpty();
    }
}
