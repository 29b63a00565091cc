package org.askonce.wechat;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;
import me.chanjar.weixin.mp.bean.message.WxMpXmlOutMessage;
import me.chanjar.weixin.mp.bean.message.WxMpXmlOutTextMessage;
import me.chanjar.weixin.mp.util.xml.XStreamTransformer;
import org.junit.jupiter.api.Test;

class WechatTextTests {

    @Test
    void aCdataTerminatorIsNeutralised() {
        assertThat(WechatText.sanitise("a]]>b")).isEqualTo("a]]＞b");
    }

    @Test
    void controlCharactersAreRemovedButLineBreaksAndTabsKept() {
        assertThat(WechatText.sanitise("a\u0000b\u0001c\u001Fd\ne\tf\u0085g")).isEqualTo("abcd\ne\tfg");
    }

    @Test
    void aLoneSurrogateIsRemovedAndAnEmojiKept() {
        assertThat(WechatText.sanitise("x\uD800y😀")).isEqualTo("xy😀");
    }

    @Test
    void cleanTextIsReturnedAsItIs() {
        String text = "狗证要带：\n1. 身份证\t原件\n2. 照片";
        assertThat(WechatText.sanitise(text)).isSameAs(text);
    }

    @Test
    void theReplyXmlReadsBackWithWxJavaAsTheSameTextMessage() {
        String xml = WechatText.replyXml("o-user", "gh_account", 1_700_000_000L, "材料：身份证]]>照片\u0001\n第二行");

        WxMpXmlMessage back = XStreamTransformer.fromXml(WxMpXmlMessage.class, xml);
        assertThat(back.getToUser()).isEqualTo("o-user");
        assertThat(back.getFromUser()).isEqualTo("gh_account");
        assertThat(back.getCreateTime()).isEqualTo(1_700_000_000L);
        assertThat(back.getMsgType()).isEqualTo("text");
        assertThat(back.getContent()).isEqualTo("材料：身份证]]＞照片\n第二行");

        WxMpXmlOutTextMessage wxJava = WxMpXmlOutMessage.TEXT().toUser("o-user").fromUser("gh_account").content("材料：身份证]]＞照片\n第二行").build();
        wxJava.setCreateTime(1_700_000_000L);
        WxMpXmlMessage theirs = XStreamTransformer.fromXml(WxMpXmlMessage.class, wxJava.toXml());
        assertThat(back).usingRecursiveComparison().isEqualTo(theirs);
    }

    @Test
    void aShortTextIsOnePartUnchanged() {
        assertThat(WechatText.split("狗证要带身份证。")).containsExactly("狗证要带身份证。");
    }

    @Test
    void aLongTextIsSplitAtLineEndsIntoPartsUnderTheLimitThatTogetherHoldEveryLine() {
        List<String> lines = IntStream.rangeClosed(1, 60).mapToObj(i -> i + ". 材料" + "很长的说明".repeat(8)).toList();
        List<String> parts = WechatText.split(String.join("\n", lines));

        assertThat(parts).hasSizeGreaterThan(1);
        assertThat(parts).allSatisfy(p -> assertThat(p.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(WechatText.MAX_BYTES));
        assertThat(parts.get(0)).endsWith("（第1/" + parts.size() + "部分，回复“更多”查看下一部分）");
        assertThat(parts.get(parts.size() - 1)).doesNotContain("回复“更多”");
        String joined = parts.stream().map(p -> p.replaceAll("\n（第\\d+/\\d+部分，回复“更多”查看下一部分）$", "")).collect(Collectors.joining("\n"));
        assertThat(joined).isEqualTo(String.join("\n", lines));
    }

    @Test
    void aSingleLineLongerThanAPartIsCutAtCharacterBoundaries() {
        String line = "办".repeat(1500); // 4,500 bytes, no line break
        List<String> parts = WechatText.split(line);
        assertThat(parts).hasSize(3);
        assertThat(String.join("", parts.stream().map(p -> p.replaceAll("\n（第.*）$", "")).toList())).isEqualTo(line);
    }

    @Test
    void aPushedTextThatFitsIsOneMessageUnchanged() {
        assertThat(WechatText.pushParts("狗证要带身份证。\n请带原件。")).containsExactly("狗证要带身份证。\n请带原件。");
    }

    @Test
    void aLongPushedTextIsSplitAtLineEndsIntoNumberedMessagesUnderTheLimitThatTogetherHoldEveryLine() {
        // an agent's 2,000-character reply: 6,000 bytes and more, three times what one WeChat message takes
        List<String> lines = IntStream.rangeClosed(1, 40).mapToObj(i -> i + "、" + "请携带本人身份证原件和复印件".repeat(3)).toList();
        List<String> parts = WechatText.pushParts(String.join("\n", lines));

        assertThat(parts).hasSizeGreaterThan(2);
        assertThat(parts).allSatisfy(p -> assertThat(p.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(WechatText.MAX_BYTES));
        assertThat(parts.get(0)).endsWith("\n（第1/" + parts.size() + "条）");
        assertThat(parts.get(parts.size() - 1)).endsWith("（第" + parts.size() + "/" + parts.size() + "条）").doesNotContain("更多");
        String joined = parts.stream().map(p -> p.replaceAll("\n（第\\d+/\\d+条）$", "")).collect(Collectors.joining("\n"));
        assertThat(joined).isEqualTo(String.join("\n", lines));
    }
}
