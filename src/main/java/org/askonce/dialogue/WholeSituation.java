package org.askonce.dialogue;

import java.util.regex.Pattern;

/**
 * Whether a question asks about everything a situation needs rather than one service: "要办哪些手续",
 * "整套下来要办点什么", "按什么顺序办", "还有没有别的要跑的", "这些怎么一起弄". Such a question is
 * answered with a life event (一件事) when one fits; without these words, only a near-exact wording
 * of an event is.
 */
final class WholeSituation {

    private static final Pattern CUES = Pattern.compile(String.join("|",
            "哪些(手续|事|证(?![件明])|部门|部門|流程|地方|补助|许可)", "(要|需要)(弄|办|跑)哪些", "清单",
            "哪[几幾]个(部门|部門|地方)", "几个(部门|部門|地方)",
            "(什么|啥|些|点)(手续|手續)", "办(点|些)(啥|什么)", "要办(啥|什么)(?!材料)", "有什么要(办|跑)", "(该|要)去办", "办点啥",
            "需要办点", "接下来要办", "后续要办", "还有(没有)?(别的|哪些|什么)", "(一整套|整套|整个流程|全流程|从头到尾|一步步|一次办完)",
            "按什么顺序", "一起(办|弄|怎么|处理)", "这些(怎么|都|需要|要)", "都要(办|跑)", "要跑哪", "跑哪[些几]",
            "流程(怎么走|说一下)", "怎么处理", "要走哪些"));

    private WholeSituation() {
    }

    /** Whether the (normalised) text has words that ask about the whole situation. */
    static boolean asked(String text) {
        return CUES.matcher(text).find();
    }
}
