package org.askonce.knowledge.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.askonce.knowledge.KnowledgeSnapshot;
import org.askonce.knowledge.Lexicon;
import org.askonce.knowledge.ServiceItem;
import org.junit.jupiter.api.Test;

/** Reading a spreadsheet of items: every bad cell of every row in one pass, in Chinese, by row number and the file's column name. */
class SpreadsheetFormatTests {

    private static final KnowledgeSnapshot EMPTY = new KnowledgeSnapshot(List.of(), List.of(), Lexicon.EMPTY);

    /** A header row and one good row (row 2), with the given cells changed. */
    private static List<List<String>> sheet(Map<String, String> changes) {
        List<String> header = SpreadsheetFormat.COLUMNS.stream().map(SpreadsheetFormat.Column::header).toList();
        List<String> row = new ArrayList<>(header.stream().map(h -> "").toList());
        Map<String, String> good = new java.util.HashMap<>(Map.of("编号", "dog-registration", "事项名称", "养犬登记", "实施部门", "公安局",
                "信息来源", "浙江政务服务网", "咨询电话", "0571-87280110", "网上办理地址", "https://www.zjzwfw.gov.cn/dog",
                "法定办结时限（工作日）", "20", "申请材料", "身份证|原件|1|是", "办理地点", "市民中心|上城区|解放东路18号|9:00-17:00|0571-12345"));
        good.putAll(changes);
        good.forEach((h, v) -> row.set(header.indexOf(h), v));
        List<List<String>> rows = new ArrayList<>();
        rows.add(header);
        rows.add(row);
        return rows;
    }

    @Test
    void readsAGoodRow() {
        SpreadsheetFormat.Result read = SpreadsheetFormat.read(sheet(Map.of()), EMPTY);

        assertThat(read.problems()).isEmpty();
        assertThat(read.items()).singleElement().satisfies(i -> {
            assertThat(i.consultPhone()).isEqualTo("0571-87280110");
            assertThat(i.halls().get(0).phone()).isEqualTo("0571-12345");
        });
    }

    @Test
    void reportsEveryBadCellOfARowAtOnceInChineseWithTheColumnName() {
        SpreadsheetFormat.Result read = SpreadsheetFormat.read(sheet(Map.of("实施部门", "", "咨询电话", "1234", "网上办理地址", "www.zjzwfw.gov.cn")), EMPTY);

        assertThat(read.problems()).containsExactly(
                "第2行 实施部门：不能为空",
                "第2行 网上办理地址：应为以 http:// 或 https:// 开头的完整网址，现在是“www.zjzwfw.gov.cn”",
                "第2行 咨询电话：“1234”不是有效的电话号码（手机号 11 位；固定电话带区号，如 0571-87654321；服务热线如 12345）");
        assertThat(read.items()).isEmpty();
    }

    @Test
    void reportsBadCellsOfSeveralRowsByTheRowNumberTheSpreadsheetShows() {
        List<List<String>> rows = sheet(Map.of("到现场次数", "12"));
        List<String> third = new ArrayList<>(rows.get(1));
        third.set(0, "second-item");
        third.set(1, "另一个事项");
        third.set(rows.get(0).indexOf("承诺办结时限（工作日）"), "-1");
        rows.add(List.of()); // a blank row 3 is skipped, but still counted
        rows.add(third);

        SpreadsheetFormat.Result read = SpreadsheetFormat.read(rows, EMPTY);

        assertThat(read.problems()).containsExactly(
                "第2行 到现场次数：应为整数（0 到 9），现在是 12",
                "第4行 承诺办结时限（工作日）：应为整数（0 或更大），现在是 -1",
                "第4行 到现场次数：应为整数（0 到 9），现在是 12");
    }

    @Test
    void reportsEveryBadPartOfAMaterialAndAHall() {
        SpreadsheetFormat.Result read = SpreadsheetFormat.read(sheet(Map.of("申请材料", "身份证|原件|两|是\n户口簿|扫描件|1|是|||ftp://x",
                "办理地点", "市民中心|上城区|||8888")), EMPTY);

        assertThat(read.problems()).containsExactly(
                "第2行 申请材料：第1项的份数应为整数（至少 1），现在是“两”；第2项的形式应为 原件、复印件、原件和复印件 或 电子证照，现在是“扫描件”；"
                        + "第2项的样表链接应为以 http:// 或 https:// 开头的完整网址，现在是“ftp://x”",
                "第2行 办理地点：第1处的电话“8888”不是有效的电话号码（手机号 11 位；固定电话带区号，如 0571-87654321；服务热线如 12345）");
    }

    @Test
    void refusesAnIdThatIsNotASlugInChinese() {
        SpreadsheetFormat.Result read = SpreadsheetFormat.read(sheet(Map.of("编号", "Dog Registration")), EMPTY);

        assertThat(read.problems()).containsExactly("第2行 编号：只能用小写字母、数字和连字符（如 dog-registration），现在是“Dog Registration”");
    }

    @Test
    void refusesTheTemplatesExampleRow() {
        ServiceItem real = SpreadsheetFormat.read(sheet(Map.of()), EMPTY).items().get(0);
        List<List<String>> rows = new ArrayList<>();
        rows.add(SpreadsheetFormat.COLUMNS.stream().map(SpreadsheetFormat.Column::header).toList());
        rows.add(SpreadsheetFormat.COLUMNS.stream().map(c -> c.write().apply(SpreadsheetFormat.example(real))).toList());
        KnowledgeSnapshot withTheRealItem = new KnowledgeSnapshot(List.of(real), List.of(), Lexicon.EMPTY);

        SpreadsheetFormat.Result read = SpreadsheetFormat.read(rows, withTheRealItem);

        assertThat(read.items()).isEmpty();
        assertThat(read.problems()).containsExactly(
                "第2行 编号：“示例-dog-registration”是模板里的示例行，不会导入。请删除这一行，或把编号和内容改成真实事项的",
                "第2行 事项名称：以“（示例）”开头，是模板里的示例行，不会导入。请删除这一行，或改成真实事项");
    }

    @Test
    void refusesAnExampleRowWhoseIdWasReplacedButNameKept() {
        SpreadsheetFormat.Result read = SpreadsheetFormat.read(sheet(Map.of("事项名称", "（示例）养犬登记")), EMPTY);

        assertThat(read.problems()).singleElement().asString().startsWith("第2行 事项名称：以“（示例）”开头");
    }
}
