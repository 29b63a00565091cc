package org.askonce.knowledge.editing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.askonce.knowledge.ServiceItem;
import org.junit.jupiter.api.Test;

/** The diff a reviewer reads: field by field with the guide's names, lists as lines removed and added. */
class VersionDiffTests {

    private static final ServiceItem DOG = new ServiceItem("dog-registration", "养犬登记", List.of("狗证"), List.of(), "公安局", "个人", null, null,
            List.of(new ServiceItem.Material("身份证", "原件", 1, true, null, null, null),
                    new ServiceItem.Material("犬只照片", null, null, null, null, null, null)),
            new ServiceItem.TimeLimit(20, 5, null), null, 1, List.of(), null, null, null, List.of(), List.of(), "0571-87280110", null, null,
            "浙江政务服务网", List.of());

    @Test
    void leavesOutWhatDidNotChange() {
        assertThat(VersionDiff.between(DOG, DOG)).isEmpty();
    }

    @Test
    void showsAChangedValueBeforeAndAfterUnderTheGuidesName() {
        ServiceItem after = new ServiceItem(DOG.id(), DOG.name(), DOG.aliases(), DOG.keywords(), DOG.department(), DOG.audience(), null, null,
                DOG.materials(), new ServiceItem.TimeLimit(20, 0, null), null, 1, List.of(), null, null, null, List.of(), List.of(),
                "0571-87280111", null, null, DOG.source(), List.of());

        assertThat(VersionDiff.between(DOG, after)).containsExactly(
                new VersionDiff.Field("承诺办结时限", "5 个工作日", "即办", List.of(), List.of()),
                new VersionDiff.Field("咨询电话", "0571-87280110", "0571-87280111", List.of(), List.of()));
    }

    @Test
    void showsMaterialsAsLinesRemovedAndAdded() {
        ServiceItem after = DOG.withMaterials(List.of(new ServiceItem.Material("身份证", "原件", 1, true, null, null, null),
                new ServiceItem.Material("犬只芯片植入证明", "原件", 1, false, null, "宠物医院出具", null)));

        assertThat(VersionDiff.between(DOG, after)).singleElement().satisfies(f -> {
            assertThat(f.label()).isEqualTo("申请材料");
            assertThat(f.removed()).containsExactly("犬只照片");
            assertThat(f.added()).containsExactly("犬只芯片植入证明（原件，1 份，非必需，宠物医院出具）");
        });
    }

    @Test
    void showsEveryFilledFieldOfANewItemAsAdded() {
        List<VersionDiff.Field> fields = VersionDiff.between(null, DOG);

        assertThat(fields).extracting(VersionDiff.Field::label)
                .containsExactly("事项名称", "别名", "实施部门", "服务对象", "申请材料", "法定办结时限", "承诺办结时限", "到现场次数", "咨询电话", "信息来源");
        assertThat(fields.get(0).before()).isEqualTo("（空）");
        assertThat(fields.get(0).after()).isEqualTo("养犬登记");
    }
}
