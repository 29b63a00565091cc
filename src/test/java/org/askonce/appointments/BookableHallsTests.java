package org.askonce.appointments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Path;
import java.time.LocalTime;
import org.askonce.knowledge.KnowledgeFolder;
import org.askonce.knowledge.KnowledgeSnapshot;
import org.askonce.knowledge.ServiceItem;
import org.junit.jupiter.api.Test;

class BookableHallsTests {

    private static JsonNode yaml(String text) throws Exception {
        return new ObjectMapper(new YAMLFactory()).readTree(text);
    }

    private static BookableHalls parse(String text) throws Exception {
        return BookableHalls.parse(yaml(text), "appointments.yaml");
    }

    @Test
    void aHallOffersSlotsOfItsLengthWithinItsHours() throws Exception {
        BookableHalls halls = parse("""
                halls:
                - hall: 市民中心
                  items: [出生登记]
                  slot-minutes: 45
                  capacity: 2
                  hours: ['09:00-10:30', '13:30-14:30']
                """);
        assertThat(halls.forItem("出生登记").get(0).slotStarts())
                .containsExactly(LocalTime.of(9, 0), LocalTime.of(9, 45), LocalTime.of(13, 30));
    }

    @Test
    void anUnknownSettingIsNamedInChinese() {
        assertThatThrownBy(() -> parse("""
                halls:
                - hall: 市民中心
                  items: [出生登记]
                  slot-minutes: 30
                  capacity: 2
                  hours: ['09:00-12:00']
                  windows: 3
                """)).hasMessage("appointments.yaml 第 1 个大厅：不认识的设置“windows”（可用：hall、items、slot-minutes、capacity、hours）");
    }

    @Test
    void aBadPeriodIsNamedInChinese() {
        assertThatThrownBy(() -> parse("""
                halls:
                - hall: 市民中心
                  items: [出生登记]
                  slot-minutes: 30
                  capacity: 2
                  hours: ['12:00-09:00']
                """)).hasMessage("appointments.yaml 第 1 个大厅（市民中心）：开放时间段“12:00-09:00”格式不对，应如 09:00-12:00（开始早于结束）");
    }

    @Test
    void aMissingCapacityIsNamedInChinese() {
        assertThatThrownBy(() -> parse("""
                halls:
                - hall: 市民中心
                  items: [出生登记]
                  slot-minutes: 30
                  hours: ['09:00-12:00']
                """)).hasMessage("appointments.yaml 第 1 个大厅（市民中心）：缺少 capacity（每个时段可预约的人数），或不是整数");
    }

    @Test
    void everySampleItemWithAHallIsBookableInOneOfItsHalls() {
        KnowledgeSnapshot knowledge = KnowledgeFolder.read(Path.of("knowledge-base"));
        BookableHalls halls = BookableHalls.read(Path.of("knowledge-base/appointments.yaml"));
        for (ServiceItem item : knowledge.items()) {
            if (item.halls().isEmpty()) {
                continue;
            }
            assertThat(halls.forItem(item.name())).as(item.name()).isNotEmpty()
                    .allSatisfy(h -> assertThat(item.halls()).extracting(ServiceItem.Hall::name).contains(h.name()));
        }
        assertThat(halls.halls()).flatExtracting(BookableHalls.Hall::items)
                .allSatisfy(name -> assertThat(knowledge.itemByName(name)).as(name).isPresent());
    }
}
